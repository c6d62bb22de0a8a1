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
 * Authentication method (METHOD) offered in a SOCKS5 greeting and chosen in the server's
 * method reply (RFC 1928 section 3).
 * <p>
 * {@link #valueOf(byte)} never throws: a method this client does not implement (GSSAPI,
 * private methods) gives an instance for which {@link #isKnown()} is {@code false}.
 *
 * @author socks5-udp authors
 */
public final class Socks5AuthMethod extends WireCode {

	/** X'00': no authentication required. */
	public static final Socks5AuthMethod NO_AUTH = new Socks5AuthMethod((byte) 0x00, "NO_AUTH");

	/** X'02': username/password (RFC 1929). */
	public static final Socks5AuthMethod USERNAME_PASSWORD = new Socks5AuthMethod((byte) 0x02, "USERNAME_PASSWORD");

	/** X'FF': no acceptable methods; only ever sent by the server. */
	public static final Socks5AuthMethod NO_ACCEPTABLE = new Socks5AuthMethod((byte) 0xFF, "NO_ACCEPTABLE");

	private static final WireCodeTable<Socks5AuthMethod> TABLE = new WireCodeTable<>(
			(value) -> new Socks5AuthMethod((byte) value, "UNKNOWN"), NO_AUTH, USERNAME_PASSWORD, NO_ACCEPTABLE);

	private Socks5AuthMethod(byte byteValue, String name) {
		super(byteValue, name);
	}

	/**
	 * Return the method for a wire value.
	 * @param value the METHOD byte
	 * @return the known constant, or an unknown method carrying the value
	 */
	public static Socks5AuthMethod valueOf(byte value) {
		return TABLE.valueOf(value);
	}

	/**
	 * Return whether this is one of the constants of this class.
	 * @return whether the method is known
	 */
	public boolean isKnown() {
		return TABLE.isKnown(this);
	}

}
