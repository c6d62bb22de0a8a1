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

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5NoServerException;
import io.socks5udp.core.registry.Socks5ServerSelection;

/**
 * Which routes a datagram may take. The registry chooses the route of a destination; a
 * policy that requires a server refuses the direct route in the same lookup, so that a
 * caller that must never send plain UDP pays for one lookup, not two.
 *
 * @author socks5-udp authors
 * @see Socks5UdpOperations#send(io.socks5udp.core.protocol.Socks5Address,
 * java.nio.ByteBuffer, Socks5UdpRoutePolicy)
 */
public enum Socks5UdpRoutePolicy {

	/**
	 * Take the route the registry chooses: a server's, or the direct one where a rule
	 * says {@code NONE}.
	 */
	ALLOW_DIRECT,

	/**
	 * Take a server's route only: a destination that the registry sends directly fails
	 * with a {@link Socks5UdpException} whose cause is a
	 * {@link io.socks5udp.core.protocol.Socks5NoServerException} ({@code S5_ENOSERV})
	 * instead of leaving as plain UDP.
	 */
	REQUIRE_SERVER;

	/**
	 * Check the route the registry chose for a destination against this policy.
	 * @param route the route
	 * @param destination the destination, for the message
	 * @return the route, when this policy allows it
	 * @throws Socks5UdpException if the route is direct and a server is required
	 */
	Socks5ServerSelection check(Socks5ServerSelection route, Socks5Address destination) {
		if (route.isDirect() && this == REQUIRE_SERVER) {
			throw new Socks5UdpException("No SOCKS5 server for " + destination,
					new Socks5NoServerException("no SOCKS5 server for " + destination + ": " + route.reason()));
		}
		return route;
	}

}
