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
package io.socks5udp.core.protocol;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5AddressText}.
 *
 * @author socks5-udp authors
 */
class Socks5AddressTextTests {

	@Test
	void writesIpv4AsItIs() throws Exception {
		InetAddress loopback = InetAddress.getByName("127.0.0.1");
		assertThat(Socks5AddressText.host(loopback)).isEqualTo("127.0.0.1");
		assertThat(Socks5AddressText.hostAndPort(loopback, 1080)).isEqualTo("127.0.0.1:1080");
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "->", textBlock = """
			::1 -> ::1
			:: -> ::
			2001:db8:0:0:0:0:2:1 -> 2001:db8::2:1
			2001:db8:0:1:1:1:1:1 -> 2001:db8:0:1:1:1:1:1
			2001:0:0:1:0:0:0:1 -> 2001:0:0:1::1
			2001:db8:0:0:1:0:0:1 -> 2001:db8::1:0:0:1
			fe80:0:0:0:0:0:0:0 -> fe80::
			2001:DB8:0:0:0:0:0:AB -> 2001:db8::ab
			""")
	void writesIpv6InTheFormOfRfc5952(String literal, String expected) throws Exception {
		assertThat(Socks5AddressText.host(InetAddress.getByName(literal))).isEqualTo(expected);
	}

	@Test
	void writesTheScopeOfAnIpv6Address() throws Exception {
		InetAddress linkLocal = Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(), 3);
		assertThat(Socks5AddressText.host(linkLocal)).isEqualTo("fe80::1%3");
		assertThat(Socks5AddressText.hostAndPort(linkLocal, 53)).isEqualTo("[fe80::1%3]:53");
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "->", textBlock = """
			127.0.0.1 -> 127.0.0.1:1080
			relay.example -> relay.example:1080
			::1 -> [::1]:1080
			[::1] -> [::1]:1080
			2001:db8::1 -> [2001:db8::1]:1080
			""")
	void writesHostAndPortWithIpv6InBrackets(String host, String expected) {
		assertThat(Socks5AddressText.hostAndPort(host, 1080)).isEqualTo(expected);
	}

	@Test
	void writesASocketAddressByItsLiteralOrItsUnresolvedName() throws Exception {
		assertThat(Socks5AddressText.hostAndPort(new InetSocketAddress(InetAddress.getByName("::1"), 53)))
			.isEqualTo("[::1]:53");
		assertThat(Socks5AddressText.hostAndPort(new InetSocketAddress("127.0.0.1", 53))).isEqualTo("127.0.0.1:53");
		assertThat(Socks5AddressText.hostAndPort(InetSocketAddress.createUnresolved("relay.example", 53)))
			.isEqualTo("relay.example:53");
	}

}
