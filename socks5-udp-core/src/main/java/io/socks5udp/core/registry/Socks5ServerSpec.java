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
 * What the server field of a rule says: {@code NONE} (contact the destination directly),
 * a server given by host and port, or a logical server name that a
 * {@link Socks5ServerResolver} turns into an endpoint when the registry is built.
 *
 * @author socks5-udp authors
 */
public final class Socks5ServerSpec {

	/** The keyword for "no server", upper case only as in {@code socks5c.conf}. */
	public static final String NONE = "NONE";

	private static final Socks5ServerSpec DIRECT = new Socks5ServerSpec(null, null);

	private final @Nullable Socks5ServerEndpoint endpoint;

	private final @Nullable String name;

	private Socks5ServerSpec(@Nullable Socks5ServerEndpoint endpoint, @Nullable String name) {
		this.endpoint = endpoint;
		this.name = name;
	}

	/**
	 * Return the {@code NONE} server: destinations are contacted directly.
	 * @return the direct server spec
	 */
	public static Socks5ServerSpec direct() {
		return DIRECT;
	}

	/**
	 * Return a server given by host and port.
	 * @param host the host name or IP literal
	 * @param port the port, 1 to 65535
	 * @return the server spec
	 */
	public static Socks5ServerSpec endpoint(String host, int port) {
		return new Socks5ServerSpec(Socks5ServerEndpoint.of(host, port), null);
	}

	/**
	 * Return a server given by a logical name, resolved when the registry is built.
	 * @param name the logical name, for example {@code corp}
	 * @return the server spec
	 */
	public static Socks5ServerSpec named(String name) {
		Objects.requireNonNull(name, "'name' must not be null");
		if (name.isEmpty() || NONE.equals(name)) {
			throw new IllegalArgumentException("name: '" + name + "' (expected: a server name other than NONE)");
		}
		return new Socks5ServerSpec(null, name);
	}

	/**
	 * Return whether this is {@code NONE}: no server, contact directly.
	 * @return whether destinations are contacted directly
	 */
	public boolean isDirect() {
		return this.endpoint == null && this.name == null;
	}

	/**
	 * Return whether this is a logical server name.
	 * @return whether {@link #name()} is set
	 */
	public boolean isNamed() {
		return this.name != null;
	}

	/**
	 * Return the logical server name.
	 * @return the name, or {@code null} unless {@link #isNamed()}
	 */
	public @Nullable String name() {
		return this.name;
	}

	/**
	 * Return the server given by host and port.
	 * @return the endpoint, or {@code null} for {@code NONE} and for a logical name
	 */
	public @Nullable Socks5ServerEndpoint endpoint() {
		return this.endpoint;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		if (this == obj) {
			return true;
		}
		return obj instanceof Socks5ServerSpec other && Objects.equals(this.endpoint, other.endpoint)
				&& Objects.equals(this.name, other.name);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.endpoint, this.name);
	}

	@Override
	public String toString() {
		if (this.name != null) {
			return this.name;
		}
		return (this.endpoint != null) ? this.endpoint.name() : NONE;
	}

}
