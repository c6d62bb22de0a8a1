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

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5Errno;
import io.socks5udp.core.protocol.Socks5NotAllowedException;
import io.socks5udp.core.protocol.Socks5PayloadTooLargeException;
import io.socks5udp.core.protocol.Socks5ReplyCode;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.core.registry.Socks5ConfigParser;
import io.socks5udp.core.registry.Socks5Rule;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.core.registry.Socks5ServerResolver;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Socks5UdpTemplate}, against the embedded relay and a UDP echo server
 * on loopback.
 *
 * @author socks5-udp authors
 */
class Socks5UdpTemplateTests {

	private static final long TIMEOUT_SECONDS = 20;

	private final AssociationEvents events = new AssociationEvents();

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	private EmbeddedSocks5Relay relay;

	private UdpEchoServer echo;

	private Socks5UdpTemplate template;

	@BeforeEach
	void startPeers() throws IOException {
		this.relay = EmbeddedSocks5Relay.builder().build().start();
		this.echo = UdpEchoServer.startIpv4();
	}

	@AfterEach
	void stopAll() {
		if (this.template != null) {
			this.template.stop();
		}
		this.relay.close();
		this.echo.close();
	}

	@Test
	void sendsThroughTheServerItsRuleNamesAndDeliversTheEcho() throws Exception {
		start(builder("127.0.0.1/32 relay"));
		Socks5UdpRoute route = this.template.send("127.0.0.1", this.echo.port(), bytes("hello"));
		assertThat(route.serverName()).isEqualTo("relay");
		assertThat(route.relayAddress()).isNotNull();
		Received echoed = awaitReceived();
		assertThat(echoed.text()).isEqualTo("hello");
		assertThat(echoed.source()).isEqualTo(Socks5Address.of(this.echo.address()));
		assertThat(echoed.route()).isEqualTo(route);
		assertThat(this.relay.counters().datagramsToDestinations()).isEqualTo(1);
		assertThat(this.template.directLocalAddress()).isNull();
	}

	@Test
	void deliveringADatagramToListenersAllocatesNothing() throws Exception {
		this.template = builder("127.0.0.1/32 relay").build();
		ReceiveAllocationProbe probe = new ReceiveAllocationProbe(2_000, 1_000);
		this.template.addListener(probe);
		this.template.addListener((source, payload, route) -> {
			// a second listener, so that delivery walks a list of listeners
		});
		this.template.addAssociationListener(this.events);
		this.template.start();
		this.events.awaitOpened();
		ByteBuffer payload = ByteBuffer.allocateDirect(64);
		Socks5Address echo = Socks5Address.of(this.echo.address());
		for (int i = 0; i < probe.total(); i++) {
			this.template.send(echo, payload.clear());
			assertThat(probe.awaitDatagram()).as("echo of datagram %d", i).isTrue();
		}
		// Decoding, dispatching to both listeners and the probe itself, on the receive
		// thread: one object per datagram would be at least 16 bytes each
		assertThat(probe.allocatedBytes()).isLessThan(1_000);
	}

	@Test
	void channelCustomizersReachTheAssociationsChannel() throws Exception {
		List<String> customized = new CopyOnWriteArrayList<>();
		start(builder("127.0.0.1/32 relay").channelCustomizers(List.of((channel) -> {
			channel.setOption(StandardSocketOptions.SO_RCVBUF, 262144);
			customized.add((channel.getLocalAddress() != null) ? "association" : "direct");
		})));
		this.events.awaitOpened();
		assertThat(customized).containsExactly("association");
		this.template.send("127.0.0.1", this.echo.port(), bytes("customized"));
		assertThat(awaitReceived().text()).isEqualTo("customized");
	}

	@Test
	void sendsDirectlyWhatNoRuleSendsToAServer() throws Exception {
		start(builder("10.0.0.0/8 relay"));
		Socks5UdpRoute route = this.template.send(this.echo.address(), ByteBuffer.wrap(bytes("direct")));
		assertThat(route).isEqualTo(Socks5UdpRoute.DIRECT);
		Received echoed = awaitReceived();
		assertThat(echoed.text()).isEqualTo("direct");
		assertThat(echoed.route().isDirect()).isTrue();
		assertThat(this.echo.lastSender().getPort()).isEqualTo(this.template.directLocalAddress().getPort());
		assertThat(this.relay.counters().datagramsToDestinations()).isZero();
	}

