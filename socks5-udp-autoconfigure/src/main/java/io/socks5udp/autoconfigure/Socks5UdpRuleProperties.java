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

package io.socks5udp.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A routing rule: a socks5c.conf record, or several with the same destination when it
 * names a list of servers.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpRuleProperties {

	/**
	 * Destination the rule applies to: an IPv4 or IPv6 address with an optional prefix
	 * length ('10.0.0.0/8', '::/0'), or a host name suffix ('.example.com').
	 */
	private @Nullable String destination;

	/**
	 * Server that carries matching traffic: the logical name of a server (a key of
	 * socks5.udp.servers), 'NONE' to send it directly, or a host:port of a server with
	 * default settings.
	 */
	private @Nullable String server;

	/**
	 * Servers that carry matching traffic, in order of preference, instead of one server:
	 * the first that works carries it, the next while it does not (each a server name or
	 * host:port, never NONE).
	 */
	private List<String> servers = new ArrayList<>();

	/**
	 * Whether to spread destinations over the working servers of the list by a stable
	 * hash of the destination (one destination keeps one server), instead of sending all
	 * to the first working one.
	 */
	private boolean spread;

	public @Nullable String getDestination() {
		return this.destination;
	}

	public void setDestination(@Nullable String destination) {
		this.destination = destination;
	}

	public @Nullable String getServer() {
		return this.server;
	}

	public void setServer(@Nullable String server) {
		this.server = server;
	}

	public List<String> getServers() {
		return this.servers;
	}

	public void setServers(List<String> servers) {
		this.servers = servers;
	}

	public boolean isSpread() {
		return this.spread;
	}

	public void setSpread(boolean spread) {
		this.spread = spread;
	}

}
