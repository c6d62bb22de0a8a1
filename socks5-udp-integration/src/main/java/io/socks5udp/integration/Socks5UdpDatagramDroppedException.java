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

package io.socks5udp.integration;

import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.protocol.Socks5Address;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.MessagingException;

/**
 * Payload of the {@link org.springframework.messaging.support.ErrorMessage} that a
 * {@link Socks5UdpInboundChannelAdapter} sends to its error channel for a datagram that
 * was dropped before it could become a message: it names the reason, the server and, when
 * the header could be read, the remote source.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpDatagramDroppedException extends MessagingException {

	private static final long serialVersionUID = 1L;

	private final Socks5DropReason reason;

	private final String serverName;

	private final transient @Nullable Socks5Address source;

	/**
	 * Create an exception.
	 * @param reason why the datagram was dropped
	 * @param serverName the logical name of the server whose association dropped it
	 * @param source the remote source, or {@code null} when it is not known
	 */
	public Socks5UdpDatagramDroppedException(Socks5DropReason reason, String serverName,
			@Nullable Socks5Address source) {
		super(describe(reason, serverName, source));
		this.reason = reason;
		this.serverName = serverName;
		this.source = source;
	}

	private static String describe(Socks5DropReason reason, String serverName, @Nullable Socks5Address source) {
		StringBuilder description = new StringBuilder("Datagram dropped (").append(reason.tag()).append(')');
		description.append(" on the association with server '").append(serverName).append('\'');
		if (source != null) {
			description.append(", source ").append(source);
		}
		return description.toString();
	}

	/**
	 * Return why the datagram was dropped.
	 * @return the reason
	 */
	public Socks5DropReason getReason() {
		return this.reason;
	}

	/**
	 * Return the logical name of the server whose association dropped the datagram.
	 * @return the server name
	 */
	public String getServerName() {
		return this.serverName;
	}

	/**
	 * Return the remote source of the dropped datagram.
	 * @return the source, or {@code null} when the header could not be read
	 */
	public @Nullable Socks5Address getSource() {
		return this.source;
	}

}
