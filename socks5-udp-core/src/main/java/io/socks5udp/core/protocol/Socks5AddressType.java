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

import org.jspecify.annotations.Nullable;

/**
 * Address type (ATYP) of a SOCKS5 address, as carried in requests, replies and UDP
 * request headers (RFC 1928 section 5).
 * <p>
 * {@link #valueOf(byte)} never throws: an unknown value gives an instance for which
 * {@link #isKnown()} is {@code false}, so decoders can report it instead of failing.
 *
 * @author socks5-udp authors
 */
public final class Socks5AddressType extends WireCode {

	/** X'01': IPv4 address, 4 bytes. */
	public static final Socks5AddressType IPV4 = new Socks5AddressType((byte) 0x01, "IPV4", 4);

	/** X'03': domain name, a length byte followed by 1 to 255 bytes. */
	public static final Socks5AddressType DOMAIN = new Socks5AddressType((byte) 0x03, "DOMAIN", -1);

	/** X'04': IPv6 address, 16 bytes. */
	public static final Socks5AddressType IPV6 = new Socks5AddressType((byte) 0x04, "IPV6", 16);

	private static final WireCodeTable<Socks5AddressType> TABLE = new WireCodeTable<>(
			(value) -> new Socks5AddressType((byte) value, "UNKNOWN", -1), IPV4, DOMAIN, IPV6);

	private final int addressLength;

	private Socks5AddressType(byte byteValue, String name, int addressLength) {
		super(byteValue, name);
		this.addressLength = addressLength;
	}

	/**
	 * Return the address type for a wire value.
	 * @param value the ATYP byte
	 * @return the known constant, or an unknown address type carrying the value
	 */
	public static Socks5AddressType valueOf(byte value) {
		return TABLE.valueOf(value);
	}

	/**
	 * Return whether this is one of the address types that RFC 1928 defines.
	 * @return whether the type is IPv4, domain name or IPv6
	 */
	public boolean isKnown() {
		return TABLE.isKnown(this);
	}

	/**
	 * Return the fixed length of the address field, or -1 for a domain name (whose length
	 * is in its first byte) and for unknown types.
	 * @return the address length in bytes, or -1
	 */
	public int addressLength() {
		return this.addressLength;
	}

}
