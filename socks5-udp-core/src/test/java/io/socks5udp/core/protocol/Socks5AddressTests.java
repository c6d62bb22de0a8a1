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

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Socks5Address}.
 *
 * @author socks5-udp authors
 */
class Socks5AddressTests {

	@Test
	void ipv4Literal() {
		Socks5Address address = Socks5Address.of("192.0.2.1", 53);
		assertThat(address.type()).isEqualTo(Socks5AddressType.IPV4);
		assertThat(address.addressBytes()).containsExactly(192, 0, 2, 1);
		assertThat(address.host()).isEqualTo("192.0.2.1");
		assertThat(address.port()).isEqualTo(53);
		assertThat(address.addressLength()).isEqualTo(4);
		assertThat(address.encodedLength()).isEqualTo(7);
		assertThat(address.isDomain()).isFalse();
		assertThat(address).hasToString("192.0.2.1:53");
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "->", textBlock = """
			::1 -> ::1
			[::1] -> ::1
			2001:db8::1 -> 2001:db8::1
			2001:DB8:0:0:0:0:0:1 -> 2001:db8::1
			[2001:db8:0:0:1:0:0:1] -> 2001:db8::1:0:0:1
			1:0:0:2:0:0:0:3 -> 1:0:0:2::3
			1:2:3:4:5:6:7:0 -> 1:2:3:4:5:6:7:0
			1:0:3:4:5:6:7:8 -> 1:0:3:4:5:6:7:8
			fe80:: -> fe80::
			:: -> ::
			""")
	void ipv6LiteralsWithAndWithoutBrackets(String literal, String host) {
		Socks5Address address = Socks5Address.of(literal, 53);
		assertThat(address.type()).isEqualTo(Socks5AddressType.IPV6);
		assertThat(address.addressLength()).isEqualTo(16);
		assertThat(address.encodedLength()).isEqualTo(19);
		assertThat(address.host()).isEqualTo(host);
		assertThat(address).hasToString("[" + host + "]:53");
	}

	@Test
	void ipv6Loopback() throws Exception {
		Socks5Address address = Socks5Address.of("::1", 53);
		assertThat(address.inetAddress()).isEqualTo(InetAddress.getByName("::1"));
		assertThat(address).hasToString("[::1]:53");
	}

	@Test
	void domainName() {
		Socks5Address address = Socks5Address.of("dns.example", 53);
		assertThat(address.isDomain()).isTrue();
		assertThat(address.type()).isEqualTo(Socks5AddressType.DOMAIN);
		assertThat(address.host()).isEqualTo("dns.example");
		assertThat(address.inetAddress()).isNull();
		assertThat(address.addressLength()).isEqualTo(11);
		assertThat(address.encodedLength()).isEqualTo(1 + 1 + 11 + 2);
		assertThat(address).hasToString("dns.example:53");
		assertThat(address.toInetSocketAddress().isUnresolved()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.2.3.a", "localhost", "1e100.net", "0x7g.1", "a.1" })
	void notAnIpv4LiteralIsADomainAndIsNotLookedUp(String host) {
		Socks5Address address = Socks5Address.of(host, 53);
		assertThat(address.isDomain()).isTrue();
		assertThat(address.host()).isEqualTo(host);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "1.2.3, 1.2.0.3", "0x7f.1, 127.0.0.1", "167837955, 10.1.1.3", "017.0.0.1, 15.0.0.1" })
	void hostWrittenInAnyInetAtonFormIsTheIpv4AddressItDenotes(String host, String expected) throws Exception {
		Socks5Address address = Socks5Address.of(host, 53);
		assertThat(address.type()).isEqualTo(Socks5AddressType.IPV4);
		assertThat(address.inetAddress()).isEqualTo(InetAddress.getByName(expected));
		assertThat(address.host()).isEqualTo(expected);
		assertThat(address).isEqualTo(Socks5Address.of(expected, 53)).hasToString(expected + ":53");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\uFF11\uFF12\uFF17\u3002\uFF11", "\uFF1A\uFF1A1" })
	void fullWidthIpLiteralIsRefusedRatherThanTakenForANameOrAnAddress(String host) {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Address.of(host, 53))
			.withMessageEndingWith("after IDN conversion (expected: an IP literal in ASCII, or a domain name)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "256.1.1.1", "0x1ffffffff", "08.1.1.1", "1.2.3.4.5", "127.0.0.1.", "4294967296" })
	void hostWrittenLikeIpv4ButOutOfRangeIsRejectedNotTakenForAName(String host) {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Address.of(host, 53))
			.withMessageStartingWith("host: '" + host + "' is written like an IPv4 address but is not one: ");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Socks5Address.of(InetSocketAddress.createUnresolved(host, 53)))
			.withMessageStartingWith("host: '" + host + "' is written like an IPv4 address but is not one: ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.1", "2130706433", "256.1.1.1", "::1", "\uFF11\uFF12\uFF17\u3002\uFF11" })
	void domainRefusesIpAddresses(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Address.domain(name, 53))
			.withMessage("domain: '" + name + "' is written like an IP address (expected: a domain name;"
					+ " Socks5Address.of(host, port) takes IP addresses too)");
	}

