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
package io.socks5udp.core.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import io.socks5udp.core.protocol.Socks5Errno;
import io.socks5udp.core.protocol.Socks5NotAllowedException;
import io.socks5udp.core.protocol.Socks5PayloadTooLargeException;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.socks5udp.core.client.ScriptedSocks5Server.associateReply;
import static io.socks5udp.core.client.ScriptedSocks5Server.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link Socks5UdpAssociation}: a {@link ScriptedSocks5Server} grants UDP
 * ASSOCIATE with a BND that names a {@link DatagramSocket} owned by the test, which thus
 * plays the relay and sees the exact datagrams the association sends.
 *
 * @author socks5-udp authors
 */
class Socks5UdpAssociationTests {

	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

	private static final AtomicInteger names = new AtomicInteger();

	private static final Socks5Address DST = Socks5Address.of("127.0.0.1", 5353);

	private static final byte[] DST_HEADER = bytes(0, 0, 0, 0x01, 127, 0, 0, 1, 0x14, 0xE9);

	private final Deque<AutoCloseable> resources = new ArrayDeque<>();

	@AfterEach
	void closeResources() throws Exception {
		while (!this.resources.isEmpty()) {
			this.resources.pop().close();
		}
	}

	@Test
	void openAnnouncesTheChannelsLocalAddress() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		ScriptedSocks5Server server = server(Socks5Address.of("0.0.0.0", relay.getLocalPort()));
		Socks5UdpAssociation association = open(options(server));
		int port = association.localAddress().getPort();
		assertThat(association.localAddress().getAddress()).isEqualTo(LOOPBACK);
		assertThat(server.received().get(1))
			.containsExactly(bytes(0x05, 0x03, 0x00, 0x01, 127, 0, 0, 1, port >>> 8, port & 0xFF));
	}

	@Test
	void openWithZerosAnnouncesZeros() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		ScriptedSocks5Server server = server(Socks5Address.of("0.0.0.0", relay.getLocalPort()));
		open(options(server).associateAddressPolicy(AssociateAddressPolicy.ZEROS));
		assertThat(server.received().get(1)).containsExactly(bytes(0x05, 0x03, 0x00, 0x01, 0, 0, 0, 0, 0, 0));
	}

	@Test
	void openWithZerosOverIpv6AnnouncesIpv6Zeros() throws Exception {
		InetAddress ipv6 = InetAddress.getByName("::1");
		DatagramSocket relay = relay(ipv6);
		ScriptedSocks5Server server = server(ipv6, Socks5Address.of("::", relay.getLocalPort()));
		open(Socks5AssociationOptions.builder("::1", server.port())
			.associateAddressPolicy(AssociateAddressPolicy.ZEROS)
			.name(nextName()));
		byte[] expected = new byte[22];
		expected[0] = 0x05;
		expected[1] = 0x03;
		expected[3] = 0x04;
		assertThat(server.received().get(1)).containsExactly(expected);
	}

	@Test
	void unspecifiedBoundAddressIsReplacedByTheServerAddress() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		ScriptedSocks5Server server = server(Socks5Address.of("0.0.0.0", relay.getLocalPort()));
		Socks5UdpAssociation association = open(options(server));
		assertThat(association.boundAddress()).isEqualTo(Socks5Address.of("0.0.0.0", relay.getLocalPort()));
		assertThat(association.relayAddress()).isEqualTo(relay.getLocalSocketAddress());
		assertThat(association.serverAddress()).isEqualTo(server.address());
		association.send(DST, "hello".getBytes(StandardCharsets.US_ASCII));
		assertThat(receive(relay)).containsExactly(datagram(DST_HEADER, "hello"));
	}

	@Test
	void alwaysServerIgnoresTheBoundAddress() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		ScriptedSocks5Server server = server(Socks5Address.of("relay.invalid", relay.getLocalPort()));
		Socks5UdpAssociation association = open(options(server).relayAddressPolicy(RelayAddressPolicy.ALWAYS_SERVER));
		assertThat(association.relayAddress()).isEqualTo(relay.getLocalSocketAddress());
		association.send(DST, "hello".getBytes(StandardCharsets.US_ASCII));
		assertThat(receive(relay)).containsExactly(datagram(DST_HEADER, "hello"));
	}

	@Test
	void trustReplyUsesTheBoundAddressAsGiven() throws Exception {
		ScriptedSocks5Server server = server(Socks5Address.of("0.0.0.0", 40000));
		Socks5UdpAssociation association = open(options(server).relayAddressPolicy(RelayAddressPolicy.TRUST_REPLY));
		assertThat(association.relayAddress()).isEqualTo(new InetSocketAddress("0.0.0.0", 40000));
	}

	@Test
	void trustReplyResolvesADomainBoundAddressOnce() throws Exception {
		ScriptedSocks5Server server = server(Socks5Address.of("localhost", 40000));
		Socks5UdpAssociation association = open(options(server).relayAddressPolicy(RelayAddressPolicy.TRUST_REPLY));
		assertThat(association.relayAddress().isUnresolved()).isFalse();
		assertThat(association.relayAddress().getAddress().isLoopbackAddress()).isTrue();
		assertThat(association.relayAddress().getPort()).isEqualTo(40000);
	}

	@Test
	void fixedRelayAddressOverridesTheReply() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		ScriptedSocks5Server server = server(Socks5Address.of("0.0.0.0", 9));
		InetSocketAddress fixed = (InetSocketAddress) relay.getLocalSocketAddress();
		Socks5UdpAssociation association = open(options(server).relayAddressPolicy(RelayAddressPolicy.fixed(fixed)));
		assertThat(association.relayAddress()).isEqualTo(fixed);
		association.send(DST, "hello".getBytes(StandardCharsets.US_ASCII));
		assertThat(receive(relay)).containsExactly(datagram(DST_HEADER, "hello"));
	}

	@Test
	void relayOfTheOtherFamilyRebindsTheChannel() throws Exception {
		DatagramSocket relay = relay(InetAddress.getByName("::1"));
		ScriptedSocks5Server server = server(Socks5Address.of("0.0.0.0", 9));
		InetSocketAddress fixed = (InetSocketAddress) relay.getLocalSocketAddress();
		Socks5UdpAssociation association = open(options(server).relayAddressPolicy(RelayAddressPolicy.fixed(fixed)));
		association.send(DST, "hello".getBytes(StandardCharsets.US_ASCII));
		assertThat(receive(relay)).containsExactly(datagram(DST_HEADER, "hello"));
		assertThat(association.localAddress().getAddress()).isInstanceOf(java.net.Inet6Address.class);
	}

	@Test
	void ipv6ControlConnectionUsesIpv6Throughout() throws Exception {
		InetAddress ipv6 = InetAddress.getByName("::1");
		DatagramSocket relay = relay(ipv6);
		ScriptedSocks5Server server = server(ipv6, Socks5Address.of("::", relay.getLocalPort()));
		Socks5UdpAssociation association = open(
				Socks5AssociationOptions.builder("::1", server.port()).name(nextName()));
		assertThat(association.relayAddress()).isEqualTo(relay.getLocalSocketAddress());
		assertThat(server.received().get(1)[3]).isEqualTo((byte) 0x04);
		Socks5Address dst = Socks5Address.of("::1", 53);
		association.send(dst, "hi".getBytes(StandardCharsets.US_ASCII));
		byte[] header = new byte[22];
		header[3] = 0x04;
		header[19] = 1;
		header[21] = 53;
		assertThat(receive(relay)).containsExactly(datagram(header, "hi"));
	}

	@Test
	void failingReplyClosesEverything() throws Exception {
		ScriptedSocks5Server server = ScriptedSocks5Server.start((script) -> script.readGreeting()
			.reply(0x05, 0x00)
			.readRequest()
			.reply(associateReply(0x02, Socks5Address.of("0.0.0.0", 0)))
			.awaitClientClose());
		this.resources.push(server);
		assertThatExceptionOfType(Socks5NotAllowedException.class).isThrownBy(() -> open(options(server)))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Socks5Errno.S5_EPERM));
		server.clientClosed().get(10, TimeUnit.SECONDS);
	}

	@Test
	void replyWithPortZeroIsRejected() throws Exception {
		ScriptedSocks5Server server = server(Socks5Address.of("127.0.0.1", 0));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> open(options(server)))
			.withMessageContaining("BND.PORT: 0");
	}

	@Test
	void sendWritesTheHeaderAndThePayload() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		Socks5UdpAssociation association = open(options(server(boundTo(relay))));
		association.send(Socks5Address.of("example.com", 443), "abc".getBytes(StandardCharsets.US_ASCII));
		assertThat(receive(relay)).containsExactly(datagram(
				bytes(0, 0, 0, 0x03, 11, 'e', 'x', 'a', 'm', 'p', 'l', 'e', '.', 'c', 'o', 'm', 0x01, 0xBB), "abc"));
		association.send(DST, "xhellox".getBytes(StandardCharsets.US_ASCII), 1, 5);
		assertThat(receive(relay)).containsExactly(datagram(DST_HEADER, "hello"));
		ByteBuffer buffer = ByteBuffer.allocateDirect(16).put("world".getBytes(StandardCharsets.US_ASCII)).flip();
		association.send(DST, buffer);
		assertThat(receive(relay)).containsExactly(datagram(DST_HEADER, "world"));
		assertThat(buffer.hasRemaining()).isFalse();
		assertThat(association.counters().datagramsSent()).isEqualTo(3);
		assertThat(association.counters().bytesSent()).isEqualTo(13);
	}

	@Test
	void sendAndReceiveRoundTrip() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		Socks5UdpAssociation association = open(options(server(boundTo(relay))));
		association.send(DST, "ping".getBytes(StandardCharsets.US_ASCII));
		DatagramPacket request = receivePacket(relay);
		assertThat(Arrays.copyOf(request.getData(), request.getLength())).containsExactly(datagram(DST_HEADER, "ping"));
		reply(relay, request.getSocketAddress(), datagram(DST_HEADER, "pong"));
		Socks5UdpDatagram response = association.receive(Duration.ofSeconds(10));
		assertThat(response.address()).isEqualTo(DST);
		assertThat(text(response.payload())).isEqualTo("pong");
		assertThat(association.counters().datagramsReceived()).isEqualTo(1);
		assertThat(association.counters().bytesReceived()).isEqualTo(4);
	}

	@Test
	void receiveReturnsNullOnTimeout() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		Socks5UdpAssociation association = open(options(server(boundTo(relay))));
		assertThat(association.receive(Duration.ofMillis(50))).isNull();
		assertThat(association.receive(Duration.ZERO)).isNull();
	}

	@Test
	void receiveDropsBadDatagramsAndKeepsWaiting() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		Socks5UdpAssociation association = open(options(server(boundTo(relay))));
		sendBadDatagrams(relay, association.localAddress());
		reply(relay, association.localAddress(), datagram(DST_HEADER, "good"));
		Socks5UdpDatagram received = association.receive(Duration.ofSeconds(10));
		assertThat(text(received.payload())).isEqualTo("good");
		assertBadDatagramsCounted(association);
	}

	@Test
	void receiveLoopDeliversToTheListener() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		Socks5UdpAssociation association = open(options(server(boundTo(relay))));
		BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
		association.startReceiving((source, payload) -> delivered.add(source + " " + text(payload)));
		for (int i = 0; i < 3; i++) {
			reply(relay, association.localAddress(), datagram(DST_HEADER, "n" + i));
		}
		assertThat(take(delivered)).isEqualTo("127.0.0.1:5353 n0");
		assertThat(take(delivered)).isEqualTo("127.0.0.1:5353 n1");
		assertThat(take(delivered)).isEqualTo("127.0.0.1:5353 n2");
		assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
			.contains("socks5-udp-receive-" + association.name());
	}

	@Test
	void receiveLoopSurvivesBadDatagramsAndFailingListener() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		Socks5UdpAssociation association = open(options(server(boundTo(relay))));
		BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
		association.startReceiving((source, payload) -> {
			String text = text(payload);
			if (text.equals("boom")) {
				throw new IllegalStateException("listener failure");
			}
			delivered.add(text);
		});
		sendBadDatagrams(relay, association.localAddress());
		reply(relay, association.localAddress(), datagram(DST_HEADER, "boom"));
		reply(relay, association.localAddress(), datagram(DST_HEADER, "good"));
		assertThat(take(delivered)).isEqualTo("good");
		assertBadDatagramsCounted(association);
		assertThat(association.counters().datagramsReceived()).isEqualTo(2);
	}

	@Test
	void receiveModesCannotBeMixed() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		Socks5UdpAssociation polling = open(options(server(boundTo(relay))));
		polling.receive(Duration.ZERO);
		assertThatIllegalStateException().isThrownBy(() -> polling.startReceiving((source, payload) -> {
		}));
		Socks5UdpAssociation listening = open(options(server(boundTo(relay))));
		listening.startReceiving((source, payload) -> {
		});
		assertThatIllegalStateException().isThrownBy(() -> listening.receive(Duration.ZERO));
		assertThatIllegalStateException().isThrownBy(() -> listening.startReceiving((source, payload) -> {
		}));
	}

	@Test
	void unconnectedChannelDropsAndCountsForeignSources() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		DatagramSocket stranger = relay(LOOPBACK);
		Socks5UdpAssociation association = open(options(server(boundTo(relay))).connectedChannel(false));
		reply(stranger, association.localAddress(), datagram(DST_HEADER, "foreign"));
		reply(relay, association.localAddress(), datagram(DST_HEADER, "relayed"));
		Socks5UdpDatagram received = association.receive(Duration.ofSeconds(10));
		assertThat(text(received.payload())).isEqualTo("relayed");
		assertThat(association.counters().dropped(Socks5DropReason.FOREIGN_SOURCE)).isEqualTo(1);
		association.send(DST, "out".getBytes(StandardCharsets.US_ASCII));
		assertThat(receive(relay)).containsExactly(datagram(DST_HEADER, "out"));
	}

	@Test
	void unconnectedReceiveLoopDropsAndCountsForeignSources() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		DatagramSocket stranger = relay(LOOPBACK);
		Socks5UdpAssociation association = open(options(server(boundTo(relay))).connectedChannel(false));
		BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
		association.startReceiving((source, payload) -> delivered.add(text(payload)));
		reply(stranger, association.localAddress(), datagram(DST_HEADER, "foreign"));
		reply(relay, association.localAddress(), datagram(DST_HEADER, "relayed"));
		assertThat(take(delivered)).isEqualTo("relayed");
		assertThat(association.counters().dropped(Socks5DropReason.FOREIGN_SOURCE)).isEqualTo(1);
	}

	@Test
	void channelConfigurerSeesTheBoundChannelBeforeItIsConnected() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		List<String> seen = new ArrayList<>();
		Socks5UdpAssociation association = open(options(server(boundTo(relay))).channelConfigurer((channel) -> {
			channel.setOption(StandardSocketOptions.SO_RCVBUF, 262144);
			seen.add("bound=" + (channel.getLocalAddress() != null) + " connected=" + channel.isConnected() + " rcvbuf="
					+ channel.getOption(StandardSocketOptions.SO_RCVBUF));
		}));
		assertThat(seen).hasSize(1);
		assertThat(seen.get(0)).startsWith("bound=true connected=false rcvbuf=");
		assertThat(Integer.parseInt(seen.get(0).substring(seen.get(0).lastIndexOf('=') + 1)))
			.isGreaterThanOrEqualTo(262144);
		association.send(DST, "configured".getBytes(StandardCharsets.US_ASCII));
		assertThat(association.counters().datagramsSent()).isEqualTo(1);
	}

	@Test
	void channelConfigurerThatFailsFailsTheOpen() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		ScriptedSocks5Server server = server(boundTo(relay));
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> Socks5UdpAssociation.open(options(server).channelConfigurer((channel) -> {
				throw new IOException("no such option here");
			}).build()))
			.withMessage("no such option here");
	}

	@Test
	void receiveLoopTellsItsListenerWhatItDropped() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		DatagramSocket stranger = relay(LOOPBACK);
		Socks5UdpAssociation association = open(options(server(boundTo(relay))).connectedChannel(false));
		BlockingQueue<String> events = new LinkedBlockingQueue<>();
		association.startReceiving(new Socks5AssociationListener() {

			@Override
			public void onDatagram(Socks5Address source, ByteBuffer payload) {
				events.add("delivered " + text(payload));
			}

			@Override
			public void onDrop(Socks5DropReason reason, Socks5Address source) {
				events.add("dropped " + reason.tag() + " from " + source);
			}

		});
		InetSocketAddress strangerAddress = (InetSocketAddress) stranger.getLocalSocketAddress();
		reply(stranger, association.localAddress(), datagram(DST_HEADER, "foreign"));
		reply(relay, association.localAddress(), new byte[] { 0, 0 });
		reply(relay, association.localAddress(), datagram(DST_HEADER, "relayed"));
		assertThat(take(events)).isEqualTo("dropped foreign-source from " + Socks5Address.of(strangerAddress));
		assertThat(take(events)).isEqualTo("dropped malformed from null");
		assertThat(take(events)).isEqualTo("delivered relayed");
	}

	@Test
	void connectedChannelNeverSeesForeignSources() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		DatagramSocket stranger = relay(LOOPBACK);
		Socks5UdpAssociation association = open(options(server(boundTo(relay))));
		reply(stranger, association.localAddress(), datagram(DST_HEADER, "foreign"));
		reply(relay, association.localAddress(), datagram(DST_HEADER, "relayed"));
		Socks5UdpDatagram received = association.receive(Duration.ofSeconds(10));
		assertThat(text(received.payload())).isEqualTo("relayed");
		assertThat(association.counters().droppedTotal()).isZero();
	}

	@Test
	void oversizePayloadIsRejectedBeforeSending() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		Socks5UdpAssociation association = open(options(server(boundTo(relay))));
		assertThatExceptionOfType(Socks5PayloadTooLargeException.class)
			.isThrownBy(() -> association.send(DST, new byte[65498]))
			.satisfies((ex) -> assertThat(ex.maxPayload()).isEqualTo(65497));
		ByteBuffer oversize = ByteBuffer.allocate(65498);
		assertThatExceptionOfType(Socks5PayloadTooLargeException.class)
			.isThrownBy(() -> association.send(DST, oversize));
		assertThat(oversize.position()).isZero();
		association.send(DST, new byte[65497]);
		association.send(DST, "after".getBytes(StandardCharsets.US_ASCII));
		assertThat(receive(relay)).hasSize(65507);
		assertThat(receive(relay)).containsExactly(datagram(DST_HEADER, "after"));
		assertThat(association.counters().dropped(Socks5DropReason.OVERSIZE)).isEqualTo(2);
		assertThat(association.counters().datagramsSent()).isEqualTo(2);
	}

	@Test
	void sendsFromEightThreadsAllArriveIntact() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		Socks5UdpAssociation association = open(options(server(boundTo(relay))));
		int threads = 8;
		int perThread = 200;
		// A window keeps the relay socket's receive buffer from overflowing
		Semaphore window = new Semaphore(64);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		this.resources.push(executor::shutdownNow);
		List<Future<?>> senders = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			senders.add(executor.submit(() -> {
				start.await();
				for (int i = 0; i < perThread; i++) {
					window.acquire();
					association.send(DST, ("t" + thread + "-" + i).getBytes(StandardCharsets.US_ASCII));
				}
				return null;
			}));
		}
		start.countDown();
		Set<String> payloads = new HashSet<>();
		for (int i = 0; i < threads * perThread; i++) {
			byte[] datagram = receive(relay);
			assertThat(Arrays.copyOf(datagram, DST_HEADER.length)).containsExactly(DST_HEADER);
			payloads.add(new String(datagram, DST_HEADER.length, datagram.length - DST_HEADER.length,
					StandardCharsets.US_ASCII));
			window.release();
		}
		for (Future<?> sender : senders) {
			sender.get(10, TimeUnit.SECONDS);
		}
		assertThat(payloads).hasSize(threads * perThread).contains("t0-0", "t7-199");
		assertThat(association.counters().datagramsSent()).isEqualTo(threads * perThread);
	}

	@Test
	void icmpPortUnreachableDoesNotKillTheAssociation() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		InetSocketAddress relayAddress = (InetSocketAddress) relay.getLocalSocketAddress();
		Socks5UdpAssociation association = open(options(server(boundTo(relay))));
		BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
		association.startReceiving((source, payload) -> delivered.add(text(payload)));
		relay.close();
		for (int i = 0; i < 3; i++) {
			association.send(DST, "into the void".getBytes(StandardCharsets.US_ASCII));
		}
		assertThat(association.isOpen()).isTrue();
		DatagramSocket reopened = relay(relayAddress);
		reply(reopened, association.localAddress(), datagram(DST_HEADER, "back"));
		assertThat(take(delivered)).isEqualTo("back");
		assertThat(association.counters().datagramsSent()).isEqualTo(3);
	}

	@Test
	void controlConnectionClosedByServerKillsTheAssociation() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		ScriptedSocks5Server server = server(boundTo(relay));
		Socks5UdpAssociation association = open(options(server));
		server.closeConnection();
		Throwable cause = association.closeFuture().get(10, TimeUnit.SECONDS);
		assertThat(cause).isInstanceOf(Socks5AssociationClosedException.class)
			.hasMessageContaining("control connection closed by server");
		assertDead(association);
	}

	@Test
	void controlConnectionResetByServerKillsTheAssociation() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		ScriptedSocks5Server server = server(boundTo(relay));
		Socks5UdpAssociation association = open(options(server));
		server.resetConnection();
		Throwable cause = association.closeFuture().get(10, TimeUnit.SECONDS);
		assertThat(cause).isInstanceOf(Socks5AssociationClosedException.class)
			.hasMessageContaining("control connection reset by server");
		assertDead(association);
	}

	@Test
	void deadAssociationStopsTheReceiveLoop() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		ScriptedSocks5Server server = server(boundTo(relay));
		Socks5UdpAssociation association = open(options(server));
		association.startReceiving((source, payload) -> {
		});
		server.closeConnection();
		association.closeFuture().get(10, TimeUnit.SECONDS);
		association.close();
		assertThat(liveThreads(association)).isEmpty();
	}

	@Test
	void receiveOnDeadAssociationThrows() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		ScriptedSocks5Server server = server(boundTo(relay));
		Socks5UdpAssociation association = open(options(server));
		server.closeConnection();
		association.closeFuture().get(10, TimeUnit.SECONDS);
		assertThatExceptionOfType(Socks5AssociationClosedException.class)
			.isThrownBy(() -> association.receive(Duration.ofSeconds(1)));
	}

	@Test
	void bytesFromTheServerAfterTheReplyAreIgnored() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		ScriptedSocks5Server server = ScriptedSocks5Server.start((script) -> script.readGreeting()
			.reply(0x05, 0x00)
			.readRequest()
			.reply(associateReply(0x00, boundTo(relay)))
			.reply(1, 2, 3, 4)
			.hold());
		this.resources.push(server);
		Socks5UdpAssociation association = open(options(server));
		association.send(DST, "still".getBytes(StandardCharsets.US_ASCII));
		assertThat(receive(relay)).containsExactly(datagram(DST_HEADER, "still"));
		assertThat(association.isOpen()).isTrue();
	}

	@Test
	void closeReleasesEverything() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		ScriptedSocks5Server server = ScriptedSocks5Server.start((script) -> script.readGreeting()
			.reply(0x05, 0x00)
			.readRequest()
			.reply(associateReply(0x00, boundTo(relay)))
			.awaitClientClose());
		this.resources.push(server);
		Socks5UdpAssociation association = open(options(server));
		association.startReceiving((source, payload) -> {
		});
		association.close();
		association.close();
		assertThat(association.closeFuture().get(10, TimeUnit.SECONDS)).isNull();
		assertThat(association.isOpen()).isFalse();
		assertThat(liveThreads(association)).isEmpty();
		server.clientClosed().get(10, TimeUnit.SECONDS);
		assertThatExceptionOfType(Socks5AssociationClosedException.class)
			.isThrownBy(() -> association.send(DST, new byte[1]))
			.withMessageContaining("closed locally");
	}

	@Test
	void controlConnectionNoticesAVanishedServerWithinAMinuteByDefault() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		Socket control = open(options(server(boundTo(relay)))).end().controlSocket();
		assertThat(control.getKeepAlive()).isTrue();
		assumeTrue(control.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE),
				"TCP keepalive times cannot be set on this platform");
		assertThat(control.getOption(ExtendedSocketOptions.TCP_KEEPIDLE)).isEqualTo(30);
		assertThat(control.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL)).isEqualTo(10);
		assertThat(control.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT)).isEqualTo(3);
	}

	@Test
	void controlConnectionUsesTheKeepAliveOfTheOptions() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		Socket control = open(options(server(boundTo(relay)))
			.keepAlive(new Socks5KeepAlive(Duration.ofSeconds(5), Duration.ofSeconds(1), 2))).end().controlSocket();
		assumeTrue(control.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE),
				"TCP keepalive times cannot be set on this platform");
		assertThat(control.getOption(ExtendedSocketOptions.TCP_KEEPIDLE)).isEqualTo(5);
		assertThat(control.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL)).isEqualTo(1);
		assertThat(control.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT)).isEqualTo(2);
	}

	@Test
	void threadsAreNamedAfterTheAssociation() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		Socks5UdpAssociation association = open(options(server(boundTo(relay))));
		assertThat(liveThreads(association)).containsExactly("socks5-udp-control-" + association.name());
		assertThat(association.openedAt()).isNotNull();
		assertThat(association.toString()).contains(association.name()).contains("open");
	}

	@Test
	void aBurstGoesOutInOrderEachDatagramWithItsHeader() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		Socks5UdpAssociation association = open(options(server(boundTo(relay))));
		ByteBuffer[] payloads = burst(5);
		association.send(DST, payloads, 1, 3);
		for (int i = 1; i <= 3; i++) {
			assertThat(receive(relay)).containsExactly(datagram(DST_HEADER, "burst " + i));
		}
		assertThat(payloads).extracting(ByteBuffer::hasRemaining).containsExactly(true, false, false, false, true);
		assertThat(association.counters().datagramsSent()).isEqualTo(3);
	}

	@Test
	void aBurstOnAClosedAssociationSendsNothingAndCountsEachDatagramAsDropped() throws Exception {
		DatagramSocket relay = relay(LOOPBACK);
		Socks5UdpAssociation association = open(options(server(boundTo(relay))));
		association.close();
		ByteBuffer[] payloads = burst(4);
		assertThatExceptionOfType(Socks5AssociationClosedException.class)
			.isThrownBy(() -> association.send(DST, payloads, 0, 4));
		assertThat(payloads).allMatch(ByteBuffer::hasRemaining);
		assertThat(association.counters().datagramsSent()).isZero();
		assertThat(association.counters().dropped(Socks5DropReason.NO_ASSOCIATION)).isEqualTo(4);
	}

	private void assertDead(Socks5UdpAssociation association) {
		assertThat(association.isOpen()).isFalse();
		assertThatExceptionOfType(Socks5AssociationClosedException.class)
			.isThrownBy(() -> association.send(DST, new byte[1]))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Socks5Errno.S5_ENOTCONN));
		assertThat(association.counters().dropped(Socks5DropReason.NO_ASSOCIATION)).isEqualTo(1);
	}

	private static void sendBadDatagrams(DatagramSocket relay, InetSocketAddress target) throws IOException {
		reply(relay, target, bytes(0, 0, 0));
		reply(relay, target, bytes(0, 1, 0, 0x01, 127, 0, 0, 1, 0, 53, 'x'));
		reply(relay, target, bytes(0, 0, 0, 0x02, 127, 0, 0, 1, 0, 53, 'x'));
		reply(relay, target, bytes(0, 0, 0, 0x03, 0, 0, 53, 'x'));
		reply(relay, target, bytes(0, 0, 1, 0x01, 127, 0, 0, 1, 0, 53, 'x'));
	}

	private static void assertBadDatagramsCounted(Socks5UdpAssociation association) {
		assertThat(association.counters().dropped(Socks5DropReason.MALFORMED)).isEqualTo(4);
		assertThat(association.counters().dropped(Socks5DropReason.FRAGMENT)).isEqualTo(1);
		assertThat(association.counters().droppedTotal()).isEqualTo(5);
	}

	private static List<String> liveThreads(Socks5UdpAssociation association) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith("socks5-udp-") && name.endsWith("-" + association.name()))
			.toList();
	}

	private DatagramSocket relay(InetAddress address) throws IOException {
		return relay(new InetSocketAddress(address, 0));
	}

	private DatagramSocket relay(InetSocketAddress address) throws IOException {
		DatagramSocket socket = new DatagramSocket(address);
		// A guard against a hang, not a timing assertion
		socket.setSoTimeout(10_000);
		this.resources.push(socket);
		return socket;
	}

	private static Socks5Address boundTo(DatagramSocket relay) {
		return Socks5Address.of((InetSocketAddress) relay.getLocalSocketAddress());
	}

	private ScriptedSocks5Server server(Socks5Address bound) throws IOException {
		return server(LOOPBACK, bound);
	}

	private ScriptedSocks5Server server(InetAddress address, Socks5Address bound) throws IOException {
		ScriptedSocks5Server server = ScriptedSocks5Server.start(address, ScriptedSocks5Server.granting(bound));
		this.resources.push(server);
		return server;
	}

	private static Socks5AssociationOptionsBuilder options(ScriptedSocks5Server server) {
		return Socks5AssociationOptions.builder("127.0.0.1", server.port()).name(nextName());
	}

	private static String nextName() {
		return "test" + names.incrementAndGet();
	}

	private Socks5UdpAssociation open(Socks5AssociationOptionsBuilder options) throws IOException {
		Socks5UdpAssociation association = Socks5UdpAssociation.open(options.build());
		this.resources.push(association);
		return association;
	}

	private static DatagramPacket receivePacket(DatagramSocket relay) throws IOException {
		DatagramPacket packet = new DatagramPacket(new byte[70000], 70000);
		relay.receive(packet);
		return packet;
	}

	private static byte[] receive(DatagramSocket relay) throws IOException {
		DatagramPacket packet = receivePacket(relay);
		return Arrays.copyOf(packet.getData(), packet.getLength());
	}

	private static void reply(DatagramSocket from, java.net.SocketAddress to, byte[] datagram) throws IOException {
		from.send(new DatagramPacket(datagram, datagram.length, to));
	}

	private static ByteBuffer[] burst(int count) {
		ByteBuffer[] payloads = new ByteBuffer[count];
		for (int i = 0; i < count; i++) {
			payloads[i] = ByteBuffer.wrap(("burst " + i).getBytes(StandardCharsets.US_ASCII));
		}
		return payloads;
	}

	private static byte[] datagram(byte[] header, String payload) {
		byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
		byte[] datagram = Arrays.copyOf(header, header.length + bytes.length);
		System.arraycopy(bytes, 0, datagram, header.length, bytes.length);
		return datagram;
	}

	private static String text(ByteBuffer payload) {
		byte[] bytes = new byte[payload.remaining()];
		payload.get(bytes);
		return new String(bytes, StandardCharsets.US_ASCII);
	}

	private static String take(BlockingQueue<String> queue) throws InterruptedException {
		String value = queue.poll(10, TimeUnit.SECONDS);
		assertThat(value).as("datagram delivered").isNotNull();
		return value;
	}

}
