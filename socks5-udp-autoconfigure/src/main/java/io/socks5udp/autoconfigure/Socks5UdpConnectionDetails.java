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

import java.util.Map;

import io.socks5udp.core.protocol.Socks5AddressText;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the SOCKS5 servers are and who to log in as: by default from the
 * {@code socks5.udp.servers.*} properties; a {@code @ServiceConnection} (a Dante
 * container in tests) can supply them instead. Every other setting of a server (timeouts,
 * relay and associate address policies) comes from the properties of the same name.
 *
 * @author socks5-udp authors
 */
public interface Socks5UdpConnectionDetails extends ConnectionDetails {

	/**
	 * Return the servers by logical name, the name that rules refer to.
	 * @return the servers, in a stable order
	 */
	Map<String, Server> getServers();

	/**
	 * A SOCKS5 server.
	 */
	interface Server {

		/**
		 * Return the server's host name or IP address.
		 * @return the host, or {@code null} when it is not configured (the
		 * auto-configuration then fails, naming the property to set)
		 */
		@Nullable String getHost();

		/**
		 * Return the server's port.
		 * @return the port
		 */
		int getPort();

		/**
		 * Return the username for RFC 1929 authentication.
		 * @return the username, or {@code null} for no authentication
		 */
		default @Nullable String getUsername() {
			return null;
		}

		/**
		 * Return the password for RFC 1929 authentication.
		 * @return the password, or {@code null}
		 */
		default @Nullable String getPassword() {
			return null;
		}

		/**
		 * Return a server.
		 * @param host the host name or IP address, or {@code null} when not configured
		 * @param port the port
		 * @param username the username, or {@code null} for no authentication
		 * @param password the password, or {@code null}
		 * @return the server
		 */
		static Server of(@Nullable String host, int port, @Nullable String username, @Nullable String password) {
			return new Server() {

				@Override
				public @Nullable String getHost() {
					return host;
				}

				@Override
				public int getPort() {
					return port;
				}

				@Override
				public @Nullable String getUsername() {
					return username;
				}

				@Override
				public @Nullable String getPassword() {
					return password;
				}

				@Override
				public String toString() {
					return "Server["
							+ ((host != null) ? Socks5AddressText.hostAndPort(host, port) : "(no host):" + port)
							+ ((username != null) ? ", user " + username : "") + "]";
				}

			};
		}

	}

}
