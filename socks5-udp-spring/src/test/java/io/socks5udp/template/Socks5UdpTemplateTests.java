/*
 * Copyright 2026 the socks5-udp authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.socks5udp.template;

import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5Errno;
import io.socks5udp.core.protocol.Socks5NoServerException;
import io.socks5udp.core.protocol.Socks5PayloadTooLargeException;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.template.TemplateFixture.Received;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static io.socks5udp.template.TemplateFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Socks5UdpTemplate}, against the embedded relay and a UDP echo server
 * on loopback.
 *
 * @author socks5-udp authors
 */
class Socks5UdpTemplateTests {

	private static final long TIMEOUT_SECONDS = TemplateFixture.TIMEOUT_SECONDS;

	@RegisterExtension
	final TemplateFixture fixture = new TemplateFixture();

	@Test
	void sendsThroughTheServerItsRuleNamesAndDeliversTheEcho() throws Exception {
		this.fixture.start(this.fixture.builder("127.0.0.1/32 relay"));
		Socks5UdpRoute route = this.fixture.template().send("127.0.0.1", this.fixture.echo().port(), bytes("hello"));
		assertThat(route.serverName()).isEqualTo("relay");
		assertThat(route.relayAddress()).isNotNull();
		Received echoed = this.fixture.awaitReceived();
		assertThat(echoed.text()).isEqualTo("hello");
		assertThat(echoed.source()).isEqualTo(Socks5Address.of(this.fixture.echo().address()));
		assertThat(echoed.route()).isEqualTo(route);
		assertThat(this.fixture.relay().counters().datagramsToDestinations()).isEqualTo(1);
		assertThat(this.fixture.template().directLocalAddress()).isNull();
	}

