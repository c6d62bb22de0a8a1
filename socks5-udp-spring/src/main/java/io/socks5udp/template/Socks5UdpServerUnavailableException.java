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
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a datagram cannot be sent because the association of the server it is
 * routed to is down. The datagram was not sent and is counted as dropped (reason
 * {@code no-association}).
 *
 * @author socks5-udp authors
 */
public class Socks5UdpServerUnavailableException extends Socks5UdpException {

	private static final long serialVersionUID = 1L;

	private final String serverName;

	private final @Nullable Instant downSince;

	/**
	 * Create an exception.
	 * @param message the detail message
	 * @param serverName the logical name of the server
	 * @param downSince when the association went down, or {@code null} if it never came
	 * up
	 * @param cause the last failure of the association
	 */
	public Socks5UdpServerUnavailableException(String message, String serverName, @Nullable Instant downSince,
			IOException cause) {
		super(message, cause);
		this.serverName = serverName;
		this.downSince = downSince;
	}

	/**
	 * Return the logical name of the unavailable server.
	 * @return the server name
	 */
	public String serverName() {
		return this.serverName;
	}

	/**
	 * Return when the association went down.
	 * @return the instant, or {@code null} if the association never came up
	 */
	public @Nullable Instant downSince() {
		return this.downSince;
	}

}
