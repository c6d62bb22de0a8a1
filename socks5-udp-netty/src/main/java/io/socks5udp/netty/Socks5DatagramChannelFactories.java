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
package io.socks5udp.netty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.socks5udp.core.client.Socks5AssociationOptions;

/**
 * Datagram channel factories for named SOCKS5 servers: one
 * {@link Socks5DatagramChannelFactory} per server, from the servers' association options
 * (with Spring Boot, the servers of {@code socks5.udp.servers}). Opens nothing itself;
 * each channel a factory creates opens its own association when bound.
 *
 * @author socks5-udp authors
 */
public final class Socks5DatagramChannelFactories {

	private final Map<String, Socks5AssociationOptions> servers;

	/**
	 * Create the factories of some servers.
	 * @param servers the association options by server name
	 */
	public Socks5DatagramChannelFactories(Map<String, Socks5AssociationOptions> servers) {
		Objects.requireNonNull(servers, "'servers' must not be null");
		this.servers = Collections.unmodifiableMap(new LinkedHashMap<>(servers));
	}

	/**
	 * Return the names of the servers.
	 * @return the names, in configuration order
	 */
	public Set<String> serverNames() {
		return this.servers.keySet();
	}

	/**
	 * Return the association options of a server.
	 * @param name the server's name
	 * @return its options
	 * @throws IllegalArgumentException if no server has that name
	 */
	public Socks5AssociationOptions options(String name) {
		Objects.requireNonNull(name, "'name' must not be null");
		Socks5AssociationOptions options = this.servers.get(name);
		if (options == null) {
			throw new IllegalArgumentException(
					"server: '" + name + "' (expected: one of the configured servers " + this.servers.keySet() + ")");
		}
		return options;
	}

	/**
	 * Return a factory of NIO datagram channels through a server, each with its own
	 * association and the default backoff.
	 * @param name the server's name
	 * @return the channel factory
	 * @throws IllegalArgumentException if no server has that name
	 */
	public Socks5DatagramChannelFactory forServer(String name) {
		return new Socks5DatagramChannelFactory(options(name));
	}

}
