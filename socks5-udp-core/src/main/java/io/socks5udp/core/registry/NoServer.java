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

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

import io.socks5udp.core.protocol.Socks5AddressText;
import io.socks5udp.core.protocol.Socks5NoServerException;

/**
 * The {@code S5_ENOSERV} failure of {@link Socks5ServerRegistry#requireServer}.
 *
 * @author socks5-udp authors
 */
final class NoServer {

	private NoServer() {
	}

	static Socks5ServerEndpoint require(Socks5ServerSelection route, Object destination)
			throws Socks5NoServerException {
		if (route.isDirect()) {
			throw new Socks5NoServerException("no SOCKS5 server for " + describe(destination) + ": " + route.reason());
		}
		return Objects.requireNonNull(route.server());
	}

	private static String describe(Object destination) {
		if (destination instanceof InetAddress address) {
			return Socks5AddressText.host(address);
		}
		if (destination instanceof InetSocketAddress address) {
			return Socks5AddressText.hostAndPort(address.getHostString(), address.getPort());
		}
		return String.valueOf(destination);
	}

}
