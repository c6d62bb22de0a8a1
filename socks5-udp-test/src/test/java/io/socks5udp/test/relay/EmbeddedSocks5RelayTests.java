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
package io.socks5udp.test.relay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.socks5udp.core.client.AssociateAddressPolicy;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.nativeio.NativeSockets;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressType;
import io.socks5udp.core.protocol.Socks5AuthMethod;
import io.socks5udp.core.protocol.Socks5AuthenticationException;
import io.socks5udp.core.protocol.Socks5CommandReplyParser;
import io.socks5udp.core.protocol.Socks5Credentials;
import io.socks5udp.core.protocol.Socks5HandshakeMessages;
import io.socks5udp.core.protocol.Socks5NoAcceptableMethodException;
import io.socks5udp.core.protocol.Socks5ReplyCode;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.core.protocol.Socks5UdpHeaderCodec;
import io.socks5udp.test.reliability.CapturedLog;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link EmbeddedSocks5Relay}, with the core client and raw SOCKS5 bytes.
 *
 * @author socks5-udp authors
 */
class EmbeddedSocks5RelayTests {

	private EmbeddedSocks5Relay relay;

	private UdpEchoServer echo;

	@AfterEach
	void close() {
		if (this.relay != null) {
			this.relay.close();
		}
		if (this.echo != null) {
			this.echo.close();
		}
	}

