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

import java.net.InetAddress;
import java.net.InetSocketAddress;

import io.socks5udp.core.protocol.Socks5Address;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RelayAddressPolicy}.
 *
 * @author socks5-udp authors
 */
class RelayAddressPolicyTests {

	private static final InetAddress SERVER = InetAddress.getLoopbackAddress();

	@Test
	void replaceUnspecifiedReplacesIpv4And6Zeros() throws Exception {
		assertThat(RelayAddressPolicy.REPLACE_UNSPECIFIED.relayAddress(Socks5Address.of("0.0.0.0", 4000), SERVER))
			.isEqualTo(new InetSocketAddress(SERVER, 4000));
		InetAddress ipv6 = InetAddress.getByName("::1");
		assertThat(RelayAddressPolicy.REPLACE_UNSPECIFIED.relayAddress(Socks5Address.of("::", 4000), ipv6))
			.isEqualTo(new InetSocketAddress(ipv6, 4000));
	}

	@Test
	void replaceUnspecifiedKeepsASpecifiedAddress() throws Exception {
		assertThat(RelayAddressPolicy.REPLACE_UNSPECIFIED.relayAddress(Socks5Address.of("127.0.0.1", 4000),
				InetAddress.getByName("::1")))
			.isEqualTo(new InetSocketAddress("127.0.0.1", 4000));
	}

	@Test
	void alwaysServerKeepsOnlyThePort() throws Exception {
		assertThat(RelayAddressPolicy.ALWAYS_SERVER.relayAddress(Socks5Address.of("relay.invalid", 4000), SERVER))
			.isEqualTo(new InetSocketAddress(SERVER, 4000));
	}

	@Test
	void trustReplyKeepsUnspecifiedAndResolvesDomains() throws Exception {
		assertThat(RelayAddressPolicy.TRUST_REPLY.relayAddress(Socks5Address.of("0.0.0.0", 4000), SERVER))
			.isEqualTo(new InetSocketAddress("0.0.0.0", 4000));
		InetSocketAddress resolved = RelayAddressPolicy.TRUST_REPLY.relayAddress(Socks5Address.of("localhost", 4000),
				SERVER);
		assertThat(resolved.isUnresolved()).isFalse();
		assertThat(resolved.getAddress().isLoopbackAddress()).isTrue();
	}

	@Test
	void fixedIgnoresTheReply() throws Exception {
		InetSocketAddress fixed = new InetSocketAddress("127.0.0.1", 5000);
		assertThat(RelayAddressPolicy.fixed(fixed).relayAddress(Socks5Address.of("0.0.0.0", 4000), SERVER))
			.isEqualTo(fixed);
		assertThat(RelayAddressPolicy.fixed(fixed).isFixed()).isTrue();
		assertThat(RelayAddressPolicy.fixed(fixed).fixedAddress()).isEqualTo(fixed);
		assertThat(RelayAddressPolicy.TRUST_REPLY.isFixed()).isFalse();
		assertThat(RelayAddressPolicy.TRUST_REPLY.fixedAddress()).isNull();
	}

	@Test
	void fixedUnresolvedAddressIsResolvedWhenUsed() throws Exception {
		RelayAddressPolicy policy = RelayAddressPolicy.fixed(InetSocketAddress.createUnresolved("localhost", 5000));
		InetSocketAddress relay = policy.relayAddress(Socks5Address.of("0.0.0.0", 4000), SERVER);
		assertThat(relay.isUnresolved()).isFalse();
		assertThat(relay.getPort()).isEqualTo(5000);
	}

	@Test
	void fixedRejectsPortZero() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RelayAddressPolicy.fixed(new InetSocketAddress("127.0.0.1", 0)))
			.withMessage("port: 0 (expected: 1-65535)");
	}

	@Test
	void equalsAndToString() {
		InetSocketAddress fixed = new InetSocketAddress("127.0.0.1", 5000);
		assertThat(RelayAddressPolicy.fixed(fixed)).isEqualTo(RelayAddressPolicy.fixed(fixed))
			.isNotEqualTo(RelayAddressPolicy.TRUST_REPLY);
		assertThat(RelayAddressPolicy.fixed(fixed)).hasToString("FIXED(127.0.0.1:5000)");
		assertThat(RelayAddressPolicy.fixed(new InetSocketAddress("::1", 5000))).hasToString("FIXED([::1]:5000)");
		assertThat(RelayAddressPolicy.fixed(InetSocketAddress.createUnresolved("relay.example", 5000)))
			.hasToString("FIXED(relay.example:5000)");
		assertThat(RelayAddressPolicy.REPLACE_UNSPECIFIED).hasToString("REPLACE_UNSPECIFIED");
	}

}
