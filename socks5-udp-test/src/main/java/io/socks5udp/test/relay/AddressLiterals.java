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
package io.socks5udp.test.relay;

import java.net.Inet6Address;
import java.net.InetAddress;

import io.socks5udp.core.protocol.Socks5Address;

/**
 * Writes addresses the way people write them: IPv6 in the short form of RFC 5952
 * ({@code ::1} rather than {@code 0:0:0:0:0:0:0:1}), with brackets before a port.
 *
 * @author socks5-udp authors
 */
final class AddressLiterals {

	private AddressLiterals() {
	}

	/**
	 * Return an address as a literal.
	 * @param address the address
	 * @return {@code 127.0.0.1}, {@code ::1}, {@code fe80::1%2}, ...
	 */
	static String host(InetAddress address) {
		String literal = Socks5Address.of(address, 0).host();
		if (address instanceof Inet6Address ipv6 && ipv6.getScopeId() != 0) {
			return literal + "%" + ipv6.getScopeId();
		}
		return literal;
	}

	/**
	 * Return an address and port as {@code host:port}, IPv6 in brackets.
	 * @param address the address
	 * @param port the port
	 * @return {@code 127.0.0.1:1080}, {@code [::1]:1080}, ...
	 */
	static String hostAndPort(InetAddress address, int port) {
		String host = host(address);
		return (address instanceof Inet6Address) ? "[" + host + "]:" + port : host + ":" + port;
	}

}
