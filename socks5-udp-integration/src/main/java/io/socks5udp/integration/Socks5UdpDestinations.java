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

package io.socks5udp.integration;

import java.net.InetSocketAddress;
import java.net.URI;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressText;

/**
 * Turns what a destination expression or function returns into a {@link Socks5Address}.
 * Accepts everything the ip module's {@code UnicastSendingMessageHandler} accepts (a
 * {@code udp://host:port} string, a {@link URI}, an {@link InetSocketAddress}) and also a
 * {@link Socks5Address} and a plain {@code host:port} or {@code [v6]:port} string. An
 * unresolved socket address and a host name stay domain names, so that the relay resolves
 * them.
 *
 * @author socks5-udp authors
 */
final class Socks5UdpDestinations {

	private Socks5UdpDestinations() {
	}

	static Socks5Address toAddress(Object destination) {
		if (destination instanceof Socks5Address address) {
			return address;
		}
		if (destination instanceof InetSocketAddress socketAddress) {
			return Socks5Address.of(socketAddress);
		}
		if (destination instanceof URI uri) {
			return fromUri(uri, destination);
		}
		if (destination instanceof String text) {
			return fromString(text.trim());
		}
		throw new IllegalArgumentException("destination: " + destination
				+ " (expected: Socks5Address, InetSocketAddress, URI or String host:port)");
	}

	private static Socks5Address fromString(String text) {
		if (text.contains("://")) {
			return fromUri(URI.create(text), text);
		}
		InetSocketAddress address;
		try {
			address = Socks5AddressText.parseHostAndPort(text);
		}
		catch (IllegalArgumentException ex) {
			String port = text.substring(text.lastIndexOf(':') + 1);
			String expected = !String.valueOf(ex.getMessage()).contains("port '")
					? "host:port, [ipv6]:port or udp://host:port"
					: port.chars().allMatch(Character::isDigit) ? "a port 0-65535" : "a numeric port";
			throw new IllegalArgumentException("destination: " + text + " (expected: " + expected + ")", ex);
		}
		return Socks5Address.of(address.getHostString(), address.getPort());
	}

	private static Socks5Address fromUri(URI uri, Object original) {
		if (uri.getHost() == null || uri.getPort() < 0) {
			throw new IllegalArgumentException(
					"destination: " + original + " (expected: a URI with a host and a port, like udp://host:port)");
		}
		return Socks5Address.of(uri.getHost(), uri.getPort());
	}

}
