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
import java.net.UnknownHostException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Address text, in one place: how this project writes an address for people and messages
 * ({@code 127.0.0.1:1080}, {@code [::1]:1080}, IPv6 in the short form of RFC 5952) and
 * how it reads IP literals without DNS.
 * <p>
 * IPv4 is read in every form that {@code inet_aton} and so the system resolver accept: 1
 * to 4 parts separated by dots, each decimal, octal (a leading {@code 0}) or hexadecimal
 * ({@code 0x}), the last part filling the remaining bytes. {@code 127.1},
 * {@code 2130706433}, {@code 0x7f.1} and {@code 0177.0.0.1} all denote 127.0.0.1. A host
 * written like that must be routed and sent as that address: were it taken for a name, no
 * address rule would match it and the resolver would still reach the address.
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
	 * Read {@code host:port}, or {@code [ipv6]:port} for an IPv6 literal, as an
	 * unresolved socket address (nothing is looked up). The host is not checked beyond
	 * being non-empty; give it to {@link Socks5Address#of(String, int)} for that.
	 * @param text the text
	 * @return the host and port, unresolved
	 * @throws IllegalArgumentException if the text has no host, no port, a port outside
	 * 0-65535, or an IPv6 literal without brackets
	 */
	public static InetSocketAddress parseHostAndPort(String text) {
		Objects.requireNonNull(text, "'text' must not be null");
		int colon = text.lastIndexOf(':');
		String host = (colon > 0) ? text.substring(0, colon) : "";
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		else if (host.indexOf(':') >= 0) {
			throw new IllegalArgumentException(
					"'" + text + "': an IPv6 literal needs brackets (expected: host:port or [ipv6]:port)");
		}
		if (host.isEmpty() || colon == text.length() - 1) {
			throw new IllegalArgumentException("'" + text + "' (expected: host:port or [ipv6]:port)");
		}
		String digits = text.substring(colon + 1);
		int port = -1;
		if (digits.length() <= 5 && digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			port = Integer.parseInt(digits);
		}
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("'" + text + "': port '" + digits + "' (expected: 0-65535)");
		}
		return InetSocketAddress.createUnresolved(host, port);
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

	/**
	 * Return whether a text is written like an IPv4 address rather than like a name: one
	 * or more parts separated by dots, each part either empty or a number (decimal
	 * digits, or {@code 0x} followed by hexadecimal digits), at least one part not empty.
	 * Such a text is an IPv4 address or invalid, never a host name.
	 * @param text the text
	 * @return whether {@link #parseIpv4(CharSequence)} reads the text as an address or
	 * rejects it
	 */
	public static boolean looksLikeIpv4(CharSequence text) {
		return ipv4Parts(text) > 0;
	}

	/**
	 * Read an IPv4 address in any {@code inet_aton} form, without allocating.
	 * @param text the text: for example {@code 127.0.0.1}, {@code 127.1},
	 * {@code 2130706433}, {@code 0x7f.1} or {@code 0177.0.0.1}
	 * @return the address as an unsigned 32-bit value, or -1 if the text does not
	 * {@link #looksLikeIpv4(CharSequence) look like an IPv4 address}
	 * @throws IllegalArgumentException if the text looks like an IPv4 address but is not
	 * one: more than 4 parts, an empty part, an 8 or 9 in an octal part, or a part out of
	 * range
	 */
	public static long parseIpv4(CharSequence text) {
		int parts = ipv4Parts(text);
		if (parts < 0) {
			return -1;
		}
		long address = 0;
		int start = 0;
		for (int part = 1; part <= parts; part++) {
			int end = start;
			while (end < text.length() && text.charAt(end) != '.') {
				end++;
			}
			if (start == end) {
				throw notIpv4(text, "part " + part + " is empty (expected: a decimal, octal (0...) or hexadecimal"
						+ " (0x...) number)");
			}
			if (part > 4) {
				throw notIpv4(text, "it has " + parts + " parts (expected: 1-4)");
			}
			boolean last = part == parts;
			// The last part fills the bytes the others leave: 4, 3, 2 or 1
			long max = last ? 0xFFFFFFFFL >>> (8 * (part - 1)) : 0xFF;
			long value = ipv4Part(text, start, end, part, max);
			address = last ? (address << (8 * (5 - part))) | value : (address << 8) | value;
			start = end + 1;
		}
		return address;
	}

	/**
	 * Return whether a text is an IPv4 address in the usual dotted-quad form: four
	 * decimal parts 0-255 without leading zeros, such as {@code 192.0.2.1}. Configuration
	 * files take only this form, so that a rule means the same to every reader.
	 * @param text the text
	 * @return whether the text is a dotted quad
	 */
	public static boolean isDottedQuad(CharSequence text) {
		int dots = 0;
		int value = -1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9' && value != 0) {
				value = ((value < 0) ? 0 : value * 10) + (c - '0');
				if (value > 255) {
					return false;
				}
			}
			else if (c == '.' && value >= 0 && dots < 3) {
				dots++;
				value = -1;
			}
			else {
				return false;
			}
		}
		return dots == 3 && value >= 0;
	}

	/**
	 * Read an IPv6 literal, with or without brackets, with or without a {@code %zone}. An
	 * IPv4-mapped literal gives an {@link java.net.Inet4Address}, as everywhere in the
	 * JDK. Nothing is looked up: the JDK parses a bracketed literal, it never resolves
	 * it.
	 * @param text the text
	 * @return the address, or {@code null} if the text is not an IPv6 literal
	 */
	public static @Nullable InetAddress parseIpv6(String text) {
		Objects.requireNonNull(text, "'text' must not be null");
		if (text.indexOf(':') < 0) {
			return null;
		}
		String literal = text.startsWith("[") ? text : "[" + text + "]";
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * Count the parts of a text written like an IPv4 address.
	 * @return the number of parts, or -1 if the text is written like a name
	 */
	private static int ipv4Parts(CharSequence text) {
		int length = text.length();
		int parts = 1;
		boolean number = false;
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			if (c == '.') {
				parts++;
				i++;
				continue;
			}
			if (c < '0' || c > '9') {
				return -1;
			}
			boolean hex = c == '0' && i + 1 < length && (text.charAt(i + 1) | 0x20) == 'x';
			i += hex ? 2 : 1;
			while (i < length && text.charAt(i) != '.') {
				if (!isDigit(text.charAt(i), hex)) {
					return -1;
				}
				i++;
			}
			number = true;
		}
		return number ? parts : -1;
	}

	private static boolean isDigit(char c, boolean hex) {
		return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
	}

	private static long ipv4Part(CharSequence text, int start, int end, int part, long max) {
		int radix = 10;
		int i = start;
		if (text.charAt(start) == '0' && end - start > 1) {
			boolean hex = (text.charAt(start + 1) | 0x20) == 'x';
			radix = hex ? 16 : 8;
			i += hex ? 2 : 1;
		}
		long value = 0;
		for (; i < end; i++) {
			int digit = Character.digit(text.charAt(i), radix);
			if (digit < 0) {
				throw notIpv4(text, "part " + part + " '" + text.subSequence(start, end)
						+ "' is not octal (expected: digits 0-7 after a leading 0)");
			}
			value = value * radix + digit;
			if (value > max) {
				throw notIpv4(text,
						"part " + part + " '" + text.subSequence(start, end) + "' is out of range (expected: 0-" + max
								+ ((max <= 0xFF) ? ")"
										: (part == 1) ? " as the only part)" : " as the last of " + part + " parts)"));
			}
		}
		return value;
	}

	private static IllegalArgumentException notIpv4(CharSequence text, String reason) {
		return new IllegalArgumentException(
				"host: '" + text + "' is written like an IPv4 address but is not one: " + reason);
	}

}