	@Test
	void internationalizedDomainIsConvertedToAscii() {
		Socks5Address address = Socks5Address.of("b\u00fccher.example", 53);
		assertThat(address.host()).isEqualTo("xn--bcher-kva.example");
		assertThat(address.addressBytes()).isEqualTo("xn--bcher-kva.example".getBytes());
	}

	@Test
	void domainOf255BytesIsAccepted() {
		String name = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63);
		assertThat(name).hasSize(255);
		assertThat(Socks5Address.of(name, 53).addressLength()).isEqualTo(255);
	}

	@Test
	void domainOf256BytesIsRejected() {
		String name = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(62) + ".e";
		assertThat(name).hasSize(256);
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Address.of(name, 53))
			.withMessageEndingWith("is 256 bytes after IDN conversion (expected: 1-255)");
	}

	@Test
	void domainThatGrowsPast255BytesWithIdnIsRejected() {
		String label = "b\u00fccher".repeat(8);
		String name = String.join(".", label, label, label, label, label);
		assertThat(name).hasSize(244);
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Address.of(name, 53))
			.withMessageEndingWith("is 279 bytes after IDN conversion (expected: 1-255)");
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "->", textBlock = """
			1\u00b92.0.2.1 -> 112.0.2.1
			\uff11\uff12\uff17\u3002\uff10.0.1 -> 127.0.0.1
			\uff1a\uff1a\uff11 -> ::1
			""")
	void nameThatIdnTurnsIntoAnIpLiteralIsRejected(String host, String ascii) {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Address.of(host, 53))
			.withMessage("host: '" + host + "' is '" + ascii
					+ "' after IDN conversion (expected: an IP literal in ASCII, or a domain name)");
	}

	@Test
	void emptyLabelIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Address.of("dns..example", 53))
			.withMessageStartingWith("domain: 'dns..example' (expected: a valid IDN host name");
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiterString = "|", textBlock = """
			dns\\u000D\\u000Aexample | the control character U+000D at index 3
			dns.example\\u000A | the control character U+000A at index 11
			dns\\u0000.example | the control character U+0000 at index 3
			dns\\u0009example | the control character U+0009 at index 3
			dns\\u007F.example | the control character U+007F at index 3
			dns\\u0085.example | the control character U+0085 at index 3
			dns.exa\\u0020mple | the space U+0020 at index 7
			dns.example\\u00A0 | the space U+00A0 at index 11
			\\u3000dns.example | the space U+3000 at index 0
			""")
	void nameWithAControlCharacterOrASpaceIsRejectedBeforeItCanBeSent(String escaped, String problem) {
		String name = unescape(escaped);
		String expected = ": '" + escaped + "' has " + problem
				+ " (expected: a host name without control characters or spaces)";
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Address.of(name, 53))
			.withMessage("host" + expected);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Socks5Address.of(InetSocketAddress.createUnresolved(name, 53)))
			.withMessage("host" + expected);
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Address.domain(name, 53))
			.withMessage("domain" + expected);
	}

	@Test
	void emptyHostIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Address.of("", 53))
			.withMessage("domain: '' is 0 bytes after IDN conversion (expected: 1-255)");
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 65536, Integer.MIN_VALUE })
	void portOutOfRangeIsRejected(int port) {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Address.of("127.0.0.1", port))
			.withMessage("port: " + port + " (expected: 0-65535)");
	}

	@Test
	void portsAtTheEndsOfTheRangeAreAccepted() {
		assertThat(Socks5Address.of("127.0.0.1", 0).port()).isZero();
		assertThat(Socks5Address.of("127.0.0.1", 65535).port()).isEqualTo(65535);
	}

	@Test
	void invalidIpv6LiteralIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Address.of("::g", 53))
			.withMessage("host: '::g' (expected: an IPv4 or IPv6 literal or a domain name)");
	}

	@Test
	void unresolvedSocketAddressGivesADomain() {
		Socks5Address address = Socks5Address.of(InetSocketAddress.createUnresolved("dns.example", 53));
		assertThat(address).isEqualTo(Socks5Address.of("dns.example", 53));
	}

	@Test
	void resolvedSocketAddressGivesItsIpAddress() {
		Socks5Address address = Socks5Address.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 5353));
		assertThat(address).isEqualTo(Socks5Address.of("127.0.0.1", 5353));
		assertThat(address.toInetSocketAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", 5353));
	}

	@Test
	void ipBytesFactoriesCheckTheLength() {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Address.ipv4(new byte[5], 53))
			.withMessage("ipv4: 5 bytes (expected: 4)");
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Address.ipv6(new byte[4], 53))
			.withMessage("ipv6: 4 bytes (expected: 16)");
	}

	@Test
	void addressBytesIsACopy() {
		byte[] bytes = { 127, 0, 0, 1 };
		Socks5Address address = Socks5Address.ipv4(bytes, 53);
		bytes[3] = 2;
		address.addressBytes()[3] = 3;
		assertThat(address.host()).isEqualTo("127.0.0.1");
		assertThat(address.addressBytes()).containsExactly(127, 0, 0, 1);
	}

	@Test
	void equalsAndHashCodeCompareTypeAddressAndPort() {
		Socks5Address address = Socks5Address.of("127.0.0.1", 53);
		assertThat(address).isEqualTo(Socks5Address.ipv4(new byte[] { 127, 0, 0, 1 }, 53))
			.hasSameHashCodeAs(Socks5Address.ipv4(new byte[] { 127, 0, 0, 1 }, 53))
			.isNotEqualTo(Socks5Address.of("127.0.0.1", 54))
			.isNotEqualTo(Socks5Address.of("127.0.0.2", 53))
			.isNotEqualTo(Socks5Address.fromWire(Socks5AddressType.DOMAIN, new byte[] { 127, 0, 0, 1 }, 0, 4, 53));
		assertThat(Socks5Address.of("::1", 53)).isEqualTo(Socks5Address.of("[0:0:0:0:0:0:0:1]", 53))
			.hasSameHashCodeAs(Socks5Address.of("[0:0:0:0:0:0:0:1]", 53));
		assertThat(Socks5Address.of("dns.example", 53)).isEqualTo(Socks5Address.of("dns.example", 53))
			.hasSameHashCodeAs(Socks5Address.of("dns.example", 53));
	}

	@Test
	void withPortKeepsTheAddress() {
		Socks5Address address = Socks5Address.of("::1", 53);
		assertThat(address.withPort(53)).isSameAs(address);
		assertThat(address.withPort(5353)).isEqualTo(Socks5Address.of("::1", 5353));
	}

	@ParameterizedTest
	@CsvSource({ "0.0.0.0, true", "::, true", "[::], true", "127.0.0.1, false", "::1, false",
			"unspecified.example, false" })
	void isUnspecified(String host, boolean unspecified) {
		assertThat(Socks5Address.of(host, 0).isUnspecified()).isEqualTo(unspecified);
	}

	@Test
	void fromWireTakesDomainBytesAsTheyAre() {
		byte[] wire = { 9, 'd', 'n', 's', 9 };
		Socks5Address address = Socks5Address.fromWire(Socks5AddressType.DOMAIN, wire, 1, 3, 53);
		assertThat(address.host()).isEqualTo("dns");
		assertThat(address.isDomain()).isTrue();
	}

	@Test
	void fromWireRejectsUnknownTypeAndEmptyDomain() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Socks5Address.fromWire(Socks5AddressType.valueOf((byte) 7), new byte[4], 0, 4, 53));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Socks5Address.fromWire(Socks5AddressType.DOMAIN, new byte[4], 0, 0, 53));
	}

	/**
	 * Turn each backslash-u escape into its character: the tests name characters that a
	 * CSV row or a message must not hold raw.
	 */
	private static String unescape(String text) {
		StringBuilder result = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			boolean escape = text.startsWith("\\u", i);
			result.append(escape ? (char) Integer.parseInt(text.substring(i + 2, i + 6), 16) : text.charAt(i));
			i += escape ? 6 : 1;
		}
		return result.toString();
	}

}