	@Test
	void roundTripsToAnIpv4Destination() throws Exception {
		start(EmbeddedSocks5Relay.builder());
		this.echo = UdpEchoServer.startIpv4();
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			Socks5UdpDatagram reply = RelayClients.roundTrip(association, Socks5Address.of(this.echo.address()),
					"hello");
			assertThat(RelayClients.text(reply)).isEqualTo("hello");
			assertThat(reply.address()).isEqualTo(Socks5Address.of(this.echo.address()));
			assertThat(association.relayAddress()).isEqualTo(this.relay.lastBoundAddress());
		}
		RelayCounters counters = this.relay.counters();
		assertThat(counters.associationsOpened()).isEqualTo(1);
		assertThat(counters.datagramsToDestinations()).isEqualTo(1);
		assertThat(counters.bytesToDestinations()).isEqualTo(5);
		assertThat(counters.datagramsToClients()).isEqualTo(1);
		assertThat(counters.bytesToClients()).isEqualTo(10 + 5);
		assertThat(counters.refusedTotal()).isZero();
	}

	@Test
	void roundTripsToAnIpv6DestinationThroughAnIpv6Relay() throws Exception {
		start(EmbeddedSocks5Relay.builder().bind("::1"));
		this.echo = UdpEchoServer.startIpv6();
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			Socks5UdpDatagram reply = RelayClients.roundTrip(association, Socks5Address.of(this.echo.address()),
					"over IPv6");
			assertThat(RelayClients.text(reply)).isEqualTo("over IPv6");
			assertThat(reply.address().type()).isEqualTo(Socks5AddressType.IPV6);
			assertThat(reply.address()).isEqualTo(Socks5Address.of("::1", this.echo.port()));
			assertThat(association.relayAddress().getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
		}
	}

	@Test
	void relaysToTheOtherFamilyThanTheClients() throws Exception {
		start(EmbeddedSocks5Relay.builder());
		this.echo = UdpEchoServer.startIpv6();
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			Socks5UdpDatagram reply = RelayClients.roundTrip(association, Socks5Address.of("::1", this.echo.port()),
					"across families");
			assertThat(RelayClients.text(reply)).isEqualTo("across families");
			assertThat(reply.address()).isEqualTo(Socks5Address.of("::1", this.echo.port()));
		}
	}

	@Test
	void resolvesDomainDestinations() throws Exception {
		start(EmbeddedSocks5Relay.builder());
		this.echo = UdpEchoServer.startIpv4();
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			Socks5Address localhost = Socks5Address.domain("localhost", this.echo.port());
			for (int i = 0; i < 3; i++) {
				Socks5UdpDatagram reply = RelayClients.roundTrip(association, localhost, "by name " + i);
				assertThat(RelayClients.text(reply)).isEqualTo("by name " + i);
				assertThat(reply.address().isDomain()).isFalse();
				assertThat(reply.address().inetAddress().isLoopbackAddress()).isTrue();
				assertThat(reply.address().port()).isEqualTo(this.echo.port());
			}
		}
		assertThat(this.relay.counters().refused(RefusalReason.UNRESOLVED)).isZero();
	}

	@Test
	void relaysTheLargestPayloadBothWays() throws Exception {
		start(EmbeddedSocks5Relay.builder());
		this.echo = UdpEchoServer.startIpv4();
		Socks5Address destination = Socks5Address.of(this.echo.address());
		byte[] payload = new byte[Socks5UdpHeaderCodec.maxPayload(destination)];
		ThreadLocalRandom.current().nextBytes(payload);
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			association.send(destination, payload);
			Socks5UdpDatagram reply = association.receive(RelayClients.RECEIVE_TIMEOUT);
			assertThat(reply).isNotNull();
			byte[] received = new byte[reply.payload().remaining()];
			reply.payload().get(received);
			assertThat(Arrays.equals(received, payload)).isTrue();
		}
	}

	@Test
	void acceptsClientsThatAnnounceZeros() throws Exception {
		start(EmbeddedSocks5Relay.builder());
		this.echo = UdpEchoServer.startIpv4();
		try (Socks5UdpAssociation association = RelayClients.open(this.relay,
				(options) -> options.associateAddressPolicy(AssociateAddressPolicy.ZEROS))) {
			Socks5UdpDatagram reply = RelayClients.roundTrip(association, Socks5Address.of(this.echo.address()),
					"zeros");
			assertThat(RelayClients.text(reply)).isEqualTo("zeros");
		}
	}

	@Test
	void givesEveryAssociationItsOwnPort() throws Exception {
		start(EmbeddedSocks5Relay.builder());
		try (Socks5UdpAssociation first = RelayClients.open(this.relay);
				Socks5UdpAssociation second = RelayClients.open(this.relay)) {
			assertThat(first.relayAddress().getPort()).isNotEqualTo(second.relayAddress().getPort());
			assertThat(this.relay.lastBoundAddress()).isEqualTo(second.relayAddress());
			assertThat(this.relay.counters().activeAssociations()).isEqualTo(2);
		}
		assertThat(this.relay.counters().associationsOpened()).isEqualTo(2);
	}

	@Test
	void endsTheAssociationWhenTheClientClosesItsControlConnection() throws Exception {
		start(EmbeddedSocks5Relay.builder());
		InetSocketAddress relayAddress;
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			relayAddress = association.relayAddress();
			assertThat(this.relay.counters().activeAssociations()).isEqualTo(1);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.relay.counters().activeAssociations() == 0);
		try (DatagramChannel rebind = DatagramChannel.open()) {
			// The relay socket is gone: its port can be bound again
			rebind.bind(relayAddress);
			assertThat(rebind.getLocalAddress()).isEqualTo(relayAddress);
		}
	}

	@Test
	void authenticatesConfiguredUsers() throws Exception {
		start(EmbeddedSocks5Relay.builder().user("alice", "secret"));
		this.echo = UdpEchoServer.startIpv4();
		try (Socks5UdpAssociation association = RelayClients.open(this.relay,
				(options) -> options.credentials(new Socks5Credentials("alice", "secret")))) {
			assertThat(RelayClients
				.text(RelayClients.roundTrip(association, Socks5Address.of(this.echo.address()), "authenticated")))
				.isEqualTo("authenticated");
		}
		assertThat(this.relay.counters().associationsRefused()).isZero();
	}

	@Test
	void refusesAWrongPassword() throws Exception {
		start(EmbeddedSocks5Relay.builder().user("alice", "secret"));
		assertThatExceptionOfType(Socks5AuthenticationException.class).isThrownBy(() -> RelayClients.open(this.relay,
				(options) -> options.credentials(new Socks5Credentials("alice", "guess"))));
		assertThatExceptionOfType(Socks5AuthenticationException.class).isThrownBy(() -> RelayClients.open(this.relay,
				(options) -> options.credentials(new Socks5Credentials("mallory", "secret"))));
		assertThat(this.relay.counters().associationsRefused()).isEqualTo(2);
		assertThat(this.relay.counters().associationsOpened()).isZero();
	}

	@Test
	void requiresAuthenticationWhenUsersAreConfigured() throws Exception {
		start(EmbeddedSocks5Relay.builder().user("alice", "secret"));
		assertThatExceptionOfType(Socks5NoAcceptableMethodException.class)
			.isThrownBy(() -> RelayClients.open(this.relay));
		try (RawSocks5Client client = RawSocks5Client.connect(this.relay)) {
			assertThat(client.greet()).isEqualTo(Socks5AuthMethod.NO_ACCEPTABLE);
			assertThat(client.read()).isEqualTo(-1);
		}
	}

	@Test
	void answersOtherCommandsWithCommandNotSupported() throws Exception {
		start(EmbeddedSocks5Relay.builder());
		for (byte command : new byte[] { Socks5HandshakeMessages.CMD_CONNECT, Socks5HandshakeMessages.CMD_BIND,
				0x7F }) {
			try (RawSocks5Client client = RawSocks5Client.connect(this.relay)) {
				assertThat(client.greet()).isEqualTo(Socks5AuthMethod.NO_AUTH);
				Socks5CommandReplyParser reply = client
					.request(Socks5HandshakeMessages.commandRequest(command, Socks5Address.of("127.0.0.1", 80)));
				assertThat(reply.replyCode()).isEqualTo(Socks5ReplyCode.COMMAND_NOT_SUPPORTED);
				assertThat(client.read()).isEqualTo(-1);
			}
		}
		assertThat(this.relay.counters().associationsRefused()).isEqualTo(3);
	}

	@Test
	void answersUnknownAddressTypesWithAddressTypeNotSupported() throws Exception {
		start(EmbeddedSocks5Relay.builder());
		try (RawSocks5Client client = RawSocks5Client.connect(this.relay)) {
			client.greet();
			Socks5CommandReplyParser reply = client.request(new byte[] { 5, 3, 0, 0x09, 127, 0, 0, 1, 0, 0 });
			assertThat(reply.replyCode()).isEqualTo(Socks5ReplyCode.ADDRESS_TYPE_NOT_SUPPORTED);
		}
	}

	@Test
	void closesClientsThatSayNothingWithinTheHandshakeTimeout() throws Exception {
		start(EmbeddedSocks5Relay.builder().handshakeTimeout(Duration.ofMillis(200)));
		try (RawSocks5Client client = RawSocks5Client.connect(this.relay)) {
			assertThat(client.read()).isEqualTo(-1);
		}
	}

	@Test
	void refusesDatagramsFromForeignSources() throws Exception {
		start(EmbeddedSocks5Relay.builder());
		this.echo = UdpEchoServer.startIpv4();
		Socks5Address destination = Socks5Address.of(this.echo.address());
		try (Socks5UdpAssociation association = RelayClients.open(this.relay);
				DatagramChannel stranger = DatagramChannel.open()) {
			stranger.bind(new InetSocketAddress("127.0.0.1", 0));
			ByteBuffer datagram = ByteBuffer.allocate(64);
			Socks5UdpHeaderCodec.encode(destination, ByteBuffer.wrap(new byte[] { 'x' }), datagram);
			stranger.send(datagram.flip(), association.relayAddress());
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.relay.counters().refused(RefusalReason.FOREIGN_SOURCE) == 1);
			assertThat(RelayClients.text(RelayClients.roundTrip(association, destination, "mine"))).isEqualTo("mine");
			assertThat(this.echo.datagramCount()).isEqualTo(1);
		}
	}

	@Test
	void dropsFragmentsAndMalformedDatagramsFromTheClientAndGoesOn() throws Exception {
		start(EmbeddedSocks5Relay.builder());
		this.echo = UdpEchoServer.startIpv4();
		try (RawSocks5Client control = RawSocks5Client.connect(this.relay);
				DatagramChannel udp = DatagramChannel.open()) {
			udp.bind(new InetSocketAddress("127.0.0.1", 0));
			control.greet();
			Socks5CommandReplyParser reply = control.udpAssociate((InetSocketAddress) udp.getLocalAddress());
			assertThat(reply.replyCode()).isEqualTo(Socks5ReplyCode.SUCCEEDED);
			InetSocketAddress relayAddress = reply.boundAddress().toInetSocketAddress();
			for (MalformedDatagram kind : MalformedDatagram.values()) {
				udp.send(ByteBuffer.wrap(kind.bytes()), relayAddress);
			}
			ByteBuffer valid = ByteBuffer.allocate(64);
			Socks5UdpHeaderCodec.encode(Socks5Address.of(this.echo.address()), ByteBuffer.wrap(new byte[] { 'o', 'k' }),
					valid);
			udp.send(valid.flip(), relayAddress);
			ByteBuffer echoed = ByteBuffer.allocate(64);
			udp.socket().setSoTimeout(10_000);
			assertThat(udp.receive(echoed)).isEqualTo(relayAddress);
		}
		assertThat(this.relay.counters().refused(RefusalReason.FRAGMENT)).isEqualTo(1);
		assertThat(this.relay.counters().refused(RefusalReason.MALFORMED)).isEqualTo(4);
		assertThat(this.echo.datagramCount()).isEqualTo(1);
	}

	@Test
	void closingTheRelayEndsItsAssociations() throws Exception {
		start(EmbeddedSocks5Relay.builder());
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			this.relay.close();
			assertThat(this.relay.isRunning()).isFalse();
			association.closeFuture().get(10, TimeUnit.SECONDS);
			assertThat(association.isOpen()).isFalse();
		}
		this.relay.close();
	}

	@Test
	void givesSpringPropertiesForAServer() throws Exception {
		start(EmbeddedSocks5Relay.builder().user("alice", "secret").user("bob", "other"));
		String prefix = "socks5.udp.servers.corp.";
		assertThat(this.relay.springProperties("corp")).containsExactly(entry(prefix + "host", "127.0.0.1"),
				entry(prefix + "port", Integer.toString(this.relay.port())), entry(prefix + "username", "alice"),
				entry(prefix + "password", "secret"));
	}

	@Test
	void givesSpringPropertiesWithoutCredentialsWhenNoUserIsConfigured() throws Exception {
		start(EmbeddedSocks5Relay.builder().bind("::1"));
		assertThat(this.relay.springProperties("local")).containsOnlyKeys("socks5.udp.servers.local.host",
				"socks5.udp.servers.local.port");
		assertThat(this.relay.springProperties("local")).containsEntry("socks5.udp.servers.local.host", "::1");
		assertThatIllegalArgumentException().isThrownBy(() -> this.relay.springProperties(" "));
	}

	@Test
	void describesItself() throws Exception {
		EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().bind("::1").user("alice", "secret").build();
		assertThat(relay).hasToString("EmbeddedSocks5Relay[[::1]:0, new, users=1]");
		assertThatIllegalStateException().isThrownBy(relay::port).withMessage("relay: new (expected: started)");
		this.relay = relay.start();
		assertThat(relay.toString()).contains(":" + relay.port() + ", listening").doesNotContain("secret");
		assertThat(relay.address()).isEqualTo(new InetSocketAddress("::1", relay.port()));
		assertThatIllegalStateException().isThrownBy(relay::start);
	}

	@Test
	void validatesItsConfiguration() {
		assertThatIllegalArgumentException().isThrownBy(() -> EmbeddedSocks5Relay.builder().bind("localhost"))
			.withMessageContaining("expected: an IPv4 or IPv6 address");
		assertThatIllegalArgumentException().isThrownBy(() -> EmbeddedSocks5Relay.builder().port(70000))
			.withMessage("port: 70000 (expected: 0-65535)");
		assertThatIllegalArgumentException().isThrownBy(() -> EmbeddedSocks5Relay.builder().user("", "x"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmbeddedSocks5Relay.builder().handshakeTimeout(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> EmbeddedSocks5Relay.builder().maxConnections(0))
			.withMessage("maxConnections: 0 (expected: 1 or more)");
	}

	@Test
	void refusesToBeAnOpenRelayBeforeListening() {
		assertThatIllegalStateException().isThrownBy(() -> EmbeddedSocks5Relay.builder().bind("0.0.0.0").build())
			.withMessage("bind: 0.0.0.0 is not a loopback address and no user is given: an open relay, which is an"
					+ " open proxy (expected: a loopback address, a user, or allowOpenRelay(true))");
		assertThatIllegalStateException().isThrownBy(() -> EmbeddedSocks5Relay.builder().bind("::").build())
			.withMessageStartingWith("bind: :: is not a loopback address");
		assertThat(EmbeddedSocks5Relay.builder().bind("0.0.0.0").user("alice", "secret").build().isRunning()).isFalse();
	}

	@Test
	void warnsWhenItStartsAsAnOpenRelay() throws Exception {
		try (CapturedLog log = CapturedLog.start()) {
			start(EmbeddedSocks5Relay.builder());
			assertThat(log.text()).doesNotContain("open proxy");
			// Listens on every address for a moment; nothing is sent anywhere
			EmbeddedSocks5Relay.builder().bind("0.0.0.0").allowOpenRelay(true).build().start().close();
			assertThat(log.text()).contains("WARNING").contains("on 0.0.0.0:").contains("open proxy");
		}
	}

	@Test
	void namesTheAddressItCannotListenOn() throws Exception {
		start(EmbeddedSocks5Relay.builder());
		EmbeddedSocks5Relay second = EmbeddedSocks5Relay.builder().port(this.relay.port()).build();
		assertThatExceptionOfType(IOException.class).isThrownBy(second::start)
			.withMessageStartingWith("cannot listen on 127.0.0.1:" + this.relay.port() + ": ");
	}

	@Test
	void batchedIoIsBuiltWhereItCanRunAndRefusedWithTheReasonElsewhere() {
		if (NativeSockets.unavailableReason() == null) {
			assertThat(EmbeddedSocks5Relay.builder().batchedIo(true).build()).isNotNull();
		}
		else {
			assertThatIllegalStateException().isThrownBy(() -> EmbeddedSocks5Relay.builder().batchedIo(true).build())
				.withMessage(NativeSockets.unavailableReason());
		}
	}

	private void start(EmbeddedSocks5RelayBuilder builder) throws Exception {
		this.relay = builder.build().start();
	}

}
