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

import io.socks5udp.core.protocol.Socks5AddressText;
import org.jspecify.annotations.Nullable;

/**
 * A SOCKS5 server that a route leads to: its name, host and port. The name is the logical
 * name a rule referred to (for example {@code corp}) or, for a server written as an
 * address in a rule, {@code host:port} ({@code [2001:db8::1]:1080} for IPv6). Nothing
 * here resolves the host.
 *
 * @author socks5-udp authors
 */
public final class Socks5ServerEndpoint {

	private final String name;

	private final String host;

	private final int port;

	private Socks5ServerEndpoint(String name, String host, int port) {
		this.name = name;
		this.host = host;
		this.port = port;
	}

	/**
	 * Create an endpoint named after its host and port.
	 * @param host the host name or IP literal (an IPv6 literal with or without brackets)
	 * @param port the port, 1 to 65535
	 * @return the endpoint
	 */
	public static Socks5ServerEndpoint of(String host, int port) {
		String bare = stripBrackets(checkHost(host));
		return new Socks5ServerEndpoint(Socks5AddressText.hostAndPort(bare, checkPort(port)), bare, port);
	}

	/**
	 * Create an endpoint with a logical name.
	 * @param name the logical name, for example {@code corp}
	 * @param host the host name or IP literal (an IPv6 literal with or without brackets)
	 * @param port the port, 1 to 65535
	 * @return the endpoint
	 */
	public static Socks5ServerEndpoint of(String name, String host, int port) {
		Objects.requireNonNull(name, "'name' must not be null");
		if (name.isEmpty()) {
			throw new IllegalArgumentException("name: '' (expected: a non-empty server name)");
		}
		return new Socks5ServerEndpoint(name, stripBrackets(checkHost(host)), checkPort(port));
	}

	/**
	 * Return the name: the logical name, or {@code host:port}.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the host: a host name or an IP literal (IPv6 without brackets).
	 * @return the host
	 */
	public String host() {
		return this.host;
	}

	/**
	 * Return the port.
	 * @return the port, 1 to 65535
	 */
	public int port() {
		return this.port;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		if (this == obj) {
			return true;
		}
		return obj instanceof Socks5ServerEndpoint other && this.port == other.port && this.name.equals(other.name)
				&& this.host.equals(other.host);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.name, this.host, this.port);
	}

	@Override
	public String toString() {
		String address = Socks5AddressText.hostAndPort(this.host, this.port);
		return this.name.equals(address) ? address : this.name + " (" + address + ")";
	}

	private static String checkHost(String host) {
		Objects.requireNonNull(host, "'host' must not be null");
		if (host.isEmpty()) {
			throw new IllegalArgumentException("host: '' (expected: a host name or IP address)");
		}
		return host;
	}

	private static String stripBrackets(String host) {
		if (host.length() > 2 && host.charAt(0) == '[' && host.charAt(host.length() - 1) == ']') {
			return host.substring(1, host.length() - 1);
		}
		return host;
	}

	private static int checkPort(int port) {
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("port: " + port + " (expected: 1-65535)");
		}
		return port;
	}

}
