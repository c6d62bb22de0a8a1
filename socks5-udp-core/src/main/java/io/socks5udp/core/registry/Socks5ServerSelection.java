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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer of a registry lookup: contact the destination directly, or through SOCKS5
 * servers, and the rule that said so. A rule whose destination has alternatives (records
 * of one source with the same destination) names several {@link #servers() servers}, in
 * order of preference; {@link #server()} is the preferred one. Selections are made when
 * the registry is built, so a lookup allocates nothing. (The way a datagram actually
 * went, through which association, is the template's {@code Socks5UdpRoute}; this type
 * only says which server should carry it.)
 *
 * @author socks5-udp authors
 * @see Socks5ServerRegistry#lookup(io.socks5udp.core.protocol.Socks5Address)
 */
public final class Socks5ServerSelection {

	static final Socks5ServerSelection IMPLICIT_IPV4 = new Socks5ServerSelection(null, null,
			"no rule matches, so the implicit record 0.0.0.0/0 NONE applies");

	static final Socks5ServerSelection IMPLICIT_IPV6 = new Socks5ServerSelection(null, null,
			"no rule matches, so the implicit record ::/0 NONE applies");

	static final Socks5ServerSelection IMPLICIT_NAME = new Socks5ServerSelection(null, null,
			"no name fragment matches and there is no 0.0.0.0/0 or ::/0 rule, so the implicit NONE applies");

	static final Socks5ServerSelection DISABLED = new Socks5ServerSelection(null, null,
			"SOCKS is disabled: " + Socks5ServerRegistryBuilder.CONFIG_ENVIRONMENT_VARIABLE + " is set but empty");

	private final @Nullable Socks5ServerEndpoint server;

	private final List<Socks5ServerEndpoint> servers;

	private final boolean spread;

	private final @Nullable Socks5Rule rule;

	private final String reason;

	Socks5ServerSelection(@Nullable Socks5ServerEndpoint server, @Nullable Socks5Rule rule, String reason) {
		this((server != null) ? List.of(server) : List.of(), false, rule, reason);
	}

	private Socks5ServerSelection(List<Socks5ServerEndpoint> servers, boolean spread, @Nullable Socks5Rule rule,
			String reason) {
		this.servers = List.copyOf(servers);
		this.server = this.servers.isEmpty() ? null : this.servers.get(0);
		this.spread = spread && this.servers.size() > 1;
		this.rule = rule;
		this.reason = reason;
	}

	static Socks5ServerSelection of(@Nullable Socks5ServerEndpoint server, Socks5Rule rule) {
		return of((server != null) ? List.of(server) : List.of(), rule);
	}

	/**
	 * Return the selection of a rule and its alternatives.
	 * @param servers the servers in order of preference, none for {@code NONE}
	 * @param rule the first rule of the destination; its spreading applies
	 */
	static Socks5ServerSelection of(List<Socks5ServerEndpoint> servers, Socks5Rule rule) {
		String origin = (rule.origin() != null) ? " (" + rule.origin() + ")" : "";
		String alternatives = (servers.size() > 1)
				? " with " + (servers.size() - 1) + " alternative" + ((servers.size() > 2) ? "s" : "") : "";
		return new Socks5ServerSelection(servers, rule.isSpread(), rule,
				"rule '" + rule + "'" + origin + alternatives + " matches");
	}

	/**
	 * Return whether the destination is contacted directly, without a SOCKS5 server.
	 * @return whether the route is direct ({@code NONE})
	 */
	public boolean isDirect() {
		return this.server == null;
	}

	/**
	 * Return the preferred server: the only one, or the first of several alternatives.
	 * @return the server, or {@code null} if the route is direct
	 */
	public @Nullable Socks5ServerEndpoint server() {
		return this.server;
	}

	/**
	 * Return the servers that may carry the destination, in order of preference: the
	 * first one while it works, the next working one while it does not. A rule without
	 * alternatives names one server.
	 * @return the servers, empty if the route is direct
	 */
	public List<Socks5ServerEndpoint> servers() {
		return this.servers;
	}

	/**
	 * Return whether destinations are spread over the working {@link #servers() servers}
	 * by a stable hash of the destination, rather than all sent to the first working one.
	 * Only a rule with alternatives that asks for it spreads.
	 * @return whether to spread
	 */
	public boolean isSpread() {
		return this.spread;
	}

	/**
	 * Return the rule that chose this route.
	 * @return the rule, or {@code null} for an implicit default ({@code 0.0.0.0/0 NONE},
	 * {@code ::/0 NONE}) or a disabled registry
	 */
	public @Nullable Socks5Rule rule() {
		return this.rule;
	}

	/**
	 * Return why this route was chosen, for messages and logs, for example
	 * {@code rule '9.0.0.0/8 NONE' (socks5c.conf:2) matches}.
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

	@Override
	public String toString() {
		String servers = this.servers.isEmpty() ? Socks5ServerSpec.NONE
				: (this.servers.size() == 1) ? this.servers.get(0).toString() : this.servers.toString();
		return servers + (this.spread ? " (spread)" : "") + ": " + this.reason;
	}

}
