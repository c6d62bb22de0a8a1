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

package io.socks5udp.sample;

import io.socks5udp.core.protocol.Socks5Address;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads {@code sample.target}: {@code host:port}, or {@code [address]:port} for IPv6. A
 * host name stays a name, for the SOCKS5 server to resolve.
 *
 * @author socks5-udp authors
 */
@Component
@ConfigurationPropertiesBinding
class Socks5AddressConverter implements Converter<String, Socks5Address> {

	private static final String EXPECTED = "(expected: host:port or [IPv6]:port, such as 127.0.0.1:7)";

	@Override
	public Socks5Address convert(String source) {
		String text = source.strip();
		int colon = text.lastIndexOf(':');
		if (colon <= 0 || colon == text.length() - 1) {
			throw invalid(text);
		}
		String host = text.substring(0, colon);
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		else if (host.contains(":")) {
			// Without brackets, an IPv6 address and its port cannot be told apart
			throw invalid(text);
		}
		int port = port(text, text.substring(colon + 1));
		try {
			return Socks5Address.of(host, port);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + text + "': " + ex.getMessage(), ex);
		}
	}

	private static int port(String text, String port) {
		try {
			int value = Integer.parseInt(port);
			if (value < 1 || value > Socks5Address.MAX_PORT) {
				throw new IllegalArgumentException(
						"'" + text + "': port " + value + " (expected: 1-" + Socks5Address.MAX_PORT + ")");
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw invalid(text);
		}
	}

	private static IllegalArgumentException invalid(String text) {
		return new IllegalArgumentException("'" + text + "' " + EXPECTED);
	}

}