	@Test
	void hostNamesFollowNameRulesAndAddressesFollowAddressRules() throws Exception {
		start(builder("localhost relay", "127.0.0.0/8 NONE"));
		Socks5UdpRoute viaRelay = this.template.send("localhost", this.echo.port(), bytes("by name"));
		assertThat(awaitReceived().text()).isEqualTo("by name");
		InetSocketAddress relaySide = this.echo.lastSender();
		Socks5UdpRoute direct = this.template.send("127.0.0.1", this.echo.port(), bytes("by address"));
		assertThat(awaitReceived().text()).isEqualTo("by address");
		InetSocketAddress directSide = this.echo.lastSender();
		assertThat(viaRelay.serverName()).isEqualTo("relay");
		assertThat(direct.isDirect()).isTrue();
		assertThat(directSide.getPort()).isEqualTo(this.template.directLocalAddress().getPort())
			.isNotEqualTo(relaySide.getPort());
	}

	@Test
	void sendAndReceiveReturnsTheReplyWithoutPassingItToListeners() throws Exception {
		start(builder("127.0.0.1/32 relay"));
		Socks5UdpDatagram reply = this.template.sendAndReceive("127.0.0.1", this.echo.port(), bytes("question"),
				Duration.ofSeconds(TIMEOUT_SECONDS));
		assertThat(reply.address()).isEqualTo(Socks5Address.of(this.echo.address()));
		assertThat(StandardCharsets.US_ASCII.decode(reply.payload()).toString()).isEqualTo("question");
		this.template.send("127.0.0.1", this.echo.port(), bytes("marker"));
		assertThat(awaitReceived().text()).isEqualTo("marker");
	}

