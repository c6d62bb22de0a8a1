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

package io.socks5udp.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.registry.Socks5ConfigParser;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.core.registry.Socks5ServerResolver;
import io.socks5udp.template.ReconnectBackoff;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.template.Socks5UdpTemplateBuilder;

/**
 * Templates of the reliability tests: one server, {@value #SERVER}, that carries every
 * destination on {@code 127.0.0.1}.
 *
 * @author socks5-udp authors
 */
final class TemplateFixtures {

	/**
	 * Logical name of the one server.
	 */
	static final String SERVER = "relay";

	private TemplateFixtures() {
	}

	/**
	 * Return a builder of a template that sends everything to {@code 127.0.0.1} through
	 * the server at the given address.
	 * @param host the server's host
	 * @param port the server's port
	 * @return the builder
	 */
	static Socks5UdpTemplateBuilder builder(String host, int port) {
		Socks5ConfigParser parser = Socks5ConfigParser.withLogicalNames();
		Socks5ServerRegistry registry;
		try {
			registry = Socks5ServerRegistry.builder()
				.rules("reliability", List.of(parser.parseRule("reliability", 1, "127.0.0.1/32", SERVER)))
				.resolver(Socks5ServerResolver.of(Map.of(SERVER, Socks5ServerEndpoint.of(SERVER, host, port))))
				.build();
		}
		catch (IOException ex) {
			// Rules in memory, no file to read
			throw new UncheckedIOException(ex);
		}
		return Socks5UdpTemplate.builder(registry)
			.server(SERVER, Socks5AssociationOptions.builder(host, port).name(SERVER).build())
			.warmServers(List.of(SERVER));
	}

	/**
	 * Return the default backoff (100 ms, doubling, 20 % jitter) capped at the given
	 * delay.
	 * @param maxDelay the longest delay before jitter
	 * @return the backoff
	 */
	static ReconnectBackoff backoff(Duration maxDelay) {
		return new ReconnectBackoff(Duration.ofMillis(100), maxDelay, 2, 0.2);
	}

}
