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

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The SOCKS5 server answered a request with a reply code other than
 * {@link Socks5ReplyCode#SUCCEEDED} (RFC 1928 section 6). Each reply code that RFC 1928
 * assigns has its own subclass, created by {@link #of(Socks5ReplyCode, String)}; an
 * unassigned code gives this class itself, with {@link Socks5Errno#S5_EUNKNOWN}.
 *
 * @author socks5-udp authors
 */
public class Socks5ReplyException extends Socks5Exception {

	private static final long serialVersionUID = 1L;

	private final byte replyCode;

	/**
	 * Create an exception for a reply code.
	 * @param replyCode the reply code; not {@link Socks5ReplyCode#SUCCEEDED}
	 * @param message the detail message
	 */
	public Socks5ReplyException(Socks5ReplyCode replyCode, String message) {
		// A failure always carries an errno; only SUCCEEDED has none
		super(Objects.requireNonNull(checkFailure(replyCode).errno()), message);
		this.replyCode = replyCode.byteValue();
	}

	/**
	 * Throw the typed exception of a UDP ASSOCIATE reply whose REP is a failure.
	 * @param replyCode the reply's REP, or {@code null} if it was not read yet (then
	 * nothing is checked)
	 * @param server the server, for the message
	 * @param suppressed what went wrong after the reply code, added as suppressed to the
	 * exception (a failing REP says more than what broke after it), or {@code null}
	 * @throws Socks5ReplyException the subclass of the reply code if it is not
	 * {@code SUCCEEDED}
	 */
	public static void throwIfAssociateFailed(@Nullable Socks5ReplyCode replyCode, Object server,
			@Nullable Exception suppressed) throws Socks5ReplyException {
		if (replyCode != null && !replyCode.isSuccess()) {
			Socks5ReplyException ex = of(replyCode, "UDP ASSOCIATE via " + server + " failed");
			if (suppressed != null) {
				ex.addSuppressed(suppressed);
			}
			throw ex;
		}
	}

	/**
	 * Create the exception for a failed reply: the subclass of the reply code, or a
	 * {@code Socks5ReplyException} for an unassigned code. The message is followed by the
	 * reply code and its meaning, for example
	 * {@code UDP ASSOCIATE via 127.0.0.1:1080 failed (REP X'02': connection not allowed by ruleset)}.
	 * @param replyCode the reply code; not {@link Socks5ReplyCode#SUCCEEDED}
	 * @param message what was requested from which server, or {@code null}
	 * @return the exception
	 * @throws IllegalArgumentException if the reply code is
	 * {@link Socks5ReplyCode#SUCCEEDED}
	 */
	public static Socks5ReplyException of(Socks5ReplyCode replyCode, @Nullable String message) {
		checkFailure(replyCode);
		String reason = String.format("REP X'%02X': %s", replyCode.byteValue() & 0xFF, replyCode.description());
		String text = (message != null) ? message + " (" + reason + ")" : reason;
		return switch (replyCode.byteValue()) {
			case 0x01 -> new Socks5GeneralFailureException(text);
			case 0x02 -> new Socks5NotAllowedException(text);
			case 0x03 -> new Socks5NetworkUnreachableException(text);
			case 0x04 -> new Socks5HostUnreachableException(text);
			case 0x05 -> new Socks5ConnectionRefusedException(text);
			case 0x06 -> new Socks5TtlExpiredException(text);
			case 0x07 -> new Socks5CommandNotSupportedException(text);
			case 0x08 -> new Socks5AddressTypeNotSupportedException(text);
			default -> new Socks5ReplyException(replyCode, text);
		};
	}

	/**
	 * Return the reply code the server sent.
	 * @return the reply code
	 */
	public Socks5ReplyCode replyCode() {
		return Socks5ReplyCode.valueOf(this.replyCode);
	}

	private static Socks5ReplyCode checkFailure(Socks5ReplyCode replyCode) {
		Objects.requireNonNull(replyCode, "'replyCode' must not be null");
		if (replyCode.isSuccess()) {
			throw new IllegalArgumentException("replyCode: " + replyCode + " (expected: a failure, X'01'-X'FF')");
		}
		return replyCode;
	}

}
