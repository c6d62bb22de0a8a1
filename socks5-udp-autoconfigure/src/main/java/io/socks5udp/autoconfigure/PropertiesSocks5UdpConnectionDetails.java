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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Socks5UdpConnectionDetails} from the {@code socks5.udp.servers.*} properties.
 *
 * @author socks5-udp authors
 */
class PropertiesSocks5UdpConnectionDetails implements Socks5UdpConnectionDetails {

	private final Socks5UdpProperties properties;

	PropertiesSocks5UdpConnectionDetails(Socks5UdpProperties properties) {
		this.properties = properties;
	}

	@Override
	public Map<String, Server> getServers() {
		Map<String, Server> servers = new LinkedHashMap<>();
		this.properties.getServers()
			.forEach((name, server) -> servers.put(name,
					Server.of(server.getHost(), server.getPort(), server.getUsername(), server.getPassword())));
		return servers;
	}

}
