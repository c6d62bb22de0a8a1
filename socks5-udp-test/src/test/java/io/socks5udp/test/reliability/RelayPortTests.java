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
package io.socks5udp.test.reliability;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every association sends to the BND of its own UDP ASSOCIATE reply: a new relay port per
 * association, never one remembered from an earlier association, also across a restart of
 * the server, against Dante and the embedded relay.
 *
 * @author socks5-udp authors
 */
@Timeout(30)
class RelayPortTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Test
	void everyAssociationWithTheEmbeddedRelayHasItsOwnRelayPort() throws IOException {
		try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().build().start();
				UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			assertOwnRelayPorts(relay.host(), relay.port(), echo);
		}
	}

	@Test
	void everyAssociationWithDanteHasItsOwnRelayPort() throws IOException {
		TestEnvironment.requireDanted();
		try (LocalDante dante = LocalDante.start(); UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			assertOwnRelayPorts(dante.host(), dante.port(), echo);
		}
	}

	@Test
	void afterAnEmbeddedRelayRestartTheNewAssociationUsesTheNewRelayPort() throws IOException {
		try (UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			EmbeddedSocks5Relay first = EmbeddedSocks5Relay.builder().build().start();
			int port = first.port();
			Socks5UdpAssociation old = open(first.host(), port);
			int oldRelayPort = old.relayAddress().getPort();
			first.close();
			assertThat(old.closeFuture()).succeedsWithin(TIMEOUT).isInstanceOf(Socks5AssociationClosedException.class);
			old.close();
			try (EmbeddedSocks5Relay second = EmbeddedSocks5Relay.builder().port(port).build().start();
					Socks5UdpAssociation renewed = open(second.host(), port)) {
				assertThat(renewed.relayAddress()).isEqualTo(second.lastBoundAddress());
				assertThat(renewed.relayAddress().getPort()).isNotEqualTo(oldRelayPort);
				assertRoundTrip(renewed, echo);
			}
		}
	}

	@Test
	void afterADanteRestartTheNewAssociationUsesTheNewRelayPort() throws IOException {
		TestEnvironment.requireDanted();
		try (LocalDante dante = LocalDante.start(); UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			Socks5UdpAssociation old = open(dante.host(), dante.port());
			assertRoundTrip(old, echo);
			int oldRelayPort = old.relayAddress().getPort();
			dante.restart();
			assertThat(old.closeFuture()).succeedsWithin(TIMEOUT).isInstanceOf(Socks5AssociationClosedException.class);
			old.close();
			try (Socks5UdpAssociation renewed = open(dante.host(), dante.port())) {
				assertThat(renewed.relayAddress().getPort()).isEqualTo(renewed.boundAddress().port())
					.isNotEqualTo(oldRelayPort);
				assertRoundTrip(renewed, echo);
			}
		}
	}

	private static void assertOwnRelayPorts(String host, int port, UdpEchoServer echo) throws IOException {
		try (Socks5UdpAssociation first = open(host, port);
				Socks5UdpAssociation second = open(host, port);
				Socks5UdpAssociation third = open(host, port)) {
			assertThat(first.relayAddress().getPort()).isEqualTo(first.boundAddress().port());
			assertThat(second.relayAddress().getPort()).isEqualTo(second.boundAddress().port());
			assertThat(third.relayAddress().getPort()).isEqualTo(third.boundAddress().port());
			assertThat(new int[] { first.relayAddress().getPort(), second.relayAddress().getPort(),
					third.relayAddress().getPort(), port })
				.doesNotHaveDuplicates();
			assertRoundTrip(first, echo);
			assertRoundTrip(second, echo);
			assertRoundTrip(third, echo);
		}
	}

	static void assertRoundTrip(Socks5UdpAssociation association, UdpEchoServer echo) throws IOException {
		byte[] payload = Datagrams.text("round trip via " + association.relayAddress());
		association.send(Socks5Address.of(echo.address()), payload);
		Socks5UdpDatagram echoed = association.receive(TIMEOUT);
		assertThat(echoed).as("echo via %s", association.relayAddress()).isNotNull();
		assertThat(Datagrams.bytes(echoed)).isEqualTo(payload);
		assertThat(echoed.address()).isEqualTo(Socks5Address.of(echo.address()));
	}

	static Socks5UdpAssociation open(String host, int port) throws IOException {
		return Socks5UdpAssociation.open(
				Socks5AssociationOptions.builder(host, port).name(AssociationThreads.uniqueName("relay-port")).build());
	}

}
