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
 * Reply code (REP) of a SOCKS5 reply (RFC 1928 section 6).
 * <p>
 * {@link #valueOf(byte)} never throws: a value that RFC 1928 leaves unassigned (X'09' to
 * X'FF') gives an instance for which {@link #isKnown()} is {@code false} and whose
 * {@link #errno()} is {@link Socks5Errno#S5_EUNKNOWN}.
 *
 * @author socks5-udp authors
 */
public final class Socks5ReplyCode extends WireCode {

	/** X'00': succeeded. */
	public static final Socks5ReplyCode SUCCEEDED = new Socks5ReplyCode((byte) 0x00, "SUCCEEDED", "succeeded", null);

	/** X'01': general SOCKS server failure. */
	public static final Socks5ReplyCode GENERAL_FAILURE = new Socks5ReplyCode((byte) 0x01, "GENERAL_FAILURE",
			"general SOCKS server failure", Socks5Errno.S5_ESRVFAIL);

	/** X'02': connection not allowed by ruleset. */
	public static final Socks5ReplyCode CONNECTION_NOT_ALLOWED = new Socks5ReplyCode((byte) 0x02,
			"CONNECTION_NOT_ALLOWED", "connection not allowed by ruleset", Socks5Errno.S5_EPERM);

	/** X'03': network unreachable. */
	public static final Socks5ReplyCode NETWORK_UNREACHABLE = new Socks5ReplyCode((byte) 0x03, "NETWORK_UNREACHABLE",
			"network unreachable", Socks5Errno.S5_ENETUNREACH);

	/** X'04': host unreachable. */
	public static final Socks5ReplyCode HOST_UNREACHABLE = new Socks5ReplyCode((byte) 0x04, "HOST_UNREACHABLE",
			"host unreachable", Socks5Errno.S5_EHOSTUNREACH);

	/** X'05': connection refused. */
	public static final Socks5ReplyCode CONNECTION_REFUSED = new Socks5ReplyCode((byte) 0x05, "CONNECTION_REFUSED",
			"connection refused", Socks5Errno.S5_ECONNREFUSED);

	/** X'06': TTL expired. */
	public static final Socks5ReplyCode TTL_EXPIRED = new Socks5ReplyCode((byte) 0x06, "TTL_EXPIRED", "TTL expired",
			Socks5Errno.S5_ETIMEDOUT);

	/** X'07': command not supported. */
	public static final Socks5ReplyCode COMMAND_NOT_SUPPORTED = new Socks5ReplyCode((byte) 0x07,
			"COMMAND_NOT_SUPPORTED", "command not supported", Socks5Errno.S5_EOPNOTSUPP);

	/** X'08': address type not supported. */
	public static final Socks5ReplyCode ADDRESS_TYPE_NOT_SUPPORTED = new Socks5ReplyCode((byte) 0x08,
			"ADDRESS_TYPE_NOT_SUPPORTED", "address type not supported", Socks5Errno.S5_EAFNOSUPPORT);

	private static final WireCodeTable<Socks5ReplyCode> TABLE = new WireCodeTable<>(
			(value) -> new Socks5ReplyCode((byte) value, "UNKNOWN", "unassigned reply code", Socks5Errno.S5_EUNKNOWN),
			SUCCEEDED, GENERAL_FAILURE, CONNECTION_NOT_ALLOWED, NETWORK_UNREACHABLE, HOST_UNREACHABLE,
			CONNECTION_REFUSED, TTL_EXPIRED, COMMAND_NOT_SUPPORTED, ADDRESS_TYPE_NOT_SUPPORTED);

	private final String description;

	private final @Nullable Socks5Errno errno;

	private Socks5ReplyCode(byte byteValue, String name, String description, @Nullable Socks5Errno errno) {
		super(byteValue, name);
		this.description = description;
		this.errno = errno;
	}

	/**
	 * Return the reply code for a wire value.
	 * @param value the REP byte
	 * @return the known constant, or an unknown reply code carrying the value
	 */
	public static Socks5ReplyCode valueOf(byte value) {
		return TABLE.valueOf(value);
	}

	/**
	 * Return whether this is {@link #SUCCEEDED}.
	 * @return whether the request succeeded
	 */
	public boolean isSuccess() {
		return byteValue() == 0;
	}

	/**
	 * Return whether RFC 1928 assigns this reply code (X'00' to X'08').
	 * @return whether the reply code is known
	 */
	public boolean isKnown() {
		return TABLE.isKnown(this);
	}

	/**
	 * Return the error number a failure with this reply code carries:
	 * {@link Socks5Errno#S5_EUNKNOWN} for unassigned codes, {@code null} for
	 * {@link #SUCCEEDED}.
	 * @return the error number, or {@code null} on success
	 */
	public @Nullable Socks5Errno errno() {
		return this.errno;
	}

	/**
	 * Return the meaning of this reply code in the words of RFC 1928, for messages.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

}
