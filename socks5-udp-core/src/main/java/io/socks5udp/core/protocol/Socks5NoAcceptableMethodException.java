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
 * The SOCKS5 server accepted none of the authentication methods the client offered: its
 * method reply was X'FF' ({@link Socks5Errno#S5_ENOMETHOD}).
 *
 * @author socks5-udp authors
 */
public class Socks5NoAcceptableMethodException extends Socks5Exception {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the detail message
	 */
	public Socks5NoAcceptableMethodException(String message) {
		super(Socks5Errno.S5_ENOMETHOD, message);
	}

	/**
	 * Create an exception with a cause.
	 * @param message the detail message
	 * @param cause the cause, or {@code null}
	 */
	public Socks5NoAcceptableMethodException(String message, @Nullable Throwable cause) {
		super(Socks5Errno.S5_ENOMETHOD, message, cause);
	}

}
