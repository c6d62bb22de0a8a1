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

import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * Root of the SOCKS5 client's exceptions: an {@link IOException} that carries a
 * {@link Socks5Errno}. Messages never contain credentials.
 *
 * @author socks5-udp authors
 */
public class Socks5Exception extends IOException {

	private static final long serialVersionUID = 1L;

	private final Socks5Errno errno;

	/**
	 * Create an exception.
	 * @param errno the error number
	 * @param message the detail message
	 */
	public Socks5Exception(Socks5Errno errno, String message) {
		this(errno, message, null);
	}

	/**
	 * Create an exception with a cause.
	 * @param errno the error number
	 * @param message the detail message
	 * @param cause the cause, or {@code null}
	 */
	public Socks5Exception(Socks5Errno errno, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.errno = errno;
	}

	/**
	 * Return the error number.
	 * @return the error number
	 */
	public Socks5Errno errno() {
		return this.errno;
	}

}
