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
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiterString = "->", textBlock = """
			127.0.0.1 -> 127.0.0.1
			127.1 -> 127.0.0.1
			2130706433 -> 127.0.0.1
			0x7f.1 -> 127.0.0.1
			0X7F.0X0.0.01 -> 127.0.0.1
			0177.0.0.1 -> 127.0.0.1
			017.0.0.1 -> 15.0.0.1
			10.1.515 -> 10.1.2.3
			167838211 -> 10.1.2.3
			167837955 -> 10.1.1.3
			0xa.0x10203 -> 10.1.2.3
			1.16777215 -> 1.255.255.255
			1.2.65535 -> 1.2.255.255
			4294967295 -> 255.255.255.255
			0xffffffff -> 255.255.255.255
			0000127.1 -> 87.0.0.1
			0 -> 0.0.0.0
			0x -> 0.0.0.0
			""")
	void readsEveryInetAtonFormOfIpv4(String text, String address) throws Exception {
		long expected = Integer.toUnsignedLong(InetAddress.getByName(address).hashCode());
		assertThat(Socks5AddressText.looksLikeIpv4(text)).isTrue();
		assertThat(Socks5AddressText.parseIpv4(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "dns.example", "1e100.net", "1.2.3.a", "a.1", "0x7g.1", "1x5", "1.2.3.4a",
			"::1", "", ".", "..", "127.0.0.1:53", "-1", "+1", "1 " })
	void nameIsNotAnIpv4Address(String text) {
		assertThat(Socks5AddressText.looksLikeIpv4(text)).isFalse();
		assertThat(Socks5AddressText.parseIpv4(text)).isEqualTo(-1);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "|", textBlock = """
			256.1.1.1 | part 1 '256' is out of range (expected: 0-255)
			1.2.3.256 | part 4 '256' is out of range (expected: 0-255)
			0x1ffffffff | part 1 '0x1ffffffff' is out of range (expected: 0-4294967295 as the only part)
			4294967296 | part 1 '4294967296' is out of range (expected: 0-4294967295 as the only part)
			1.16777216 | part 2 '16777216' is out of range (expected: 0-16777215 as the last of 2 parts)
			10.1.65536 | part 3 '65536' is out of range (expected: 0-65535 as the last of 3 parts)
			0400.1 | part 1 '0400' is out of range (expected: 0-255)
			08.1.1.1 | part 1 '08' is not octal (expected: digits 0-7 after a leading 0)
			1.09 | part 2 '09' is not octal (expected: digits 0-7 after a leading 0)
			1.2.3.4.5 | it has 5 parts (expected: 1-4)
			127.0.0.1. | part 5 is empty (expected: a decimal, octal (0...) or hexadecimal (0x...) number)
			127..1 | part 2 is empty (expected: a decimal, octal (0...) or hexadecimal (0x...) number)
			.1 | part 1 is empty (expected: a decimal, octal (0...) or hexadecimal (0x...) number)
			""")
	void textWrittenLikeIpv4ButOutOfRangeIsRejected(String text, String reason) {
		assertThat(Socks5AddressText.looksLikeIpv4(text)).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5AddressText.parseIpv4(text))
			.withMessage("host: '" + text + "' is written like an IPv4 address but is not one: " + reason);
	}

	@ParameterizedTest
	@CsvSource({ "192.0.2.1, true", "0.0.0.0, true", "255.255.255.255, true", "127.1, false", "010.0.0.1, false",
			"0x7f.0.0.1, false", "256.0.0.1, false", "1.2.3.4.5, false", "1.2.3., false", "a.b.c.d, false",
			"1111.1.1.1, false" })
	void dottedQuadIsFourDecimalPartsWithoutLeadingZeros(String text, boolean dottedQuad) {
		assertThat(Socks5AddressText.isDottedQuad(text)).isEqualTo(dottedQuad);
	}

	@Test
	void readsIpv6LiteralsWithoutLookingThemUp() throws Exception {
		assertThat(Socks5AddressText.parseIpv6("::1")).isEqualTo(InetAddress.getByName("::1"));
		assertThat(Socks5AddressText.parseIpv6("[2001:db8::1]")).isEqualTo(InetAddress.getByName("2001:db8::1"));
		assertThat(Socks5AddressText.parseIpv6("::ffff:10.1.2.3")).isEqualTo(InetAddress.getByName("10.1.2.3"));
		assertThat(Socks5AddressText.parseIpv6("fe80::1%3")).isInstanceOfSatisfying(Inet6Address.class,
				(address) -> assertThat(address.getScopeId()).isEqualTo(3));
		assertThat(Socks5AddressText.parseIpv6("::g")).isNull();
		assertThat(Socks5AddressText.parseIpv6("[::1]:53")).isNull();
		assertThat(Socks5AddressText.parseIpv6("127.0.0.1")).isNull();
		assertThat(Socks5AddressText.parseIpv6("dns.example")).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "127.0.0.1:53, 127.0.0.1, 53", "[::1]:1080, ::1, 1080", "proxy.example.com:0, proxy.example.com, 0",
			"[fe80::1%1]:7, fe80::1%1, 7" })
	void parsesHostAndPortWithoutLookingAnythingUp(String text, String host, int port) {
		InetSocketAddress address = Socks5AddressText.parseHostAndPort(text);
		assertThat(address.isUnresolved()).isTrue();
		assertThat(address.getHostString()).isEqualTo(host);
		assertThat(address.getPort()).isEqualTo(port);
		assertThat(Socks5AddressText.hostAndPort(host, port)).isEqualTo(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", ":53", "127.0.0.1:", "::1:53", "[::1]", "host:dns", "host:65536", "host:-1",
			"host:123456" })
	void refusesHostAndPortTextWithoutAHostOrAValidPort(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5AddressText.parseHostAndPort(text))
			.withMessageStartingWith("'" + text + "'")
			.withMessageContaining("expected: ");
	}

}
