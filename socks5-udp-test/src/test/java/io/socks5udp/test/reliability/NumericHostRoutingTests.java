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

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.socks5udp.core.client.AssociateAddressPolicy;
import io.socks5udp.core.client.RelayAddressPolicy;
import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressText;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loopback host written in another {@code inet_aton} form ({@code 127.1},
 * {@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}) takes the route of 127.0.0.1,
 * through the SOCKS5 server the rule names rather than direct, and reaches the relay as
 * the IPv4 address (ATYP X'01'), never as a name for the relay to resolve.
 *
 * @author socks5-udp authors
 */
@Timeout(30)
class NumericHostRoutingTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@ParameterizedTest
	@ValueSource(strings = { "127.1", "2130706433", "0x7f.1", "0177.0.0.1" })
	void loopbackInAnyInetAtonFormGoesThroughTheRelayAsIpv4(String host) throws Exception {
		try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().bind("127.0.0.1").build().start();
				UdpEchoServer echo = UdpEchoServer.startIpv4();
				DatagramTap tap = DatagramTap.start()) {
			Socks5ServerRegistry registry = Socks5ServerRegistry.builder()
				.text("rules",
						"127.0.0.0/8 " + Socks5AddressText.hostAndPort(relay.host(), relay.port()) + "\n0.0.0.0/0 NONE")
				.build();
			Socks5ServerEndpoint server = registry.requireServer(host);
			assertThat(server.port()).isEqualTo(relay.port());
			try (Socks5UdpAssociation association = open(server, tap)) {
				tap.forwardTo(relay.lastBoundAddress());
				byte[] payload = Datagrams.text("to " + host);
				association.send(Socks5Address.of(host, echo.port()), payload);
				byte[] relayed = tap.nextFromClient(TIMEOUT);
				assertThat(relayed).as("datagram to the relay").isNotNull();
				// RSV RSV FRAG, ATYP X'01', 127.0.0.1, the echo's port
				assertThat(relayed).startsWith(0, 0, 0, 1, 127, 0, 0, 1, (byte) (echo.port() >>> 8),
						(byte) echo.port());
				Socks5UdpDatagram echoed = association.receive(TIMEOUT);
				assertThat(echoed).as("echo of the datagram to %s", host).isNotNull();
				assertThat(Datagrams.bytes(echoed)).isEqualTo(payload);
				assertThat(echoed.address()).isEqualTo(Socks5Address.of(echo.address()));
				assertThat(relay.counters().refusedTotal()).isZero();
			}
		}
	}

	private static Socks5UdpAssociation open(Socks5ServerEndpoint server, DatagramTap tap) throws IOException {
		return Socks5UdpAssociation.open(Socks5AssociationOptions.builder(server.host(), server.port())
			.name(AssociationThreads.uniqueName("numeric-host"))
			.associateAddressPolicy(AssociateAddressPolicy.ZEROS)
			.relayAddressPolicy(RelayAddressPolicy.fixed(tap.address()))
			.build());
	}

}
