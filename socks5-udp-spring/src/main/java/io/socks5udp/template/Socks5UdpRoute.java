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

import java.net.InetSocketAddress;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The way a datagram went or came: through a SOCKS5 server's association (its logical
 * name and current relay address) or {@link #DIRECT directly}. Each association has its
 * own route instance, so a route also tells one association of a server from the next.
 *
 * @param serverName the logical name of the server, or {@value #DIRECT_NAME}
 * @param relayAddress the relay address of the association, or {@code null} for the
 * direct route
 * @author socks5-udp authors
 */
public record Socks5UdpRoute(String serverName, @Nullable InetSocketAddress relayAddress) {

	/**
	 * Server name of the direct route, as in a socks5c.conf record that says
	 * {@code NONE}.
	 */
	public static final String DIRECT_NAME = "DIRECT";

	/**
	 * The direct route: plain UDP, no SOCKS5 server.
	 */
	public static final Socks5UdpRoute DIRECT = new Socks5UdpRoute(DIRECT_NAME, null);

	/**
	 * Create a route.
	 * @param serverName the logical name of the server, or {@value #DIRECT_NAME}
	 * @param relayAddress the relay address, or {@code null} for the direct route
	 */
	public Socks5UdpRoute {
		Assert.hasText(serverName, "'serverName' must not be empty");
	}

	/**
	 * Return whether this is the direct route.
	 * @return whether datagrams on this route bypass SOCKS5
	 */
	public boolean isDirect() {
		return this.relayAddress == null;
	}

	/**
	 * Describe this route for messages: {@code server 'corp' (relay 127.0.0.1:40000)} or
	 * {@code DIRECT}.
	 * @return the description
	 */
	public String describe() {
		return isDirect() ? DIRECT_NAME : "server '" + this.serverName + "' (relay " + this.relayAddress + ")";
	}

}
