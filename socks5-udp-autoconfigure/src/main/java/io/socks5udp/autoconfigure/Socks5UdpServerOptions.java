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

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.socks5udp.autoconfigure.Socks5UdpConnectionDetails.Server;
import io.socks5udp.core.client.RelayAddressPolicy;
import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5AssociationOptionsBuilder;
import io.socks5udp.core.protocol.Socks5AddressText;
import io.socks5udp.core.protocol.Socks5Credentials;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import org.jspecify.annotations.Nullable;

/**
 * Turns the connection details and the {@code socks5.udp.servers.*} properties into
 * association options, checking every value and naming the property of a wrong one. No
 * I/O: host names stay unresolved until an association opens.
 *
 * @author socks5-udp authors
 */
final class Socks5UdpServerOptions {

	private static final int MAX_PORT = 65535;

	private Socks5UdpServerOptions() {
	}

	/**
	 * Return the endpoints of the servers, by logical name, for the registry.
	 * @param details the connection details
	 * @return the endpoints
	 * @throws Socks5UdpConfigurationException if a host or port is wrong
	 */
	static Map<String, Socks5ServerEndpoint> endpoints(Socks5UdpConnectionDetails details) {
		Map<String, Socks5ServerEndpoint> endpoints = new LinkedHashMap<>();
		details.getServers().forEach((name, server) -> {
			checkAddress(name, server);
			endpoints.put(name,
					Socks5ServerEndpoint.of(name, Objects.requireNonNull(server.getHost()), server.getPort()));
		});
		return endpoints;
	}

	/**
	 * Return the association options of the servers, by logical name, before the
	 * template's options customizers apply.
	 * @param properties the properties
	 * @param details the connection details
	 * @return the options
	 * @throws Socks5UdpConfigurationException if a value is wrong
	 */
	static Map<String, Socks5AssociationOptions> create(Socks5UdpProperties properties,
			Socks5UdpConnectionDetails details) {
		Map<String, Socks5AssociationOptions> options = new LinkedHashMap<>();
		details.getServers().forEach((name, server) -> {
			Socks5UdpProperties.Server settings = properties.getServers()
				.getOrDefault(name, new Socks5UdpProperties.Server());
			options.put(name, build(name, builder(name, server, settings), settings));
		});
		return options;
	}

	private static Socks5AssociationOptionsBuilder builder(String name, Server server,
			Socks5UdpProperties.Server settings) {
		checkAddress(name, server);
		// checkAddress() refuses a missing host
		Socks5AssociationOptionsBuilder builder = Socks5AssociationOptions
			.builder(Objects.requireNonNull(server.getHost()), server.getPort())
			.name(name)
			.connectTimeout(positive(property(name, "connect-timeout"), settings.getConnectTimeout()))
			.handshakeTimeout(positive(property(name, "handshake-timeout"), settings.getHandshakeTimeout()))
			.relayAddressPolicy(relayAddressPolicy(name, settings.getRelayAddress()))
			.connectedChannel(settings.isConnectedChannel());
		if (settings.getAssociateAddress() != null) {
			builder.associateAddressPolicy(settings.getAssociateAddress());
		}
		builder.credentials(credentials(name, server.getUsername(), server.getPassword()));
		return builder;
	}

	private static Socks5AssociationOptions build(String name, Socks5AssociationOptionsBuilder builder,
			Socks5UdpProperties.Server settings) {
		if (!settings.isBatchedIo()) {
			return builder.build();
		}
		try {
			return builder.batchedIo(true).build();
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new Socks5UdpConfigurationException(property(name, "batched-io"), "true",
					String.valueOf(ex.getMessage()),
					"Run on Linux with Java 22 or later, the JVM options --enable-native-access=ALL-UNNAMED and "
							+ "--add-exports java.base/sun.nio.ch=ALL-UNNAMED, and "
							+ property(name, "connected-channel") + "=true; or remove " + property(name, "batched-io")
							+ ".",
					ex);
		}
	}

	private static void checkAddress(String name, Server server) {
		if (server.getHost() == null || server.getHost().isBlank()) {
			throw new Socks5UdpConfigurationException(property(name, "host"), server.getHost(), "must be set", "Set "
					+ property(name, "host") + " to the host name or IP address of SOCKS5 server '" + name + "'.",
					null);
		}
		if (server.getPort() < 1 || server.getPort() > MAX_PORT) {
			throw new Socks5UdpConfigurationException(property(name, "port"), String.valueOf(server.getPort()),
					"port: " + server.getPort() + " (expected: 1-" + MAX_PORT + ")", "Set " + property(name, "port")
							+ " to the port SOCKS5 server '" + name + "' listens on (1080 if unset).",
					null);
		}
	}

	private static @Nullable Socks5Credentials credentials(String name, @Nullable String username,
			@Nullable String password) {
		if (username == null && password == null) {
			return null;
		}
		if (username == null || username.isEmpty()) {
			throw new Socks5UdpConfigurationException(property(name, "username"), username,
					"must be set when a password is set",
					"Set " + property(name, "username") + ", or remove " + property(name, "password") + ".", null);
		}
		if (password == null || password.isEmpty()) {
			throw new Socks5UdpConfigurationException(property(name, "password"), null,
					"must be set when a username is set (RFC 1929 needs both)", "Set " + property(name, "password")
							+ ", or remove " + property(name, "username") + " for a server without authentication.",
					null);
		}
		checkLength(property(name, "username"), username, username);
		checkLength(property(name, "password"), password, "******");
		return new Socks5Credentials(username, password);
	}

	private static void checkLength(String property, String value, String shown) {
		int length = value.getBytes(StandardCharsets.UTF_8).length;
		if (length > Socks5Credentials.MAX_LENGTH) {
			throw new Socks5UdpConfigurationException(property, shown,
					"length: " + length + " bytes (expected: 1-" + Socks5Credentials.MAX_LENGTH + " in UTF-8)",
					"Shorten " + property + ": RFC 1929 carries at most " + Socks5Credentials.MAX_LENGTH + " bytes.",
					null);
		}
	}

	private static Duration positive(String property, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new Socks5UdpConfigurationException(property, String.valueOf(value),
					"timeout: " + value + " (expected: positive)", "Set " + property + " to a positive duration.",
					null);
		}
		return value;
	}

	static RelayAddressPolicy relayAddressPolicy(String name, String value) {
		String text = (value != null) ? value.strip() : "";
		switch (text.toLowerCase(Locale.ROOT)) {
			case "", "replace-unspecified" -> {
				return RelayAddressPolicy.REPLACE_UNSPECIFIED;
			}
			case "always-server" -> {
				return RelayAddressPolicy.ALWAYS_SERVER;
			}
			case "trust-reply" -> {
				return RelayAddressPolicy.TRUST_REPLY;
			}
			default -> {
				return RelayAddressPolicy.fixed(fixedRelayAddress(name, text));
			}
		}
	}

	private static InetSocketAddress fixedRelayAddress(String name, String text) {
		String property = property(name, "relay-address");
		try {
			InetSocketAddress address = Socks5AddressText.parseHostAndPort(text);
			if (address.getPort() >= 1) {
				return address;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below with the policies the property also takes
		}
		throw new Socks5UdpConfigurationException(property, text,
				"relay-address: '" + text
						+ "' (expected: replace-unspecified, always-server, trust-reply, or host:port with a port"
						+ " 1-65535, [IPv6]:port for IPv6)",
				"Set " + property + " to one of the policies, or to the relay's fixed address such as"
						+ " 203.0.113.7:40000.",
				null);
	}

	static String property(String name, String field) {
		return "socks5.udp.servers." + name + "." + field;
	}

}
