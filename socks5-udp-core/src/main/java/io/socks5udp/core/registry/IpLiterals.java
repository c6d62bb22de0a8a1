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

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import io.socks5udp.core.protocol.Socks5Address;
import org.jspecify.annotations.Nullable;

/**
 * IP literal parsing without DNS: IPv4 dotted quads into an int, IPv6 through the JDK's
 * bracketed-literal parser.
 *
 * @author socks5-udp authors
 */
final class IpLiterals {

	private IpLiterals() {
	}

	/**
	 * Parse a dotted-quad IPv4 literal without allocating.
	 * @param text the text
	 * @return the address as an unsigned value, or -1 if the text is not an IPv4 literal
	 */
	static long parseIpv4(String text) {
		int length = text.length();
		if (length < 7 || length > 15) {
			return -1;
		}
		long result = 0;
		int parts = 0;
		int value = -1;
		int digits = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				value = (value < 0) ? c - '0' : value * 10 + (c - '0');
				if (value > 255 || ++digits > 3) {
					return -1;
				}
			}
			else if (c == '.' && value >= 0 && parts < 3) {
				result = (result << 8) | value;
				parts++;
				value = -1;
				digits = 0;
			}
			else {
				return -1;
			}
		}
		if (parts != 3 || value < 0) {
			return -1;
		}
		return (result << 8) | value;
	}

	/**
	 * Parse an IPv6 literal, with or without brackets. An IPv4-mapped literal gives an
	 * {@link Inet4Address}, as everywhere in the JDK.
	 * @param text the text
	 * @return the address, or {@code null} if the text is not an IPv6 literal
	 */
	static @Nullable InetAddress parseIpv6(String text) {
		if (text.indexOf(':') < 0 || text.indexOf('%') >= 0) {
			return null;
		}
		String literal = text.startsWith("[") ? text : "[" + text + "]";
		try {
			// A bracketed literal is parsed, never looked up
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * Format an address in its shortest usual form: dotted quad, or IPv6 with the longest
	 * run of zero groups written as {@code ::} (RFC 5952).
	 * @param address the address
	 * @return the text
	 */
	static String format(InetAddress address) {
		return Socks5Address.of(address, 0).host();
	}

	/**
	 * Return whether the text is made of digits and dots only, with at least one digit (a
	 * mistyped IPv4 address rather than a name fragment).
	 * @param text the text
	 * @return whether only digits and dots occur
	 */
	static boolean isDigitsAndDots(String text) {
		boolean digit = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				digit = true;
			}
			else if (c != '.') {
				return false;
			}
		}
		return digit;
	}

}