	@Test
	void publishesAFailoverAsAnApplicationEvent() throws Exception {
		String closed = "127.0.0.1:" + TemplateFixture.closedPort();
		String relay = "127.0.0.1:" + this.fixture.relay().port();
		Socks5ServerRegistry registry = Socks5ServerRegistry.builder()
			.text("socks5c.conf", "127.0.0.1/32 " + closed + "\n127.0.0.1/32 " + relay + "\n")
			.build();
		List<Socks5UdpFailoverEvent> events = new CopyOnWriteArrayList<>();
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.addApplicationListener((ApplicationEvent event) -> {
				if (event instanceof Socks5UdpFailoverEvent failover) {
					events.add(failover);
				}
			});
			context.registerBean(Socks5UdpTemplate.class, () -> Socks5UdpTemplate.builder(registry).build());
			context.refresh();
			Socks5UdpTemplate template = context.getBean(Socks5UdpTemplate.class);
			assertThat(template.send("127.0.0.1", this.fixture.echo().port(), bytes("moved")).serverName())
				.isEqualTo(relay);
			assertThat(events).singleElement().satisfies((event) -> {
				assertThat(event.getSource()).isSameAs(template);
				assertThat(event.getKind()).isEqualTo(Socks5UdpFailoverEvent.Kind.FAILED_OVER);
				assertThat(event.getServer()).isEqualTo(closed);
				assertThat(event.getCarrier()).isEqualTo(relay);
				assertThat(event.getRule()).isEqualTo(closed + "," + relay);
			});
		}
	}

	@Test
	void deliveringADatagramToListenersAllocatesNothing() throws Exception {
		Socks5UdpTemplate template = this.fixture.use(this.fixture.warmBuilder("127.0.0.1/32 relay").build());
		ReceiveAllocationProbe probe = new ReceiveAllocationProbe(2_000, 1_000);
		template.addListener(probe);
		template.addListener((source, payload, route) -> {
			// a second listener, so that delivery walks a list of listeners
		});
		template.addAssociationListener(this.fixture.events());
		template.start();
		this.fixture.events().awaitOpened();
		ByteBuffer payload = ByteBuffer.allocateDirect(64);
		Socks5Address echo = Socks5Address.of(this.fixture.echo().address());
		for (int i = 0; i < probe.total(); i++) {
			template.send(echo, payload.clear());
			assertThat(probe.awaitDatagram()).as("echo of datagram %d", i).isTrue();
		}
		// Decoding, dispatching to both listeners and the probe itself, on the receive
		// thread: one object per datagram would be at least 16 bytes each
		assertThat(probe.allocatedBytes()).isLessThan(1_000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "::1", "localhost" })
	void sendingToAStringHostAllocatesNothingPerCall(String host) throws Exception {
		Socks5UdpTemplate template = this.fixture
			.use(this.fixture.warmBuilder("127.0.0.1/32 relay", "::1/128 relay", "localhost relay").build());
		Semaphore echoes = new Semaphore(0);
		template.addListener((source, payload, route) -> echoes.release());
		template.addAssociationListener(this.fixture.events());
		template.start();
		this.fixture.events().awaitOpened();
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		try (UdpEchoServer ipv6Echo = UdpEchoServer.startIpv6()) {
			int port = host.equals("::1") ? ipv6Echo.port() : this.fixture.echo().port();
			ByteBuffer payload = ByteBuffer.allocateDirect(64);
			byte[] bytes = new byte[64];
			long allocated = 0;
			for (int i = 0; i < 3_000; i++) {
				long before = threads.getCurrentThreadAllocatedBytes();
				Socks5UdpRoute route = ((i % 2) == 0) ? template.send(host, port, payload.clear())
						: template.send(host, port, bytes);
				if (i >= 2_000) {
					allocated += threads.getCurrentThreadAllocatedBytes() - before;
				}
				assertThat(route.serverName()).isEqualTo("relay");
				assertThat(echoes.tryAcquire(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("echo of datagram %d", i).isTrue();
			}
			// One object per call would be at least 16,000 bytes; parsing the host took
			// 136 to 704 bytes per call (136,000 to 704,000 here). Under half an object
			// per call leaves room for what a loaded machine's late JIT compilation
			// allocates once (1,152 bytes seen at load average 15)
			assertThat(allocated).as("bytes allocated by 1,000 sends to %s", host).isLessThan(8_000);
		}
	}

	@Test
	void sendsDirectlyWhatNoRuleSendsToAServer() throws Exception {
		this.fixture.start(this.fixture.builder("10.0.0.0/8 relay"));
		Socks5UdpRoute route = this.fixture.template()
			.send(this.fixture.echo().address(), ByteBuffer.wrap(bytes("direct")));
		assertThat(route).isEqualTo(Socks5UdpRoute.DIRECT);
		Received echoed = this.fixture.awaitReceived();
		assertThat(echoed.text()).isEqualTo("direct");
		assertThat(echoed.route().isDirect()).isTrue();
		assertThat(this.fixture.echo().lastSender().getPort())
			.isEqualTo(this.fixture.template().directLocalAddress().getPort());
		assertThat(this.fixture.relay().counters().datagramsToDestinations()).isZero();
	}

	@Test
	void hostNamesFollowNameRulesAndAddressesFollowAddressRules() throws Exception {
		this.fixture.start(this.fixture.builder("localhost relay", "127.0.0.0/8 NONE"));
		Socks5UdpRoute viaRelay = this.fixture.template()
			.send("localhost", this.fixture.echo().port(), bytes("by name"));
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("by name");
		InetSocketAddress relaySide = this.fixture.echo().lastSender();
		Socks5UdpRoute direct = this.fixture.template()
			.send("127.0.0.1", this.fixture.echo().port(), bytes("by address"));
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("by address");
		InetSocketAddress directSide = this.fixture.echo().lastSender();
		assertThat(viaRelay.serverName()).isEqualTo("relay");
		assertThat(direct.isDirect()).isTrue();
		assertThat(directSide.getPort()).isEqualTo(this.fixture.template().directLocalAddress().getPort())
			.isNotEqualTo(relaySide.getPort());
	}

	@Test
	void sendAndReceiveReturnsTheReplyWithoutPassingItToListeners() throws Exception {
		this.fixture.start(this.fixture.builder("127.0.0.1/32 relay"));
		Socks5UdpDatagram reply = this.fixture.template()
			.sendAndReceive("127.0.0.1", this.fixture.echo().port(), bytes("question"),
					Duration.ofSeconds(TIMEOUT_SECONDS));
		assertThat(reply.address()).isEqualTo(Socks5Address.of(this.fixture.echo().address()));
		assertThat(StandardCharsets.US_ASCII.decode(reply.payload()).toString()).isEqualTo("question");
		this.fixture.template().send("127.0.0.1", this.fixture.echo().port(), bytes("marker"));
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("marker");
	}

	@Test
	void sendAndReceiveToANameTakesNoReplyFromAnotherAddressOnItsPort() throws Exception {
		this.fixture.start(this.fixture.builder("localhost relay"));
		try (DatagramSocket destination = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
				DatagramSocket impostor = new DatagramSocket(
						new InetSocketAddress("127.0.0.2", destination.getLocalPort()))) {
			destination.setSoTimeout((int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
			CompletableFuture<Socks5UdpDatagram> reply = CompletableFuture.supplyAsync(() -> this.fixture.template()
				.sendAndReceive("localhost", destination.getLocalPort(), bytes("question"),
						Duration.ofSeconds(TIMEOUT_SECONDS)));
			DatagramPacket question = new DatagramPacket(new byte[64], 64);
			destination.receive(question);
			byte[] forged = bytes("forged");
			impostor.send(new DatagramPacket(forged, forged.length, question.getSocketAddress()));
			Received fromImpostor = this.fixture.awaitReceived();
			assertThat(fromImpostor.text()).isEqualTo("forged");
			assertThat(fromImpostor.source()).isEqualTo(Socks5Address.of("127.0.0.2", destination.getLocalPort()));
			byte[] answer = bytes("answer");
			destination.send(new DatagramPacket(answer, answer.length, question.getSocketAddress()));
			Socks5UdpDatagram received = reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			assertThat(StandardCharsets.US_ASCII.decode(received.payload()).toString()).isEqualTo("answer");
			assertThat(received.address()).isEqualTo(Socks5Address.of("127.0.0.1", destination.getLocalPort()));
		}
	}

	@Test
	void sendAndReceiveWorksDirectlyToo() throws Exception {
		this.fixture.start(this.fixture.builder());
		Socks5UdpDatagram reply = this.fixture.template()
			.sendAndReceive(this.fixture.echo().address(), bytes("ping"), Duration.ofSeconds(TIMEOUT_SECONDS));
		assertThat(StandardCharsets.US_ASCII.decode(reply.payload()).toString()).isEqualTo("ping");
	}

	@Test
	void sendAndReceiveWithoutReplyTimesOutWithAClearException() throws Exception {
		this.fixture.start(this.fixture.builder("127.0.0.1/32 relay"));
		try (DatagramChannel silent = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
			int port = ((InetSocketAddress) silent.getLocalAddress()).getPort();
			assertThatExceptionOfType(Socks5UdpReplyTimeoutException.class)
				.isThrownBy(() -> this.fixture.template()
					.sendAndReceive("127.0.0.1", port, bytes("anyone?"), Duration.ofMillis(300)))
				.withMessageStartingWith("No reply from 127.0.0.1:" + port + " via server 'relay'")
				.withCauseInstanceOf(SocketTimeoutException.class);
		}
	}

	@Test
	void stoppedTemplateRejectsSendsOnEveryRoute() throws Exception {
		this.fixture.start(this.fixture.builder("127.0.0.1/32 relay"));
		this.fixture.template().stop();
		assertThat(this.fixture.template().associations().get("relay").state())
			.isEqualTo(ManagedAssociation.State.STOPPED);
		assertThatExceptionOfType(Socks5UdpServerUnavailableException.class)
			.isThrownBy(() -> this.fixture.template().send("127.0.0.1", this.fixture.echo().port(), bytes("x")))
			.withMessageContaining("the template is not running");
		assertThatExceptionOfType(Socks5UdpServerUnavailableException.class)
			.isThrownBy(() -> this.fixture.template().send("::1", this.fixture.echo().port(), bytes("x")))
			.withMessageContaining("the template is not running");
	}

	@Test
	void oversizePayloadIsRejectedBeforeSendingAndCounted() throws Exception {
		this.fixture.start(this.fixture.warmBuilder("127.0.0.1/32 relay"));
		this.fixture.events().awaitOpened();
		assertThatExceptionOfType(Socks5PayloadTooLargeException.class)
			.isThrownBy(() -> this.fixture.template().send("127.0.0.1", this.fixture.echo().port(), new byte[65498]));
		assertThat(this.fixture.template().associations().get("relay").traffic().dropped(Socks5DropReason.OVERSIZE))
			.isEqualTo(1);
	}

	@Test
	void trafficCountsWhatWasSentAndReceivedPerRoute() throws Exception {
		this.fixture.start(this.fixture.builder("127.0.0.1/32 relay"));
		for (int i = 0; i < 3; i++) {
			this.fixture.template().send("127.0.0.1", this.fixture.echo().port(), bytes("1234"));
			this.fixture.awaitReceived();
		}
		this.fixture.template().send("::1", 9, bytes("12"));
		Socks5UdpTraffic traffic = this.fixture.template().associations().get("relay").traffic();
		assertThat(traffic.datagramsSent()).isEqualTo(3);
		assertThat(traffic.bytesSent()).isEqualTo(12);
		assertThat(traffic.datagramsReceived()).isEqualTo(3);
		assertThat(traffic.bytesReceived()).isEqualTo(12);
		assertThat(this.fixture.template().directTraffic().datagramsSent()).isEqualTo(1);
		assertThat(this.fixture.template().directTraffic().bytesSent()).isEqualTo(2);
	}

	/**
	 * Reads the receive thread's allocation counter at two datagrams, after a warm-up.
	 */
	private static final class ReceiveAllocationProbe implements Socks5UdpDatagramListener {

		private static final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();

		private final Semaphore echoes = new Semaphore(0);

		private final int warmUp;

		private final int measured;

		private int count;

		private long start;

		private volatile long allocated = -1;

		ReceiveAllocationProbe(int warmUp, int measured) {
			this.warmUp = warmUp;
			this.measured = measured;
		}

		int total() {
			return this.warmUp + this.measured;
		}

		@Override
		public void onDatagram(Socks5Address source, ByteBuffer payload, Socks5UdpRoute route) {
			this.count++;
			if (this.count == this.warmUp) {
				this.start = threads.getCurrentThreadAllocatedBytes();
			}
			else if (this.count == this.warmUp + this.measured) {
				this.allocated = threads.getCurrentThreadAllocatedBytes() - this.start;
			}
			this.echoes.release();
		}

		boolean awaitDatagram() throws InterruptedException {
			return this.echoes.tryAcquire(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}

		long allocatedBytes() {
			return this.allocated;
		}

	}

	@Test
	void requestTellsTheRelayThatCarriedTheReply() throws Exception {
		this.fixture.start(this.fixture.builder("127.0.0.1/32 relay"));
		Socks5UdpReply reply = this.fixture.template()
			.request(Socks5Address.of(this.fixture.echo().address()), bytes("question"),
					Duration.ofSeconds(TIMEOUT_SECONDS), Socks5UdpRoutePolicy.REQUIRE_SERVER);
		assertThat(reply.datagram().address()).isEqualTo(Socks5Address.of(this.fixture.echo().address()));
		assertThat(StandardCharsets.US_ASCII.decode(reply.datagram().payload()).toString()).isEqualTo("question");
		assertThat(reply.route().serverName()).isEqualTo("relay");
		assertThat(reply.route().relayAddress()).isEqualTo(this.fixture.relay().lastBoundAddress());
	}

	@Test
	void serverRequiredRefusesTheDirectRouteAndSendsNothing() throws Exception {
		this.fixture.start(this.fixture.builder());
		Socks5Address echo = Socks5Address.of(this.fixture.echo().address());
		assertThatExceptionOfType(Socks5UdpException.class)
			.isThrownBy(() -> this.fixture.template()
				.send(echo, ByteBuffer.wrap(bytes("no")), Socks5UdpRoutePolicy.REQUIRE_SERVER))
			.withMessage("No SOCKS5 server for " + echo)
			.withRootCauseInstanceOf(Socks5NoServerException.class)
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Socks5Errno.S5_ENOSERV));
		assertThatExceptionOfType(Socks5UdpException.class)
			.isThrownBy(() -> this.fixture.template()
				.request(echo, bytes("no"), Duration.ofSeconds(TIMEOUT_SECONDS), Socks5UdpRoutePolicy.REQUIRE_SERVER))
			.withRootCauseInstanceOf(Socks5NoServerException.class);
		assertThat(this.fixture.template()
			.requestAsync(echo, bytes("no"), Duration.ofSeconds(TIMEOUT_SECONDS), Socks5UdpRoutePolicy.REQUIRE_SERVER))
			.failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.withRootCauseInstanceOf(Socks5NoServerException.class);
		this.fixture.template().send(echo, ByteBuffer.wrap(bytes("allowed")), Socks5UdpRoutePolicy.ALLOW_DIRECT);
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("allowed");
		assertThat(this.fixture.echo().datagramCount()).isOne();
	}

	@Test
	void requestAsyncCompletesWithTheReplyAndItsRoute() throws Exception {
		this.fixture.start(this.fixture.builder("127.0.0.1/32 relay"));
		CompletableFuture<Socks5UdpReply> reply = this.fixture.template()
			.requestAsync(Socks5Address.of(this.fixture.echo().address()), bytes("later"),
					Duration.ofSeconds(TIMEOUT_SECONDS), Socks5UdpRoutePolicy.ALLOW_DIRECT);
		assertThat(reply).succeedsWithin(Duration.ofSeconds(TIMEOUT_SECONDS)).satisfies((answer) -> {
			assertThat(StandardCharsets.US_ASCII.decode(answer.datagram().payload()).toString()).isEqualTo("later");
			assertThat(answer.route().relayAddress()).isEqualTo(this.fixture.relay().lastBoundAddress());
		});
	}

	@Test
	void requestAsyncWithoutReplyFailsWithTheTimeoutException() throws Exception {
		this.fixture.start(this.fixture.builder("127.0.0.1/32 relay"));
		try (DatagramChannel silent = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
			int port = ((InetSocketAddress) silent.getLocalAddress()).getPort();
			CompletableFuture<Socks5UdpReply> reply = this.fixture.template()
				.requestAsync(Socks5Address.of("127.0.0.1", port), bytes("anyone?"), Duration.ofMillis(300),
						Socks5UdpRoutePolicy.ALLOW_DIRECT);
			assertThat(reply).failsWithin(Duration.ofSeconds(TIMEOUT_SECONDS))
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.isInstanceOf(Socks5UdpReplyTimeoutException.class)
				.withMessageStartingWith("No reply from 127.0.0.1:" + port + " via server 'relay'");
		}
	}

	@Test
	void cancelledRequestLeavesItsLateReplyToTheListeners() throws Exception {
		this.fixture.start(this.fixture.builder());
		try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
			peer.setSoTimeout((int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
			Socks5Address destination = Socks5Address.of((InetSocketAddress) peer.getLocalSocketAddress());
			CompletableFuture<Socks5UdpReply> reply = this.fixture.template()
				.requestAsync(destination, bytes("question"), Duration.ofSeconds(TIMEOUT_SECONDS),
						Socks5UdpRoutePolicy.ALLOW_DIRECT);
			DatagramPacket request = new DatagramPacket(new byte[64], 64);
			peer.receive(request);
			assertThat(reply.cancel(false)).isTrue();
			byte[] late = bytes("late answer");
			peer.send(new DatagramPacket(late, late.length, request.getSocketAddress()));
			Received received = this.fixture.awaitReceived();
			assertThat(received.text()).isEqualTo("late answer");
			assertThat(received.source()).isEqualTo(destination);
			assertThat(reply).isCancelled();
		}
	}

}
