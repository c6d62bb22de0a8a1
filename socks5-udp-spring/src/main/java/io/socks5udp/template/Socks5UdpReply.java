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

import io.socks5udp.core.protocol.Socks5UdpDatagram;

import org.springframework.util.Assert;

/**
 * The reply to a request, with the route that carried it: the association of a server
 * (its name and the relay address the reply came from) or the direct route. The route is
 * that of the reply itself, so it names the relay that delivered it even when the
 * server's association has been replaced since.
 *
 * @param datagram the reply: its source and a fresh copy of its payload
 * @param route the route the reply came through
 * @author socks5-udp authors
 * @see Socks5UdpOperations#request(io.socks5udp.core.protocol.Socks5Address, byte[],
 * java.time.Duration, Socks5UdpRoutePolicy)
 */
public record Socks5UdpReply(Socks5UdpDatagram datagram, Socks5UdpRoute route) {

	/**
	 * Create a reply.
	 * @param datagram the reply datagram
	 * @param route the route it came through
	 */
	public Socks5UdpReply {
		Assert.notNull(datagram, "'datagram' must not be null");
		Assert.notNull(route, "'route' must not be null");
	}

}
