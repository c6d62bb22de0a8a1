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
package io.socks5udp.core.registry;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Socks5Destination}.
 *
 * @author socks5-udp authors
 */
class Socks5DestinationTests {

	@Test
	void addressWithoutPrefixLengthUsesAllBits() throws Exception {
		assertThat(Socks5Destination.parse("192.0.2.1").prefixLength()).isEqualTo(32);
		assertThat(Socks5Destination.parse("2001:db8::1").prefixLength()).isEqualTo(128);
		assertThat(Socks5Destination.parse("2001:db8::1").address()).isEqualTo(InetAddress.getByName("2001:db8::1"));
	}

	@Test
	void bitsAfterThePrefixAreCleared() throws Exception {
		assertThat(Socks5Destination.parse("129.35.200.1/16")).isEqualTo(Socks5Destination.parse("129.35.0.0/16"));
		assertThat(Socks5Destination.parse("2001:db8:ffff::1/33").address())
			.isEqualTo(InetAddress.getByName("2001:db8:8000::"));
		assertThat(Socks5Destination.parse("0.0.0.0/0").toString()).isEqualTo("0.0.0.0/0");
	}

	@ParameterizedTest
	@CsvSource({ "::/0, ::/0", "2001:db8::/32, 2001:db8::/32", "2001:0db8:0:1:0:0:0:1, 2001:db8:0:1::1/128",
			"1:0:0:2:0:0:0:3, 1:0:0:2::3/128", "1:0:0:2:3:0:0:4, 1::2:3:0:0:4/128",
			"1:2:3:4:5:6:7:0, 1:2:3:4:5:6:7:0/128", "0:0:0:0:0:0:0:1, ::1/128", "fe80:0:0:0:0:0:0:0/10, fe80::/10" })
	void ipv6DestinationsShowInTheirShortForm(String text, String expected) {
		assertThat(Socks5Destination.parse(text)).hasToString(expected);
	}

	@Test
	void nameFragmentsAreLowerCasedAndLoseOneTrailingDot() {
		Socks5Destination destination = Socks5Destination.parse(".Example.TEST.");
		assertThat(destination.isNameFragment()).isTrue();
		assertThat(destination.nameFragment()).isEqualTo(".example.test");
		assertThat(destination.address()).isNull();
	}

	@Test
	void ipv4MappedDestinationBecomesAnIpv4Prefix() throws Exception {
		Socks5Destination destination = Socks5Destination.parse("::ffff:10.0.0.0/104");
		assertThat(destination.address()).isEqualTo(InetAddress.getByName("10.0.0.0"));
		assertThat(destination.prefixLength()).isEqualTo(8);
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Destination.parse("::ffff:10.0.0.0/64"))
			.withMessage("prefixLength: 64 (expected: 96-128 for an IPv4-mapped IPv6 address)");
	}

	@Test
	void fragmentOfDotsAloneIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Destination.parse("..."))
			.withMessageStartingWith("destination: '...' (expected:");
	}

	@Test
	void bracketedOrZonedIpv6DestinationIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Destination.parse("[2001:db8::]/32"))
			.withMessageContaining("without brackets or zone");
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Destination.parse("fe80::1%eth0"))
			.withMessageContaining("without brackets or zone");
	}

}
