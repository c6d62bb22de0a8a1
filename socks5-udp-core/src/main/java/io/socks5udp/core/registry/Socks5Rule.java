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

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One record of the registry: {@code <destination>[/<prefixlength>] <server>[:<port>]}.
 * Records of one source with the same destination are alternatives in their order: the
 * registry's {@link Socks5ServerSelection selection} for that destination names all their
 * servers, the first one preferred. A rule may ask for {@link #isSpread() spreading}:
 * destinations are then spread over the working servers of its alternatives. Immutable.
 *
 * @author socks5-udp authors
 * @see Socks5ConfigParser
 */
public final class Socks5Rule {

	private final Socks5Destination destination;

	private final Socks5ServerSpec server;

	private final @Nullable Socks5RuleOrigin origin;

	private final boolean spread;

	private Socks5Rule(Socks5Destination destination, Socks5ServerSpec server, @Nullable Socks5RuleOrigin origin,
			boolean spread) {
		this.destination = Objects.requireNonNull(destination, "'destination' must not be null");
		this.server = Objects.requireNonNull(server, "'server' must not be null");
		this.origin = origin;
		this.spread = spread;
	}

	/**
	 * Create a rule with no recorded origin.
	 * @param destination the destination
	 * @param server the server
	 * @return the rule
	 */
	public static Socks5Rule of(Socks5Destination destination, Socks5ServerSpec server) {
		return new Socks5Rule(destination, server, null, false);
	}

	/**
	 * Create a rule.
	 * @param destination the destination
	 * @param server the server
	 * @param origin where the rule came from, named in error messages; may be
	 * {@code null}
	 * @return the rule
	 */
	public static Socks5Rule of(Socks5Destination destination, Socks5ServerSpec server,
			@Nullable Socks5RuleOrigin origin) {
		return new Socks5Rule(destination, server, origin, false);
	}

	/**
	 * Return this rule asking for spreading: destinations it matches are spread over the
	 * working servers of its alternatives by a stable hash of the destination, instead of
	 * all going to the first working one.
	 * @return the rule with spreading
	 */
	public Socks5Rule withSpreading() {
		return new Socks5Rule(this.destination, this.server, this.origin, true);
	}

	/**
	 * Return whether the rule asks for spreading over its alternatives.
	 * @return whether destinations are spread
	 * @see #withSpreading()
	 */
	public boolean isSpread() {
		return this.spread;
	}

	/**
	 * Return the destination.
	 * @return the destination
	 */
	public Socks5Destination destination() {
		return this.destination;
	}

	/**
	 * Return the server.
	 * @return the server
	 */
	public Socks5ServerSpec server() {
		return this.server;
	}

	/**
	 * Return where the rule came from.
	 * @return the origin, or {@code null} if none was recorded
	 */
	public @Nullable Socks5RuleOrigin origin() {
		return this.origin;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		if (this == obj) {
			return true;
		}
		return obj instanceof Socks5Rule other && this.destination.equals(other.destination)
				&& this.server.equals(other.server) && Objects.equals(this.origin, other.origin)
				&& this.spread == other.spread;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.destination, this.server, this.origin, this.spread);
	}

	/**
	 * Return the rule as a record, for example {@code 9.0.0.0/8 NONE}.
	 * @return the rule as text
	 */
	@Override
	public String toString() {
		return this.destination + " " + this.server;
	}

}
