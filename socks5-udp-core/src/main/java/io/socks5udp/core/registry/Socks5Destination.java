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
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import io.socks5udp.core.protocol.Socks5AddressText;
import org.jspecify.annotations.Nullable;

/**
 * The destination field of a rule: an IPv4 or IPv6 address with a prefix length, or a
 * name fragment. A name fragment matches every host name that ends with it, character for
 * character and ignoring ASCII case, as {@code socks5c.conf} defines it:
 * {@code .example.com} matches {@code a.example.com} but not {@code example.com};
 * {@code example.com} matches {@code example.com}, {@code a.example.com} and also
 * {@code myexample.com}.
 *
 * @author socks5-udp authors
 */
public final class Socks5Destination {

	private static final String FRAGMENT_EXPECTED = "(expected: an IPv4 or IPv6 address with an optional /prefixlength,"
			+ " or a name fragment of letters, digits, '-', '_' and '.')";

	private final @Nullable String fragment;

	private final @Nullable InetAddress address;

	private final int prefixLength;

	private Socks5Destination(@Nullable String fragment, @Nullable InetAddress address, int prefixLength) {
		this.fragment = fragment;
		this.address = address;
		this.prefixLength = prefixLength;
	}

	/**
	 * Parse a destination field: {@code <address>[/<prefixlength>]} or a name fragment.
	 * @param text the field, for example {@code 9.0.0.0/8}, {@code 2001:db8::/32} or
	 * {@code .example.com}
	 * @return the destination
	 * @throws IllegalArgumentException if the field is malformed; the message says what
	 * was expected
	 */
	public static Socks5Destination parse(String text) {
		Objects.requireNonNull(text, "'text' must not be null");
		int slash = text.indexOf('/');
		String host = (slash >= 0) ? text.substring(0, slash) : text;
		if (Socks5AddressText.looksLikeIpv4(host)) {
			if (!Socks5AddressText.isDottedQuad(host)) {
				throw new IllegalArgumentException(
						"destination: '" + host + "' is not an IPv4 address (expected: a.b.c.d, each part 0-255)");
			}
			int maxBits = 32;
			int length = (slash >= 0) ? parsePrefixLength(text.substring(slash + 1), maxBits, "IPv4") : maxBits;
			return prefix(ipv4Address(Socks5AddressText.parseIpv4(host)), length);
		}
		if (host.indexOf(':') >= 0) {
			InetAddress address = Socks5AddressText.parseIpv6(host);
			if (address == null || host.startsWith("[") || host.indexOf('%') >= 0) {
				throw new IllegalArgumentException(
						"destination: '" + host + "' is not an IPv6 address (expected: an IPv6 address without"
								+ " brackets or zone, for example 2001:db8::/32)");
			}
			int length = (slash >= 0) ? parsePrefixLength(text.substring(slash + 1), 128, "IPv6") : 128;
			if (address instanceof Inet4Address) {
				// An IPv4-mapped literal: the JDK hands such destinations over as IPv4
				if (length < 96) {
					throw new IllegalArgumentException(
							"prefixLength: " + length + " (expected: 96-128 for an IPv4-mapped IPv6 address)");
				}
				return prefix(address, length - 96);
			}
			return prefix(address, length);
		}
		if (slash >= 0) {
			throw new IllegalArgumentException("destination: '" + text
					+ "' has a prefix length after a name (expected: a prefix length only after an IPv4 or IPv6 address)");
		}
		return nameFragment(text);
	}

	/**
	 * Create a name-fragment destination.
	 * @param fragment the fragment, for example {@code .example.com}; ASCII letters,
	 * digits, '-', '_' and '.'; one trailing '.' is ignored
	 * @return the destination
	 */
	public static Socks5Destination nameFragment(String fragment) {
		Objects.requireNonNull(fragment, "'fragment' must not be null");
		String trimmed = (fragment.length() > 1 && fragment.endsWith(".") && !fragment.endsWith(".."))
				? fragment.substring(0, fragment.length() - 1) : fragment;
		boolean hasLabelCharacter = false;
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			boolean labelCharacter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| c == '-' || c == '_';
			if (!labelCharacter && c != '.') {
				throw new IllegalArgumentException("destination: '" + fragment + "' has the character '" + c + "' "
						+ FRAGMENT_EXPECTED + ((c > 127) ? "; write names in their IDNA form, xn--..." : ""));
			}
			hasLabelCharacter |= labelCharacter;
		}
		if (!hasLabelCharacter || trimmed.length() > 255) {
			throw new IllegalArgumentException("destination: '" + fragment + "' " + FRAGMENT_EXPECTED);
		}
		return new Socks5Destination(trimmed.toLowerCase(Locale.ROOT), null, 0);
	}

	/**
	 * Create an address destination that matches the given number of leftmost bits. Bits
	 * after the prefix are ignored.
	 * @param address the IPv4 or IPv6 address
	 * @param prefixLength the prefix length, 0 to 32 for IPv4 and 0 to 128 for IPv6
	 * @return the destination
	 */
	public static Socks5Destination prefix(InetAddress address, int prefixLength) {
		Objects.requireNonNull(address, "'address' must not be null");
		byte[] bytes = address.getAddress();
		int maxBits = bytes.length * 8;
		if (prefixLength < 0 || prefixLength > maxBits) {
			throw new IllegalArgumentException("prefixLength: " + prefixLength + " (expected: 0-" + maxBits + " for an "
					+ ((maxBits == 32) ? "IPv4" : "IPv6") + " address)");
		}
		byte[] masked = Arrays.copyOf(bytes, bytes.length);
		for (int bit = prefixLength; bit < maxBits; bit++) {
			masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
		}
		try {
			return new Socks5Destination(null, InetAddress.getByAddress(masked), prefixLength);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return whether this is a name fragment.
	 * @return whether {@link #nameFragment()} is set
	 */
	public boolean isNameFragment() {
		return this.fragment != null;
	}

	/**
	 * Return the name fragment, in lower case.
	 * @return the fragment, or {@code null} for an address destination
	 */
	public @Nullable String nameFragment() {
		return this.fragment;
	}

	/**
	 * Return the address, with the bits after the prefix cleared.
	 * @return the address, or {@code null} for a name fragment
	 */
	public @Nullable InetAddress address() {
		return this.address;
	}

	/**
	 * Return the prefix length.
	 * @return the number of leftmost bits compared, 0 for a name fragment
	 */
	public int prefixLength() {
		return this.prefixLength;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		if (this == obj) {
			return true;
		}
		return obj instanceof Socks5Destination other && this.prefixLength == other.prefixLength
				&& Objects.equals(this.fragment, other.fragment) && Objects.equals(this.address, other.address);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.fragment, this.address, this.prefixLength);
	}

	@Override
	public String toString() {
		return (this.fragment != null) ? this.fragment
				: Socks5AddressText.host(Objects.requireNonNull(this.address)) + "/" + this.prefixLength;
	}

	private static int parsePrefixLength(String text, int maxBits, String family) {
		int value = -1;
		if (!text.isEmpty() && text.length() <= 3) {
			value = 0;
			for (int i = 0; i < text.length() && value >= 0; i++) {
				char c = text.charAt(i);
				value = (c >= '0' && c <= '9') ? value * 10 + (c - '0') : -1;
			}
		}
		if (value < 0 || value > maxBits) {
			throw new IllegalArgumentException("prefixLength: " + (text.isEmpty() ? "''" : text) + " (expected: 0-"
					+ maxBits + " for an " + family + " address)");
		}
		return value;
	}

	private static InetAddress ipv4Address(long bits) {
		byte[] bytes = { (byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits };
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
