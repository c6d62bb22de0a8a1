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
package io.socks5udp.test.relay;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;

import io.socks5udp.core.protocol.Socks5Address;
import org.jspecify.annotations.Nullable;

/**
 * Turns the destinations clients name into socket addresses, resolving each domain name
 * once (failures included) and remembering the result, so that the relay loop does not
 * allocate or look up names per datagram. Owned by one thread.
 *
 * @author socks5-udp authors
 */
final class DestinationResolver {

	private static final int MAX_ENTRIES = 4096;

	private static final InetSocketAddress UNRESOLVED = InetSocketAddress.createUnresolved("unresolved", 0);

	private final Map<Socks5Address, InetSocketAddress> cache = new HashMap<>();

	private @Nullable Socks5Address lastDestination;

	private @Nullable InetSocketAddress lastTarget;

	/**
	 * Return the socket address of a destination.
	 * @param destination the destination from a UDP request header
	 * @return the resolved socket address, or {@code null} if the name does not resolve
	 */
	@Nullable InetSocketAddress resolve(Socks5Address destination) {
		if (destination != this.lastDestination) {
			InetSocketAddress target = this.cache.get(destination);
			if (target == null) {
				target = lookUp(destination);
				if (this.cache.size() >= MAX_ENTRIES) {
					this.cache.clear();
				}
				this.cache.put(destination, target);
			}
			this.lastDestination = destination;
			this.lastTarget = target;
		}
		return (this.lastTarget != UNRESOLVED) ? this.lastTarget : null;
	}

	private static InetSocketAddress lookUp(Socks5Address destination) {
		if (!destination.isDomain()) {
			return destination.toInetSocketAddress();
		}
		try {
			return new InetSocketAddress(InetAddress.getByName(destination.host()), destination.port());
		}
		catch (UnknownHostException | SecurityException ex) {
			return UNRESOLVED;
		}
	}

}
