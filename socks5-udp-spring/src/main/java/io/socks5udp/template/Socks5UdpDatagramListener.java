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

import java.nio.ByteBuffer;

import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.protocol.Socks5Address;
import org.jspecify.annotations.Nullable;

/**
 * Receives the datagrams that arrive through any of a {@link Socks5UdpTemplate}'s routes.
 *
 * @author socks5-udp authors
 * @see Socks5UdpTemplate#addListener(Socks5UdpDatagramListener)
 */
@FunctionalInterface
public interface Socks5UdpDatagramListener {

	/**
	 * Handle a datagram, on the receive thread of its route. The payload buffer is reused
	 * for the next datagram: it is valid only during this call, so copy what must be kept
	 * and do not block. An exception or error thrown here is logged and the other
	 * listeners still get the datagram, unless it is
	 * {@link io.socks5udp.core.client.Socks5ListenerFailures#isFatal(Throwable) fatal}
	 * (such as an {@link OutOfMemoryError}): that ends the route's receive loop and its
	 * association, which is re-established.
	 * @param source the address the datagram came from, as the relay reported it (an IP
	 * address, or a domain name if the relay reports one)
	 * @param payload the payload without the SOCKS5 header, from its position to its
	 * limit
	 * @param route the route the datagram came through: the server's name and relay
	 * address, or {@link Socks5UdpRoute#DIRECT}
	 */
	void onDatagram(Socks5Address source, ByteBuffer payload, Socks5UdpRoute route);

	/**
	 * Learn that a datagram that arrived through a route was dropped and counted instead
	 * of delivered (malformed, a fragment, or from a foreign source). Does nothing by
	 * default.
	 * @param reason why it was dropped
	 * @param source where it came from when known, else {@code null}
	 * @param route the route it arrived on
	 */
	default void onDrop(Socks5DropReason reason, @Nullable Socks5Address source, Socks5UdpRoute route) {
	}

}
