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
package io.socks5udp.netty;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.socks5udp.core.client.AssociateAddressPolicy;
import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.protocol.Socks5AuthenticationException;
import io.socks5udp.core.protocol.Socks5Credentials;
import io.socks5udp.core.protocol.Socks5HandshakeTimeoutException;
import io.socks5udp.core.protocol.Socks5PayloadTooLargeException;
import io.socks5udp.test.dante.DanteConfig;
import io.socks5udp.test.dante.DanteSocksMethod;
import io.socks5udp.test.dante.DanteUsers;
import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.relay.MalformedDatagram;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of {@link Socks5DatagramHandler} against a real Dante process and the embedded
 * relay: a plain Netty datagram pipeline echoes through the association.
 *
 * @author socks5-udp authors
 */
class Socks5DatagramHandlerTests {

	private static final Socks5ReassociationBackoff QUICK = new Socks5ReassociationBackoff(Duration.ofMillis(20),
			Duration.ofMillis(200), 2, 0);

	private static EventLoopGroup group;

	private static LocalDante dante;

	private static UdpEchoServer echo4;

	private static UdpEchoServer echo6;

	@BeforeAll
	static void start() throws IOException {
		TestEnvironment.requireDanted();
		group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		dante = LocalDante.start();
		echo4 = UdpEchoServer.startIpv4();
		echo6 = UdpEchoServer.startIpv6();
	}

	@AfterAll
	static void stop() {
		if (echo4 != null) {
			echo4.close();
		}
		if (echo6 != null) {
			echo6.close();
		}
		if (dante != null) {
			dante.close();
		}
		if (group != null) {
			group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
		}
	}

	private static NettyUdpClient client(String serverHost, int serverPort, String bindHost)
			throws InterruptedException {
		return client(Socks5AssociationOptions.builder(serverHost, serverPort).build(), bindHost);
	}

	private static NettyUdpClient client(Socks5AssociationOptions options, String bindHost)
			throws InterruptedException {
		Socks5DatagramHandler handler = Socks5DatagramHandler.builder(options).backoff(QUICK).build();
		return new NettyUdpClient(group, handler, new InetSocketAddress(bindHost, 0));
	}

	@Test
	void echoesThroughDanteOverIpv4() throws Exception {
		try (NettyUdpClient client = client(dante.host(), dante.port(), "127.0.0.1")) {
			client.send("hello over IPv4", echo4.address());
			NettyUdpClient.Received reply = client.receive();
			assertThat(reply.text()).isEqualTo("hello over IPv4");
			assertThat(reply.sender()).isEqualTo(echo4.address());
			// The echo server saw Dante's relay socket, not the Netty channel
			assertThat(echo4.lastSender()).isNotEqualTo(client.localAddress());
			assertThat(client.handler().counters().datagramsSent()).isEqualTo(1);
			assertThat(client.handler().counters().datagramsReceived()).isEqualTo(1);
		}
	}

	@Test
	void echoesThroughDanteOverIpv6() throws Exception {
		try (NettyUdpClient client = client("::1", dante.port(), "::1")) {
			client.send("hello over IPv6", echo6.address());
			NettyUdpClient.Received reply = client.receive();
			assertThat(reply.text()).isEqualTo("hello over IPv6");
			assertThat(reply.sender()).isEqualTo(echo6.address());
			assertThat(client.awaitEvent(Socks5AssociationEstablished.class).relay().getAddress().getHostAddress())
				.isEqualTo("0:0:0:0:0:0:0:1");
		}
	}

	@Test
	void sendsToADomainNameThatTheRelayResolves() throws Exception {
		try (NettyUdpClient client = client(dante.host(), dante.port(), "127.0.0.1")) {
			client.send("hello localhost", InetSocketAddress.createUnresolved("localhost", echo4.port()));
			NettyUdpClient.Received reply = client.receive();
			assertThat(reply.text()).isEqualTo("hello localhost");
			assertThat(reply.sender().getPort()).isEqualTo(echo4.port());
			assertThat(reply.sender().getAddress().isLoopbackAddress()).isTrue();
		}
	}

	@Test
	void bindsOnTheWildcardAndAnnouncesTheControlConnectionsAddress() throws Exception {
		try (NettyUdpClient client = client(dante.host(), dante.port(), "0.0.0.0")) {
			client.send("from the wildcard", echo4.address());
			assertThat(client.receive().text()).isEqualTo("from the wildcard");
		}
	}

