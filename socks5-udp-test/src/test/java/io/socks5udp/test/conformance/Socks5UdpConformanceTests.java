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

package io.socks5udp.test.conformance;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import io.socks5udp.core.client.Socks5AssociationOptionsBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

import io.socks5udp.core.client.AssociateAddressPolicy;
import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import io.socks5udp.core.protocol.Socks5AuthenticationException;
import io.socks5udp.core.protocol.Socks5Credentials;
import io.socks5udp.core.protocol.Socks5NoAcceptableMethodException;
import io.socks5udp.core.protocol.Socks5NotAllowedException;
import io.socks5udp.core.protocol.Socks5ReplyCode;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.core.protocol.Socks5UdpHeaderCodec;
import io.socks5udp.test.dante.DanteUsers;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What every SOCKS5 server we support must do with our association client, run against
 * each server by a subclass: UDP round trips to IPv4, IPv6 and domain-name destinations
 * of every payload size, username/password authentication, the associate-address
 * policies, refusal by a rule set and the end of the association when the server dies.
 * All traffic stays on loopback: the destination is a {@link UdpEchoServer}.
 *
 * @author socks5-udp authors
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class Socks5UdpConformanceTests {

	private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(5);

	private final List<AutoCloseable> resources = new ArrayList<>();

	private ConformanceServer server;

	private UdpEchoServer ipv4Echo;

	private UdpEchoServer ipv6Echo;

	private TestAbortedException unavailable;

	/**
	 * Start a server of the given kind, or abort the test when the server cannot run
	 * here.
	 * @param kind the kind of server
	 * @return the running server
	 * @throws Exception if the server did not start
	 */
	protected abstract ConformanceServer startServer(ConformanceServerKind kind) throws Exception;

	@BeforeAll
	void startSharedServers() throws Exception {
		try {
			this.server = track(startServer(ConformanceServerKind.NO_AUTH));
		}
		catch (TestAbortedException ex) {
			// Surefire does not count a class aborted in @BeforeAll: skip each case.
			this.unavailable = ex;
			return;
		}
		this.ipv4Echo = track(UdpEchoServer.startIpv4());
		this.ipv6Echo = track(UdpEchoServer.startIpv6());
	}

	@BeforeEach
	void skipWhenTheServerCannotRun() {
		if (this.unavailable != null) {
			throw this.unavailable;
		}
	}

	@AfterAll
	void closeResources() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	Stream<Arguments> destinationsAndPayloadSizes() {
		List<Arguments> arguments = new ArrayList<>();
		for (String destination : List.of("127.0.0.1", "::1", "localhost")) {
			for (String size : List.of("1", "1400", "max")) {
				arguments.add(Arguments.of(destination, size));
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0}, {1} bytes")
	@MethodSource("destinationsAndPayloadSizes")
	void roundTripReturnsThePayloadFromTheDestination(String destination, String size) throws IOException {
		UdpEchoServer echo = "::1".equals(destination) ? this.ipv6Echo : this.ipv4Echo;
		Socks5Address dst = "localhost".equals(destination) ? Socks5Address.domain("localhost", echo.port())
				: Socks5Address.of(destination, echo.port());
		int length = "max".equals(size) ? Socks5UdpHeaderCodec.maxPayload(dst) : Integer.parseInt(size);
		try (Socks5UdpAssociation association = open(this.server, null)) {
			byte[] payload = payload(length);
			association.send(dst, payload);
			Socks5UdpDatagram reply = association.receive(RECEIVE_TIMEOUT);
			assertThat(reply).as("echo of %d bytes to %s", length, dst).isNotNull();
			assertThat(bytes(reply)).isEqualTo(payload);
			assertThat(reply.address()).isEqualTo(Socks5Address.of(echo.address()));
		}
	}

	@Test
	void ipv4MaximumPayloadIsTheHeaderCodecsLimit() throws IOException {
		Socks5Address dst = Socks5Address.of(this.ipv4Echo.address());
		assertThat(Socks5UdpHeaderCodec.maxPayload(dst)).isEqualTo(65_497);
	}

	@Test
	void everyAssociationGetsItsOwnRelayPort() throws IOException {
		try (Socks5UdpAssociation first = open(this.server, null);
				Socks5UdpAssociation second = open(this.server, null)) {
			assertThat(first.relayAddress().getPort()).isNotEqualTo(second.relayAddress().getPort())
				.isNotEqualTo(this.server.port());
			assertRoundTrip(first, this.ipv4Echo);
			assertRoundTrip(second, this.ipv4Echo);
		}
	}

	@Test
	void usernameAndPasswordLetTheClientRelayAndAWrongPasswordIsRefused() throws Exception {
		try (ConformanceServer usernameServer = startServer(ConformanceServerKind.USERNAME_PASSWORD)) {
			try (Socks5UdpAssociation association = open(usernameServer, DanteUsers.credentials())) {
				assertRoundTrip(association, this.ipv4Echo);
			}
			Socks5Credentials wrong = new Socks5Credentials(DanteUsers.USERNAME, DanteUsers.PASSWORD + "-wrong");
			assertThatExceptionOfType(Socks5AuthenticationException.class).isThrownBy(() -> open(usernameServer, wrong))
				.withMessageNotContaining(wrong.password());
			assertThatExceptionOfType(Socks5NoAcceptableMethodException.class)
				.isThrownBy(() -> open(usernameServer, null));
		}
	}

	@Test
	void zerosAssociateAddressIsAcceptedByALoopbackRule() throws IOException {
		// Dante accepts binary zeros (0.0.0.0:0) from a loopback-only socks rule and
		// learns
		// the client's UDP address from its first datagram; only PySocks's domain name
		// "0"
		// with a port is refused there (see the PySocks tests).
		try (Socks5UdpAssociation association = open(this.server, null, AssociateAddressPolicy.ZEROS)) {
			assertRoundTrip(association, this.ipv4Echo);
		}
	}

	@Test
	void udpAssociateRefusedByRuleSetIsNotAllowed() throws Exception {
		try (ConformanceServer refusing = startServer(ConformanceServerKind.UDP_ASSOCIATE_REFUSED)) {
			Throwable thrown = catchThrowable(() -> open(refusing, null));
			assertThat(thrown).isInstanceOf(Socks5NotAllowedException.class);
			assertThat(((Socks5NotAllowedException) thrown).replyCode())
				.isEqualTo(Socks5ReplyCode.CONNECTION_NOT_ALLOWED);
		}
	}

	@Test
	void associationEndsWithinASecondWhenTheServerDies() throws Exception {
		try (ConformanceServer doomed = startServer(ConformanceServerKind.NO_AUTH);
				Socks5UdpAssociation association = open(doomed, null)) {
			assertRoundTrip(association, this.ipv4Echo);
			doomed.kill();
			assertThat(association.closeFuture()).succeedsWithin(Duration.ofSeconds(1))
				.isInstanceOf(Socks5AssociationClosedException.class);
			assertThat(association.isOpen()).isFalse();
			assertThatExceptionOfType(Socks5AssociationClosedException.class)
				.isThrownBy(() -> association.send(Socks5Address.of(this.ipv4Echo.address()), new byte[] { 1 }));
		}
	}

	private void assertRoundTrip(Socks5UdpAssociation association, UdpEchoServer echo) throws IOException {
		byte[] payload = payload(64);
		association.send(Socks5Address.of(echo.address()), payload);
		Socks5UdpDatagram reply = association.receive(RECEIVE_TIMEOUT);
		assertThat(reply).as("echo through %s", association).isNotNull();
		assertThat(bytes(reply)).isEqualTo(payload);
		assertThat(reply.address()).isEqualTo(Socks5Address.of(echo.address()));
	}

	private Socks5UdpAssociation open(ConformanceServer target, Socks5Credentials credentials) throws IOException {
		return open(target, credentials, AssociateAddressPolicy.LOCAL);
	}

	private Socks5UdpAssociation open(ConformanceServer target, Socks5Credentials credentials,
			AssociateAddressPolicy policy) throws IOException {
		Socks5AssociationOptionsBuilder options = Socks5AssociationOptions.builder(target.host(), target.port())
			.associateAddressPolicy(policy)
			.name(getClass().getSimpleName());
		if (credentials != null) {
			options.credentials(credentials);
		}
		return Socks5UdpAssociation.open(options.build());
	}

	private <T extends AutoCloseable> T track(T resource) {
		this.resources.add(resource);
		return resource;
	}

	private static byte[] payload(int length) {
		byte[] payload = new byte[length];
		new Random(length).nextBytes(payload);
		return payload;
	}

	private static byte[] bytes(Socks5UdpDatagram datagram) {
		byte[] bytes = new byte[datagram.payload().remaining()];
		datagram.payload().duplicate().get(bytes);
		return bytes;
	}

}
