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
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Turns host text into a {@link Socks5Address}: an IPv4 literal in any {@code inet_aton}
 * form or an IPv6 literal becomes that address, anything else a domain name after the
 * {@link DomainNames} rules. A host is never both: text that denotes an IP address is
 * never sent as a name, and a name that only IDNA turns into an IP literal is refused.
 *
 * @author socks5-udp authors
 */
final class HostAddresses {

	private HostAddresses() {
	}

	// See Socks5Address.of(String, int)
	static Socks5Address of(String host, int port) {
		DomainNames.checkCharacters("host", host);
		Socks5Address literal = literal(host, port);
		if (literal != null) {
			return literal;
		}
		String ascii = DomainNames.toAscii(host);
		// IDNA maps look-alikes such as full-width digits, dots and colons to ASCII ones:
		// a name that comes out as an IP literal is refused rather than guessed at
		if (!ascii.equals(host) && literal(ascii, port) != null) {
			throw new IllegalArgumentException(
					"host: '" + DomainNames.abbreviate(host) + "' is '" + DomainNames.abbreviate(ascii)
							+ "' after IDN conversion (expected: an IP literal in ASCII, or a domain name)");
		}
		return domain(host, ascii, port);
	}

	// See Socks5Address.domain(String, int)
	static Socks5Address domain(String name, int port) {
		DomainNames.checkCharacters("domain", name);
		String ascii = DomainNames.toAscii(name);
		if (Socks5AddressText.looksLikeIpv4(ascii) || ascii.indexOf(':') >= 0) {
			throw new IllegalArgumentException("domain: '" + name
					+ "' is written like an IP address (expected: a domain name; Socks5Address.of(host, port) takes"
					+ " IP addresses too)");
		}
		return domain(name, ascii, port);
	}

	private static @Nullable Socks5Address literal(String host, int port) {
		long ipv4 = Socks5AddressText.parseIpv4(host);
		if (ipv4 >= 0) {
			byte[] bytes = { (byte) (ipv4 >>> 24), (byte) (ipv4 >>> 16), (byte) (ipv4 >>> 8), (byte) ipv4 };
			return Socks5Address.ipv4(bytes, port);
		}
		if (host.indexOf(':') < 0) {
			return null;
		}
		InetAddress address = Socks5AddressText.parseIpv6(host);
		if (address == null) {
			throw new IllegalArgumentException(
					"host: '" + host + "' (expected: an IPv4 or IPv6 literal or a domain name)");
		}
		return Socks5Address.of(address, port);
	}

	private static Socks5Address domain(String name, String ascii, int port) {
		byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
		DomainNames.checkLength(name, bytes.length);
		return new Socks5Address(Socks5AddressType.DOMAIN, bytes, ascii, port, null);
	}

}
