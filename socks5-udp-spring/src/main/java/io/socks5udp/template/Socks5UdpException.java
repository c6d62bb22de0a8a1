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

package io.socks5udp.template;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.socks5udp.core.protocol.Socks5Errno;
import io.socks5udp.core.protocol.Socks5Exception;
import org.jspecify.annotations.Nullable;

/**
 * Root of the unchecked exceptions that {@link Socks5UdpTemplate} throws; the cause is
 * the I/O or SOCKS5 failure.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpException extends UncheckedIOException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the detail message
	 * @param cause the I/O or SOCKS5 failure
	 */
	public Socks5UdpException(String message, IOException cause) {
		super(message, cause);
	}

	/**
	 * Return the SOCKS5 error number of the first {@link Socks5Exception} in the cause
	 * chain.
	 * @return the error number, or {@code null} when the failure is not a SOCKS5 one
	 */
	public @Nullable Socks5Errno errno() {
		for (Throwable candidate = getCause(); candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof Socks5Exception socks5) {
				return socks5.errno();
			}
		}
		return null;
	}

}