	@Test
	void sendAndReceiveToANameTakesNoReplyFromAnotherAddressOnItsPort() throws Exception {
		start(builder("localhost relay"));
		try (DatagramSocket destination = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
				DatagramSocket impostor = new DatagramSocket(
						new InetSocketAddress("127.0.0.2", destination.getLocalPort()))) {
			destination.setSoTimeout((int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
			CompletableFuture<Socks5UdpDatagram> reply = CompletableFuture
				.supplyAsync(() -> this.template.sendAndReceive("localhost", destination.getLocalPort(),
						bytes("question"), Duration.ofSeconds(TIMEOUT_SECONDS)));
			DatagramPacket question = new DatagramPacket(new byte[64], 64);
			destination.receive(question);
			byte[] forged = bytes("forged");
			impostor.send(new DatagramPacket(forged, forged.length, question.getSocketAddress()));
			Received fromImpostor = awaitReceived();
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
		start(builder());
		Socks5UdpDatagram reply = this.template.sendAndReceive(this.echo.address(), bytes("ping"),
				Duration.ofSeconds(TIMEOUT_SECONDS));
		assertThat(StandardCharsets.US_ASCII.decode(reply.payload()).toString()).isEqualTo("ping");
	}

	@Test
	void sendAndReceiveWithoutReplyTimesOutWithAClearException() throws Exception {
		start(builder("127.0.0.1/32 relay"));
		try (DatagramChannel silent = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
			int port = ((InetSocketAddress) silent.getLocalAddress()).getPort();
			assertThatExceptionOfType(Socks5UdpReplyTimeoutException.class)
				.isThrownBy(
						() -> this.template.sendAndReceive("127.0.0.1", port, bytes("anyone?"), Duration.ofMillis(300)))
				.withMessageStartingWith("No reply from 127.0.0.1:" + port + " via server 'relay'")
				.withCauseInstanceOf(SocketTimeoutException.class);
		}
	}

	@Test
	void removedListenerGetsNothingAndAFailingListenerDoesNotStopOthers() throws Exception {
		Socks5UdpTemplate.Builder builder = builder("127.0.0.1/32 relay");
		this.template = builder.build();
		BlockingQueue<String> removedGot = new LinkedBlockingQueue<>();
		Socks5UdpListenerRegistration removed = this.template
			.addListener((source, payload, route) -> removedGot.add("x"));
		this.template.addListener((source, payload, route) -> {
			payload.get();
			throw new IllegalStateException("listener bug");
		});
		this.template.addListener(this::record);
		this.template.start();
		removed.remove();
		// Idempotent: a second call removes nothing else
		removed.remove();
		this.template.send("127.0.0.1", this.echo.port(), bytes("still delivered"));
		assertThat(awaitReceived().text()).isEqualTo("still delivered");
		assertThat(removedGot).isEmpty();
	}

	@Test
	void deadAssociationIsReestablishedWithANewRelayAddress() throws Exception {
		start(builder("127.0.0.1/32 relay"));
		this.events.awaitOpened();
		ManagedAssociation association = this.template.associations().get("relay");
		InetSocketAddress firstRelay = association.status().relayAddress();
		this.relay.faults().replyCode(Socks5ReplyCode.GENERAL_FAILURE);
		this.relay.closeControlConnections(true);
		this.events.awaitDied();
		this.events.awaitFailed();
		assertThat(association.status().state()).isEqualTo(ManagedAssociation.State.DOWN);
		assertThatExceptionOfType(Socks5UdpServerUnavailableException.class)
			.isThrownBy(() -> this.template.send("127.0.0.1", this.echo.port(), bytes("lost")))
			.withMessageContaining("SOCKS5 server 'relay'")
			.satisfies((ex) -> assertThat(ex.serverName()).isEqualTo("relay"))
			.satisfies((ex) -> assertThat(ex.downSince()).isNotNull());
		assertThat(association.traffic().dropped(Socks5DropReason.NO_ASSOCIATION)).isEqualTo(1);
		this.relay.faults().reset();
		assertThat(awaitOpenedAgain()).isTrue();
		assertThat(association.status().relayAddress()).isNotEqualTo(firstRelay);
		this.template.send("127.0.0.1", this.echo.port(), bytes("back"));
		assertThat(awaitReceived().text()).isEqualTo("back");
	}

	@Test
	void waitPolicyHoldsSendsUntilTheAssociationIsBack() throws Exception {
		start(builder("127.0.0.1/32 relay").outage(OutageSendPolicy.WAIT, Duration.ofSeconds(TIMEOUT_SECONDS)));
		this.events.awaitOpened();
		this.relay.faults().replyCode(Socks5ReplyCode.GENERAL_FAILURE);
		this.relay.closeControlConnections();
		this.events.awaitDied();
		this.events.awaitFailed();
		CompletableFuture<Socks5UdpRoute> send = CompletableFuture
			.supplyAsync(() -> this.template.send("127.0.0.1", this.echo.port(), bytes("held")));
		this.relay.faults().reset();
		assertThat(send.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).serverName()).isEqualTo("relay");
		assertThat(awaitReceived().text()).isEqualTo("held");
	}

	@Test
	void backoffAfterADeathGrowsFromItsFirstDelay() throws Exception {
		start(builder("127.0.0.1/32 relay")
			.reconnectBackoff(new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(10), 2, 0)));
		this.events.awaitOpened();
		BlockingQueue<Long> failures = new LinkedBlockingQueue<>();
		this.template.addAssociationListener(new ManagedAssociationListener() {

			@Override
			public void openFailed(ManagedAssociation association, Duration elapsed, Throwable failure,
					boolean reconnect) {
				failures.add(System.nanoTime());
			}

		});
		this.relay.faults().replyCode(Socks5ReplyCode.GENERAL_FAILURE);
		this.relay.closeControlConnections();
		long first = failures.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		long second = failures.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		long third = failures.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		// Lower bounds only: a scheduler never fires early, a busy machine only adds
		assertThat(Duration.ofNanos(second - first)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
		assertThat(Duration.ofNanos(third - second)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
	}

	@Test
	void waitPolicyGivesUpAfterTheMaximumWait() throws Exception {
		start(builder("127.0.0.1/32 relay").outage(OutageSendPolicy.WAIT, Duration.ofMillis(200)));
		this.events.awaitOpened();
		this.relay.faults().replyCode(Socks5ReplyCode.CONNECTION_NOT_ALLOWED);
		this.relay.closeControlConnections();
		this.events.awaitDied();
		this.events.awaitFailed();
		assertThatExceptionOfType(Socks5UdpServerUnavailableException.class)
			.isThrownBy(() -> this.template.send("127.0.0.1", this.echo.port(), bytes("late")))
			.withMessageContaining("no association after waiting")
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Socks5Errno.S5_EPERM));
	}

	@Test
	void failFastStartFailsWhenTheServerIsUnreachable() throws Exception {
		int closedPort = closedPort();
		this.template = Socks5UdpTemplate.builder(registry(closedPort, "127.0.0.1/32 relay"))
			.server("relay", Socks5AssociationOptions.builder("127.0.0.1", closedPort).name("relay").build())
			.failFast(true)
			.build();
		assertThatExceptionOfType(Socks5UdpStartupException.class).isThrownBy(this.template::start)
			.withMessageStartingWith("Could not open a UDP association with SOCKS5 server 'relay' at 127.0.0.1:"
					+ closedPort + ": ConnectException")
			.withCauseInstanceOf(ConnectException.class);
		assertThat(this.template.isRunning()).isFalse();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void failFastStartDoesNotClaimToRetry(CapturedOutput output) throws Exception {
		int closedPort = closedPort();
		this.template = Socks5UdpTemplate.builder(registry(closedPort, "127.0.0.1/32 relay"))
			.server("relay", Socks5AssociationOptions.builder("127.0.0.1", closedPort).name("relay").build())
			.failFast(true)
			.build();
		assertThatExceptionOfType(Socks5UdpStartupException.class).isThrownBy(this.template::start);
		assertThat(output).doesNotContain("retrying with backoff");
		assertThat(this.template.associations().get("relay").status().failedAttempts()).isEqualTo(1);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void withoutFailFastAFailedStartSaysItRetries(CapturedOutput output) throws Exception {
		int closedPort = closedPort();
		this.template = Socks5UdpTemplate.builder(registry(closedPort, "127.0.0.1/32 relay"))
			.server("relay", Socks5AssociationOptions.builder("127.0.0.1", closedPort).name("relay").build())
			.build();
		this.template.addAssociationListener(this.events);
		this.template.start();
		this.events.awaitFailed();
		Awaitility.await()
			.atMost(Duration.ofSeconds(TIMEOUT_SECONDS))
			.untilAsserted(() -> assertThat(output).contains("retrying with backoff"));
	}

	@Test
	void withoutFailFastStartReturnsAndTheServerIsReportedDown() throws Exception {
		int closedPort = closedPort();
		this.template = Socks5UdpTemplate.builder(registry(closedPort, "127.0.0.1/32 relay"))
			.server("relay", Socks5AssociationOptions.builder("127.0.0.1", closedPort).name("relay").build())
			.build();
		this.template.addAssociationListener(this.events);
		this.template.start();
		assertThat(this.template.isRunning()).isTrue();
		assertThat(this.events.awaitFailed()).isInstanceOf(ConnectException.class);
		ManagedAssociationStatus status = this.template.associations().get("relay").status();
		assertThat(status.state()).isEqualTo(ManagedAssociation.State.DOWN);
		assertThat(status.lastError()).isInstanceOf(ConnectException.class);
		assertThat(status.failedAttempts()).isPositive();
		assertThat(status.since()).isNotNull();
	}

	@Test
	void refusedAssociationIsReportedWithItsReplyCode() throws Exception {
		this.relay.faults().replyCode(Socks5ReplyCode.CONNECTION_NOT_ALLOWED);
		start(builder("127.0.0.1/32 relay"));
		assertThat(this.events.awaitFailed()).isInstanceOf(Socks5NotAllowedException.class);
		ManagedAssociationStatus status = this.template.associations().get("relay").status();
		assertThat(Socks5UdpErrors.code(status.lastError())).isEqualTo("S5_EPERM");
		assertThat(Socks5UdpErrors.replyCode(status.lastError())).isEqualTo("CONNECTION_NOT_ALLOWED(0x02)");
	}

	@Test
	void lazyAssociationOpensOnFirstSend() throws Exception {
		start(builder("127.0.0.1/32 relay").associateOnStartup(false));
		ManagedAssociation association = this.template.associations().get("relay");
		assertThat(association.state()).isEqualTo(ManagedAssociation.State.IDLE);
		this.template.send("127.0.0.1", this.echo.port(), bytes("first"));
		assertThat(awaitReceived().text()).isEqualTo("first");
		assertThat(association.state()).isEqualTo(ManagedAssociation.State.UP);
	}

	@Test
	void stoppedTemplateRejectsSendsOnEveryRoute() throws Exception {
		start(builder("127.0.0.1/32 relay"));
		this.template.stop();
		assertThat(this.template.associations().get("relay").state()).isEqualTo(ManagedAssociation.State.STOPPED);
		assertThatExceptionOfType(Socks5UdpServerUnavailableException.class)
			.isThrownBy(() -> this.template.send("127.0.0.1", this.echo.port(), bytes("x")))
			.withMessageContaining("the template is not running");
		assertThatExceptionOfType(Socks5UdpServerUnavailableException.class)
			.isThrownBy(() -> this.template.send("::1", this.echo.port(), bytes("x")))
			.withMessageContaining("the template is not running");
	}

	@Test
	void serverWrittenAsAnAddressInARuleGetsAnAssociationOnFirstUse() throws Exception {
		String server = "127.0.0.1:" + this.relay.port();
		start(Socks5UdpTemplate.builder(registry(this.relay.port(), "127.0.0.1/32 " + server)));
		assertThat(this.template.associations()).isEmpty();
		Socks5UdpRoute route = this.template.send("127.0.0.1", this.echo.port(), bytes("dynamic"));
		assertThat(route.serverName()).isEqualTo(server);
		assertThat(awaitReceived().text()).isEqualTo("dynamic");
		assertThat(this.template.associations()).containsOnlyKeys(server);
	}

	@Test
	void oversizePayloadIsRejectedBeforeSendingAndCounted() throws Exception {
		start(builder("127.0.0.1/32 relay"));
		this.events.awaitOpened();
		assertThatExceptionOfType(Socks5PayloadTooLargeException.class)
			.isThrownBy(() -> this.template.send("127.0.0.1", this.echo.port(), new byte[65498]));
		assertThat(this.template.associations().get("relay").traffic().dropped(Socks5DropReason.OVERSIZE)).isEqualTo(1);
	}

	@Test
	void trafficCountsWhatWasSentAndReceivedPerRoute() throws Exception {
		start(builder("127.0.0.1/32 relay"));
		for (int i = 0; i < 3; i++) {
			this.template.send("127.0.0.1", this.echo.port(), bytes("1234"));
			awaitReceived();
		}
		this.template.send("::1", 9, bytes("12"));
		Socks5UdpTraffic traffic = this.template.associations().get("relay").traffic();
		assertThat(traffic.datagramsSent()).isEqualTo(3);
		assertThat(traffic.bytesSent()).isEqualTo(12);
		assertThat(traffic.datagramsReceived()).isEqualTo(3);
		assertThat(traffic.bytesReceived()).isEqualTo(12);
		assertThat(this.template.directTraffic().datagramsSent()).isEqualTo(1);
		assertThat(this.template.directTraffic().bytesSent()).isEqualTo(2);
	}

	private boolean awaitOpenedAgain() throws InterruptedException {
		boolean reconnect = this.events.awaitOpened();
		while (!reconnect) {
			reconnect = this.events.awaitOpened();
		}
		return true;
	}

	private void start(Socks5UdpTemplate.Builder builder) {
		this.template = builder.build();
		this.template.addListener(this::record);
		this.template.addAssociationListener(this.events);
		this.template.start();
	}

	private Socks5UdpTemplate.Builder builder(String... rules) throws IOException {
		return Socks5UdpTemplate.builder(registry(this.relay.port(), rules))
			.server("relay",
					Socks5AssociationOptions.builder(this.relay.host(), this.relay.port()).name("relay").build());
	}

	private static Socks5ServerRegistry registry(int relayPort, String... rules) throws IOException {
		Socks5ConfigParser parser = Socks5ConfigParser.withLogicalNames();
		List<Socks5Rule> parsed = Arrays.stream(rules)
			.map((rule) -> rule.split(" "))
			.map((fields) -> parser.parseRule("test", 0, fields[0], fields[1]))
			.toList();
		return Socks5ServerRegistry.builder()
			.rules("test", parsed)
			.resolver(
					Socks5ServerResolver.of(Map.of("relay", Socks5ServerEndpoint.of("relay", "127.0.0.1", relayPort))))
			.build();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private void record(Socks5Address source, ByteBuffer payload, Socks5UdpRoute route) {
		this.received.add(new Received(source, StandardCharsets.US_ASCII.decode(payload).toString(), route));
	}

	private Received awaitReceived() throws InterruptedException {
		Received next = this.received.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		assertThat(next).as("a datagram received").isNotNull();
		return next;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private record Received(Socks5Address source, String text, Socks5UdpRoute route) {

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

}
