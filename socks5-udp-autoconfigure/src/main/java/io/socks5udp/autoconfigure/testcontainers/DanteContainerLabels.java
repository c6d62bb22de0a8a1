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

package io.socks5udp.autoconfigure.testcontainers;

import java.util.Map;

import io.socks5udp.core.protocol.Socks5AddressText;
import io.socks5udp.autoconfigure.Socks5UdpConnectionDetails.Server;
import org.jspecify.annotations.Nullable;

/**
 * The labels through which a Dante container tells a client how to reach it: with host
 * networking no port is mapped, so the container says which one Dante listens on. The
 * names are those {@code io.socks5udp.test.dante.DanteContainer} sets; any container or
 * image carrying them works as well. Public because the Docker Compose service connection
 * ({@code io.socks5udp.autoconfigure.docker}) reads the same labels; nothing here needs
 * Testcontainers.
 *
 * @author socks5-udp authors
 */
public final class DanteContainerLabels {

	/** Label with the address to reach the server at; the container's host if absent. */
	public static final String HOST = "io.socks5udp.dante.host";

	/** Label with the port the server listens on. */
	public static final String PORT = "io.socks5udp.dante.port";

	/** Label with the username for RFC 1929; no authentication if absent. */
	public static final String USERNAME = "io.socks5udp.dante.username";

	/** Label with the password for RFC 1929. */
	public static final String PASSWORD = "io.socks5udp.dante.password";

	/** Label with the server's logical name; {@value #DEFAULT_SERVER_NAME} if absent. */
	public static final String SERVER_NAME = "io.socks5udp.dante.server-name";

	/** Logical name of the server when the container names none. */
	public static final String DEFAULT_SERVER_NAME = "dante";

	private static final int MAX_PORT = 65535;

	private DanteContainerLabels() {
	}

	/**
	 * Return the server the labels describe, by logical name.
	 * @param labels the container's labels
	 * @param containerHost the host to use when the labels name none
	 * @param container a description of the container, for messages
	 * @return the one server
	 * @throws IllegalStateException if the port label is missing or wrong, or only one of
	 * username and password is there
	 */
	public static Map<String, Server> servers(Map<String, String> labels, String containerHost, String container) {
		String name = nonBlank(labels.get(SERVER_NAME), DEFAULT_SERVER_NAME);
		String host = nonBlank(labels.get(HOST), containerHost);
		int port = port(labels.get(PORT), container);
		String username = labels.get(USERNAME);
		String password = labels.get(PASSWORD);
		if ((username == null) != (password == null)) {
			String missing = (username == null) ? USERNAME : PASSWORD;
			throw new IllegalStateException("Container " + container + " has no label " + missing + " (expected: both "
					+ USERNAME + " and " + PASSWORD + ", or neither for no authentication)");
		}
		return Map.of(name, Server.of(host, port, username, password));
	}

	/**
	 * Describe servers for a {@code toString()}, with every password masked.
	 * @param servers the servers
	 * @return the description
	 */
	public static String describe(Map<String, Server> servers) {
		StringBuilder text = new StringBuilder();
		servers.forEach((name, server) -> {
			text.append((text.length() > 0) ? ", " : "").append(name).append('=');
			text.append(Socks5AddressText.hostAndPort(String.valueOf(server.getHost()), server.getPort()));
			if (server.getUsername() != null) {
				text.append(" (username ").append(server.getUsername()).append(", password ******)");
			}
		});
		return text.toString();
	}

	private static int port(@Nullable String text, String container) {
		if (text == null) {
			throw new IllegalStateException("Container " + container + " has no label " + PORT
					+ " (expected: the port its SOCKS5 server listens on, as DanteContainer sets it)");
		}
		int port;
		try {
			port = Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			port = -1;
		}
		if (port < 1 || port > MAX_PORT) {
			throw new IllegalStateException(
					"Container " + container + " label " + PORT + ": '" + text + "' (expected: 1-" + MAX_PORT + ")");
		}
		return port;
	}

	private static String nonBlank(@Nullable String value, String fallback) {
		return (value != null && !value.isBlank()) ? value.strip() : fallback;
	}

}