	@Test
	void dropsAndCountsDatagramsFromOtherSources() throws Exception {
		try (NettyUdpClient client = client(dante.host(), dante.port(), "127.0.0.1");
				DatagramSocket stranger = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
			client.awaitEvent(Socks5AssociationEstablished.class);
			byte[] forged = "forged".getBytes(StandardCharsets.UTF_8);
			stranger.send(new DatagramPacket(forged, forged.length, client.localAddress()));
			await().atMost(NettyUdpClient.TIMEOUT)
				.until(() -> client.handler().counters().dropped(Socks5DropReason.FOREIGN_SOURCE) == 1);
			client.send("genuine", echo4.address());
			assertThat(client.receive().text()).isEqualTo("genuine");
			assertThat(client.datagrams).isEmpty();
		}
	}

	@Test
	void dropsAndCountsMalformedDatagramsFromTheRelay() throws Exception {
		try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().build().start();
				NettyUdpClient client = client(relay.host(), relay.port(), "127.0.0.1")) {
			client.send("first", echo4.address());
			assertThat(client.receive().text()).isEqualTo("first");
			relay.sendMalformed(MalformedDatagram.SHORT, 3);
			await().atMost(NettyUdpClient.TIMEOUT).until(() -> client.handler().counters().droppedTotal() == 3);
			client.send("second", echo4.address());
			assertThat(client.receive().text()).isEqualTo("second");
		}
	}

	@Test
	void associatesAgainWhenTheRelayClosesTheControlConnection() throws Exception {
		try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().build().start();
				NettyUdpClient client = client(relay.host(), relay.port(), "127.0.0.1")) {
			InetSocketAddress local = client.localAddress();
			Socks5AssociationEstablished first = client.awaitEvent(Socks5AssociationEstablished.class);
			assertThat(relay.closeControlConnections()).isEqualTo(1);
			Socks5AssociationLost lost = client.awaitEvent(Socks5AssociationLost.class);
			assertThat(lost.generation()).isEqualTo(1);
			assertThat(lost.cause()).hasMessageContaining("control connection closed");
			Socks5AssociationEstablished second = client.awaitEvent(Socks5AssociationEstablished.class);
			assertThat(second.generation()).isEqualTo(2);
			assertThat(second.relay()).isNotEqualTo(first.relay());
			client.send("after re-association", echo4.address());
			assertThat(client.receive().text()).isEqualTo("after re-association");
			assertThat(client.channel().isActive()).isTrue();
			assertThat(client.localAddress()).isEqualTo(local);
		}
	}

	@Test
	void associatesAgainAfterDanteRestarts() throws Exception {
		try (LocalDante own = LocalDante.start(); NettyUdpClient client = client(own.host(), own.port(), "127.0.0.1")) {
			client.send("before restart", echo4.address());
			assertThat(client.receive().text()).isEqualTo("before restart");
			client.awaitEvent(Socks5AssociationEstablished.class);
			own.restart();
			client.awaitEvent(Socks5AssociationLost.class);
			Socks5AssociationEstablished again = client.awaitEvent(Socks5AssociationEstablished.class);
			assertThat(again.generation()).isGreaterThanOrEqualTo(2);
			client.send("after restart", echo4.address());
			assertThat(client.receive().text()).isEqualTo("after restart");
		}
	}

	@Test
	void closingTheChannelClosesTheAssociation() throws Exception {
		try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().build().start()) {
			NettyUdpClient client = client(relay.host(), relay.port(), "127.0.0.1");
			client.awaitEvent(Socks5AssociationEstablished.class);
			await().atMost(NettyUdpClient.TIMEOUT).until(() -> relay.counters().activeAssociations() == 1);
			client.close();
			await().atMost(NettyUdpClient.TIMEOUT).until(() -> relay.counters().activeAssociations() == 0);
			assertThat(client.handler().isAssociated()).isFalse();
			assertThat(client.handler().relayAddress()).isNull();
		}
	}

	@Test
	void oversizePayloadFailsWithTheTypedExceptionAndIsNotSent() throws Exception {
		try (UdpEchoServer echo = UdpEchoServer.startIpv4();
				NettyUdpClient client = client(dante.host(), dante.port(), "127.0.0.1")) {
			client.awaitEvent(Socks5AssociationEstablished.class);
			ChannelFuture write = client.channel()
				.writeAndFlush(new io.netty.channel.socket.DatagramPacket(Unpooled.wrappedBuffer(new byte[65_498]),
						echo.address()));
			assertThat(write.await(NettyUdpClient.TIMEOUT.toMillis())).isTrue();
			assertThat(write.cause()).isInstanceOf(Socks5PayloadTooLargeException.class);
			assertThat(client.handler().counters().dropped(Socks5DropReason.OVERSIZE)).isOne();
			client.send("still works", echo.address());
			assertThat(client.receive().text()).isEqualTo("still works");
			assertThat(echo.datagramCount()).isOne();
		}
	}

	@Test
	void writeOfAnythingButAnAddressedDatagramFailsRatherThanBypassTheRelay() throws Exception {
		try (UdpEchoServer echo = UdpEchoServer.startIpv4();
				NettyUdpClient client = client(dante.host(), dante.port(), "127.0.0.1")) {
			client.awaitEvent(Socks5AssociationEstablished.class);
			ChannelFuture write = client.channel().writeAndFlush(Unpooled.copiedBuffer("raw", StandardCharsets.UTF_8));
			assertThat(write.await(NettyUdpClient.TIMEOUT.toMillis())).isTrue();
			assertThat(write.cause()).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("would bypass the SOCKS5 relay");
			assertThat(client.handler().counters().datagramsSent()).isZero();
		}
	}

	@Test
	void echoesThroughDanteWhenAnnouncingZeros() throws Exception {
		try (NettyUdpClient client = client(Socks5AssociationOptions.builder(dante.host(), dante.port())
			.associateAddressPolicy(AssociateAddressPolicy.ZEROS)
			.build(), "127.0.0.1")) {
			client.send("announced zeros", echo4.address());
			assertThat(client.receive().text()).isEqualTo("announced zeros");
			assertThat(client.exceptions).isEmpty();
		}
	}

	@Test
	void serverThatNeverAnswersFailsWithTheHandshakeTimeout() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
				NettyUdpClient client = client(Socks5AssociationOptions.builder("127.0.0.1", silent.getLocalPort())
					.handshakeTimeout(Duration.ofMillis(300))
					.build(), "127.0.0.1")) {
			assertThat(client.awaitException()).isInstanceOf(Socks5HandshakeTimeoutException.class)
				.hasMessageContaining("did not complete the handshake within 300 ms");
		}
	}

	@Test
	void authenticatesWithUsernameAndPassword() throws Exception {
		TestEnvironment.requireTestUser();
		try (LocalDante own = LocalDante.start(DanteConfig.builder().socksMethod(DanteSocksMethod.USERNAME).build());
				NettyUdpClient client = client(Socks5AssociationOptions.builder(own.host(), own.port())
					.credentials(DanteUsers.credentials())
					.build(), "127.0.0.1")) {
			client.send("authenticated", echo4.address());
			assertThat(client.receive().text()).isEqualTo("authenticated");
		}
	}

	@Test
	void wrongPasswordFailsWithTheTypedException() throws Exception {
		TestEnvironment.requireTestUser();
		try (LocalDante own = LocalDante.start(DanteConfig.builder().socksMethod(DanteSocksMethod.USERNAME).build());
				UdpEchoServer echo = UdpEchoServer.startIpv4();
				NettyUdpClient client = client(Socks5AssociationOptions.builder(own.host(), own.port())
					.credentials(new Socks5Credentials(DanteUsers.USERNAME, "not-the-password"))
					.build(), "127.0.0.1")) {
			ChannelFuture write = client.send("never sent", echo.address());
			assertThat(client.awaitException()).isInstanceOf(Socks5AuthenticationException.class)
				.hasMessageContaining("rejected username '" + DanteUsers.USERNAME + "'")
				.hasMessageNotContaining("not-the-password");
			assertThat(write.await(NettyUdpClient.TIMEOUT.toMillis())).isTrue();
			assertThat(write.cause()).isInstanceOf(Socks5AuthenticationException.class);
			assertThat(client.handler().isAssociated()).isFalse();
			assertThat(echo.datagramCount()).isZero();
		}
	}

}
