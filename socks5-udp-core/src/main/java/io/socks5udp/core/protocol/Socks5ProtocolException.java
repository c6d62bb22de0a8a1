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
 * The peer's bytes broke the SOCKS5 protocol: a wrong version, a non-zero reserved field,
 * an unknown address type or an invalid length ({@link Socks5Errno#S5_EPROTO}). The
 * message names the field, the value and what was expected, for example
 * {@code VER: 4 (expected: 5)}.
 *
 * @author socks5-udp authors
 */
public class Socks5ProtocolException extends Socks5Exception {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the detail message
	 */
	public Socks5ProtocolException(String message) {
		super(Socks5Errno.S5_EPROTO, message);
	}

	/**
	 * Create an exception with a cause.
	 * @param message the detail message
	 * @param cause the cause, or {@code null}
	 */
	public Socks5ProtocolException(String message, @Nullable Throwable cause) {
		super(Socks5Errno.S5_EPROTO, message, cause);
	}

}
