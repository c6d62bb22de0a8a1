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
import java.net.InetSocketAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A relay that answers UDP ASSOCIATE with BND.ADDR 0.0.0.0 or :: (behind NAT, or bound to
 * a wildcard address) is reached at the server's address and the replied port, with the
 * default {@code REPLACE_UNSPECIFIED} policy.
 *
 * @author socks5-udp authors
 */
class UnspecifiedBoundAddressTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "::1" })
	void unspecifiedBoundAddressIsReplacedByTheServersAddress(String loopback) throws IOException {
		try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().bind(loopback).build().start();
				UdpEchoServer echo = "::1".equals(loopback) ? UdpEchoServer.startIpv6() : UdpEchoServer.startIpv4()) {
			relay.faults().unspecifiedBoundAddress(true);
			try (Socks5UdpAssociation association = RelayPortTests.open(relay.host(), relay.port())) {
				assertThat(association.boundAddress().isUnspecified()).as("BND %s", association.boundAddress())
					.isTrue();
				InetSocketAddress relayed = relay.lastBoundAddress();
				assertThat(association.boundAddress().port()).isEqualTo(relayed.getPort());
				assertThat(association.relayAddress())
					.isEqualTo(new InetSocketAddress(relay.address().getAddress(), relayed.getPort()));
				RelayPortTests.assertRoundTrip(association, echo);
			}
		}
	}

}
