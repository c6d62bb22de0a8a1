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

package io.socks5udp.core.registry;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

/**
 * Turns a host name into an address, so that a name no name-fragment rule matches is
 * routed by the rule of its address, as AIX's {@code socks5_getserv} routes the address
 * its caller resolved. The name is still what goes to the SOCKS5 server.
 *
 * @author socks5-udp authors
 * @see Socks5ServerRegistryBuilder#forwardLookup(Socks5ForwardLookup)
 */
@FunctionalInterface
public interface Socks5ForwardLookup {

	/**
	 * Return the address of a host name.
	 * @param host the host name, in ASCII
	 * @return the address, or {@code null} if the name cannot be resolved here (the
	 * registry then routes it as it routes names without a lookup)
	 */
	@Nullable InetAddress address(String host);

	/**
	 * Return a lookup through the system resolver
	 * ({@link InetAddress#getByName(String)}), whose answers the JDK caches
	 * ({@code networkaddress.cache.ttl}). A cache miss blocks the caller for the length
	 * of the DNS lookup.
	 * @return the lookup
	 */
	static Socks5ForwardLookup system() {
		return (host) -> {
			try {
				return InetAddress.getByName(host);
			}
			catch (UnknownHostException | SecurityException ex) {
				return null;
			}
		};
	}

}
