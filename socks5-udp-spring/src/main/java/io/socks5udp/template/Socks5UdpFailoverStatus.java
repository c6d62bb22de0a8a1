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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a rule with alternatives, for health reports: which of its servers
 * carries its traffic and why the others do not.
 *
 * @param name the servers' names in order of preference, separated by commas
 * @param carrier the server that carries the traffic of destinations that are not spread:
 * the first one not passed over; {@code null} if every one is
 * @param servers the servers, in order of preference
 * @author socks5-udp authors
 */
public record Socks5UdpFailoverStatus(String name, @Nullable String carrier, List<Server> servers) {

	/**
	 * Create a status.
	 * @param name the servers' names
	 * @param carrier the carrying server, or {@code null}
	 * @param servers the servers
	 */
	public Socks5UdpFailoverStatus {
		servers = List.copyOf(servers);
	}

	/**
	 * One server of the rule.
	 *
	 * @param name the server's name
	 * @param state the state of its association
	 * @param eligible whether it may carry traffic: false while it is passed over after a
	 * failure
	 * @param reason why it carries the traffic or does not, for example
	 * {@code standby: corp comes first}
	 */
	public record Server(String name, ManagedAssociation.State state, boolean eligible, String reason) {

	}

}
