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

import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Turns the logical server names of rules (for example {@code corp}) into endpoints when
 * a registry is built, so that a server is defined once and named by many rules.
 *
 * @author socks5-udp authors
 */
@FunctionalInterface
public interface Socks5ServerResolver {

	/**
	 * Return the endpoint of a logical server name.
	 * @param name the name a rule gave
	 * @return the endpoint, or {@code null} if the name is unknown
	 */
	@Nullable Socks5ServerEndpoint resolve(String name);

	/**
	 * Describe the names this resolver knows, for the "expected" part of an error
	 * message.
	 * @return a description, for example {@code one of corp, lab}
	 */
	default String knownNames() {
		return "a server name known to the resolver";
	}

	/**
	 * Return a resolver that knows no names.
	 * @return the resolver
	 */
	static Socks5ServerResolver none() {
		return of(Map.of());
	}

	/**
	 * Return a resolver backed by a map of names to endpoints.
	 * @param servers the servers by name
	 * @return the resolver
	 */
	static Socks5ServerResolver of(Map<String, Socks5ServerEndpoint> servers) {
		Objects.requireNonNull(servers, "'servers' must not be null");
		Map<String, Socks5ServerEndpoint> copy = Map.copyOf(servers);
		return new Socks5ServerResolver() {

			@Override
			public @Nullable Socks5ServerEndpoint resolve(String name) {
				return copy.get(name);
			}

			@Override
			public String knownNames() {
				return copy.isEmpty() ? "a defined server, but none is defined"
						: "one of " + String.join(", ", new TreeSet<>(copy.keySet()));
			}

		};
	}

}
