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

import io.socks5udp.core.protocol.Socks5Address;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The way a datagram went or came: through a SOCKS5 server's association (its logical
 * name and current relay address) or {@link #DIRECT directly}. Each association has its
 * own route instance, so a route also tells one association of a server from the next.
 *
 * @param serverName the logical name of the server, or {@value #DIRECT_NAME}
 * @param relayAddress the relay address of the association, or {@code null} for the
 * direct route and for a server without an open association
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
	 * @param relayAddress the relay address, or {@code null} for the direct route and for
	 * a server without an open association
	 */
	public Socks5UdpRoute {
		Assert.hasText(serverName, "'serverName' must not be empty");
	}

	/**
	 * Return whether this is the direct route. A server's route without a relay address
	 * (its association is down) is not: its datagrams never bypass SOCKS5.
	 * @return whether datagrams on this route bypass SOCKS5
	 */
	public boolean isDirect() {
		return this.relayAddress == null && DIRECT_NAME.equals(this.serverName);
	}

	/**
	 * Describe this route for messages: {@code server 'corp' (relay 127.0.0.1:40000)},
	 * {@code server 'corp' (no association)} or {@code DIRECT}.
	 * @return the description
	 */
	public String describe() {
		if (isDirect()) {
			return DIRECT_NAME;
		}
		String relay = (this.relayAddress != null) ? "relay " + Socks5Address.of(this.relayAddress) : "no association";
		return "server '" + this.serverName + "' (" + relay + ")";
	}

}
