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
package io.socks5udp.core.fuzz;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz tests of {@link Socks5Address} made from text
 * ({@link Socks5Address#of(String, int)} and {@link Socks5Address#domain(String, int)}),
 * as hosts come from configuration files, properties and callers: only
 * {@link IllegalArgumentException} escapes, an invalid port is always refused, and an
 * address reads back from its own {@code host()} as the same address, so that a name
 * never turns into an IP literal (or back) on the way.
 *
 * @author socks5-udp authors
 */
class Socks5AddressTextFuzzTests {

	@FuzzTest(maxDuration = "60s")
	void hostTextGivesAnAddressThatReadsBackOrAnIllegalArgument(byte[] data) {
		FuzzInput input = new FuzzInput(data);
		int selector = input.nextByte();
		int port = port(selector, input);
		String host = new String(input.rest(),
				((selector & 0x02) != 0) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
		Socks5Address address = create(host, port, false);
		if (address != null) {
			assertWellFormed(host, port, address);
			if (host.indexOf(':') >= 0) {
				assertThat(address.type()).as("type of '%s'", host).isNotEqualTo(Socks5AddressType.DOMAIN);
			}
			else if (Socks5AddressType.IPV4.equals(address.type())) {
				assertThat(host).as("IPv4 literal").matches("[0-9.]+");
			}
			assertThat(Socks5Address.of(address.host(), port)).as("'%s' read back from '%s'", host, address.host())
				.isEqualTo(address);
		}
		Socks5Address domain = create(host, port, true);
		if (domain != null) {
			assertWellFormed(host, port, domain);
			assertThat(domain.type()).isEqualTo(Socks5AddressType.DOMAIN);
			assertThat(Socks5Address.domain(domain.host(), port)).as("'%s' read back from '%s'", host, domain.host())
				.isEqualTo(domain);
		}
	}

	/**
	 * Return a port: in range for most inputs, anywhere from -65535 to 65535 for some.
	 */
	private static int port(int selector, FuzzInput input) {
		int value = input.nextUnsignedShort();
		return ((selector & 0x01) != 0) ? ((value << 1) | 1) - Socks5Address.MAX_PORT - 1 : value;
	}

	private static Socks5Address create(String host, int port, boolean domain) {
		try {
			return domain ? Socks5Address.domain(host, port) : Socks5Address.of(host, port);
		}
		catch (IllegalArgumentException ex) {
			assertThat(ex.getMessage()).isNotBlank();
			if ((port < 0 || port > Socks5Address.MAX_PORT) && create(host, 0, domain) != null) {
				// A valid host with an invalid port: the port is what the message names
				assertThat(ex.getMessage()).startsWith("port: " + port + " ");
			}
			return null;
		}
	}

	private static void assertWellFormed(String host, int port, Socks5Address address) {
		assertThat(port).as("port accepted").isBetween(0, Socks5Address.MAX_PORT);
		assertThat(address.port()).isEqualTo(port);
		assertThat(address.host()).as("host of '%s'", host).isNotEmpty();
		int length = address.addressLength();
		if (Socks5AddressType.IPV4.equals(address.type())) {
			assertThat(length).isEqualTo(4);
		}
		else if (Socks5AddressType.IPV6.equals(address.type())) {
			assertThat(length).isEqualTo(16);
		}
		else {
			assertThat(address.type()).isEqualTo(Socks5AddressType.DOMAIN);
			assertThat(length).isBetween(1, Socks5Address.MAX_DOMAIN_LENGTH);
			assertThat(address.addressBytes()).isEqualTo(address.host().getBytes(StandardCharsets.US_ASCII));
			assertThat(address.host()).as("ASCII form of '%s'", host).matches("\\p{ASCII}+");
			// A name is never looked up here
			assertThat(address.toInetSocketAddress().isUnresolved()).isTrue();
		}
		assertThat(address.encodedLength()).isEqualTo(1 + (address.isDomain() ? 1 : 0) + length + 2);
		assertThat(address.toString()).isNotEmpty();
	}

}
