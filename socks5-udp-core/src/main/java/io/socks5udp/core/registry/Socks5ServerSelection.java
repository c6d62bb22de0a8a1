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

import org.jspecify.annotations.Nullable;

/**
 * The answer of a registry lookup: contact the destination directly, or through a SOCKS5
 * server, and the rule that said so. Selections are made when the registry is built, so a
 * lookup allocates nothing. (The way a datagram actually went, through which association,
 * is the template's {@code Socks5UdpRoute}; this type only says which server should carry
 * it.)
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

	private final @Nullable Socks5Rule rule;

	private final String reason;

	Socks5ServerSelection(@Nullable Socks5ServerEndpoint server, @Nullable Socks5Rule rule, String reason) {
		this.server = server;
		this.rule = rule;
		this.reason = reason;
	}

	static Socks5ServerSelection of(@Nullable Socks5ServerEndpoint server, Socks5Rule rule) {
		String origin = (rule.origin() != null) ? " (" + rule.origin() + ")" : "";
		return new Socks5ServerSelection(server, rule, "rule '" + rule + "'" + origin + " matches");
	}

	/**
	 * Return whether the destination is contacted directly, without a SOCKS5 server.
	 * @return whether the route is direct ({@code NONE})
	 */
	public boolean isDirect() {
		return this.server == null;
	}

	/**
	 * Return the server to use.
	 * @return the server, or {@code null} if the route is direct
	 */
	public @Nullable Socks5ServerEndpoint server() {
		return this.server;
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
		return ((this.server != null) ? this.server.toString() : Socks5ServerSpec.NONE) + ": " + this.reason;
	}

}
