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
import java.util.Objects;

/**
 * Address text, in one place: how this project writes an address for people and messages
 * ({@code 127.0.0.1:1080}, {@code [::1]:1080}, IPv6 in the short form of RFC 5952) and
 * how it reads IP literals without DNS.
 *
 * @author socks5-udp authors
 */
public final class Socks5AddressText {

	private Socks5AddressText() {
	}

	/**
	 * Write an address as a literal: a dotted quad, or IPv6 in the form of RFC 5952
	 * ({@code ::1}, not {@code 0:0:0:0:0:0:0:1}) followed by {@code %scope} where the
	 * address has a scope.
	 * @param address the address
	 * @return the literal, without brackets
	 */
	public static String host(InetAddress address) {
		Objects.requireNonNull(address, "'address' must not be null");
		if (address instanceof Inet6Address ipv6) {
			String literal = ipv6(ipv6.getAddress());
			return (ipv6.getScopeId() != 0) ? literal + "%" + ipv6.getScopeId() : literal;
		}
		return address.getHostAddress();
	}

	/**
	 * Write a host and port as {@code host:port}, an IPv6 literal in brackets
	 * ({@code [::1]:1080}); a host already in brackets is kept as it is.
	 * @param host the host name or IP literal
	 * @param port the port
	 * @return the text
	 */
	public static String hostAndPort(String host, int port) {
		Objects.requireNonNull(host, "'host' must not be null");
		return (host.indexOf(':') >= 0 && !host.startsWith("[")) ? "[" + host + "]:" + port : host + ":" + port;
	}

	/**
	 * Write an address and port as {@code host:port}, with the address as its
	 * {@link #host(InetAddress) literal}, IPv6 in brackets.
	 * @param address the address
	 * @param port the port
	 * @return the text
	 */
	public static String hostAndPort(InetAddress address, int port) {
		return hostAndPort(host(address), port);
	}

	/**
	 * Write a socket address as {@code host:port}: the {@link #host(InetAddress) literal}
	 * of a resolved address, the host name of an unresolved one.
	 * @param address the socket address
	 * @return the text
	 */
	public static String hostAndPort(InetSocketAddress address) {
		Objects.requireNonNull(address, "'address' must not be null");
		InetAddress resolved = address.getAddress();
		return hostAndPort((resolved != null) ? host(resolved) : address.getHostString(), address.getPort());
	}

	/**
	 * Write the 16 bytes of an IPv6 address in the form of RFC 5952: lower case, no
	 * leading zeros, the longest run of two or more zero groups (the first of equal runs)
	 * as {@code ::}.
	 * @param address the 16 bytes
	 * @return the text, without brackets
	 */
	static String ipv6(byte[] address) {
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < 8; i++) {
			int length = 0;
			while (i + length < 8 && address[2 * (i + length)] == 0 && address[2 * (i + length) + 1] == 0) {
				length++;
			}
			if (length > bestLength) {
				bestStart = i;
				bestLength = length;
			}
			i += length;
		}
		StringBuilder text = new StringBuilder(39);
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				text.append("::");
				i += bestLength - 1;
				continue;
			}
			if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
				text.append(':');
			}
			text.append(Integer.toHexString(((address[2 * i] & 0xFF) << 8) | (address[2 * i + 1] & 0xFF)));
		}
		return text.toString();
	}

}
