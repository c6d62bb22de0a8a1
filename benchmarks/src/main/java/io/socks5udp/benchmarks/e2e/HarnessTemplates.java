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
package io.socks5udp.benchmarks.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.registry.Socks5ConfigParser;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.core.registry.Socks5ServerResolver;
import io.socks5udp.template.ReconnectBackoff;
import io.socks5udp.template.Socks5UdpTemplate;

/**
 * Builds the {@link Socks5UdpTemplate} the template and Spring Integration paths use: one
 * server, every destination routed to it, as an application with one rule
 * {@code 0.0.0.0/0 server} would have.
 *
 * @author socks5-udp authors
 */
final class HarnessTemplates {

	static final String SERVER = "dante";

	private HarnessTemplates() {
	}

	static Socks5UdpTemplate startTemplate(InetSocketAddress server) throws IOException {
		return startTemplate(server, ReconnectBackoff.DEFAULT);
	}

	static Socks5UdpTemplate startTemplate(InetSocketAddress server, ReconnectBackoff backoff) throws IOException {
		String host = server.getAddress().getHostAddress();
		Socks5ServerRegistry registry = Socks5ServerRegistry.builder()
			.rules("harness",
					List.of(Socks5ConfigParser.withLogicalNames().parseRule("harness", 1, "0.0.0.0/0", SERVER)))
			.resolver(Socks5ServerResolver.of(Map.of(SERVER, Socks5ServerEndpoint.of(SERVER, host, server.getPort()))))
			.build();
		Socks5UdpTemplate template = Socks5UdpTemplate.builder(registry)
			.server(SERVER, Socks5AssociationOptions.builder(host, server.getPort()).name(SERVER).build())
			.reconnectBackoff(backoff)
			// Associated at start, as every harness measured before associations opened
			// on demand
			.warmServers(List.of(SERVER))
			.build();
		template.start();
		return template;
	}

}
