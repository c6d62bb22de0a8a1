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

/**
 * Error numbers of the SOCKS5 client, after the AIX {@code socks5_errno} values: one per
 * reply code of RFC 1928 and one per local failure. Every {@link Socks5Exception} carries
 * one, so callers can switch on it and logs and metrics can name it.
 *
 * @author socks5-udp authors
 */
public enum Socks5Errno {

	/** X'01' general SOCKS server failure. */
	S5_ESRVFAIL(0x01),

	/** X'02' connection not allowed by ruleset. */
	S5_EPERM(0x02),

	/** X'03' network unreachable. */
	S5_ENETUNREACH(0x03),

	/** X'04' host unreachable. */
	S5_EHOSTUNREACH(0x04),

	/** X'05' connection refused. */
	S5_ECONNREFUSED(0x05),

	/** X'06' TTL expired. */
	S5_ETIMEDOUT(0x06),

	/** X'07' command not supported. */
	S5_EOPNOTSUPP(0x07),

	/** X'08' address type not supported. */
	S5_EAFNOSUPPORT(0x08),

	/** A reply code that RFC 1928 does not define (X'09' to X'FF'). */
	S5_EUNKNOWN(-1),

	/** The server accepted none of the authentication methods offered (X'FF'). */
	S5_ENOMETHOD(-1),

	/** Username/password authentication (RFC 1929) failed. */
	S5_EAUTH(-1),

	/**
	 * No server serves the destination: the registry says to go direct where a server is
	 * required.
	 */
	S5_ENOSERV(-1),

	/**
	 * The server's bytes broke the protocol: wrong version, reserved field, address type,
	 * length.
	 */
	S5_EPROTO(-1),

	/** The server did not complete the handshake in time. */
	S5_EHANDSHAKETIMEDOUT(-1),

	/**
	 * The association is closed: its control connection ended or it was closed locally.
	 */
	S5_ENOTCONN(-1);

	private final int replyCode;

	Socks5Errno(int replyCode) {
		this.replyCode = replyCode;
	}

	/**
	 * Return the RFC 1928 reply code this error number stands for, or -1 for local
	 * failures.
	 * @return the reply code or -1
	 */
	public int replyCode() {
		return this.replyCode;
	}

}
