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

import org.springframework.integration.ip.IpHeaders;

/**
 * Names of the message headers that the SOCKS5 UDP endpoints add to the {@link IpHeaders}
 * ones ({@link IpHeaders#HOSTNAME}, {@link IpHeaders#IP_ADDRESS}, {@link IpHeaders#PORT},
 * {@link IpHeaders#PACKET_ADDRESS}) that describe the remote source of a datagram. The
 * inbound channel adapter and the replies of the outbound gateway carry them all, but
 * {@link IpHeaders#IP_ADDRESS} is absent when the relay reported the source as a domain
 * name, which is never resolved locally.
 *
 * @author socks5-udp authors
 */
public final class Socks5UdpHeaders {

	/**
	 * Prefix of every header name defined here.
	 */
	public static final String PREFIX = "socks5udp_";

	/**
	 * Logical name of the SOCKS5 server whose association relayed the datagram, as
	 * configured under {@code socks5.udp.servers}, or {@code DIRECT} for a datagram that
	 * came without a server; a {@code String}.
	 */
	public static final String SERVER_NAME = PREFIX + "serverName";

	/**
	 * UDP address of the relay that the datagram came from; an
	 * {@link java.net.InetSocketAddress}. Absent for a datagram that came without a
	 * server.
	 */
	public static final String RELAY_ADDRESS = PREFIX + "relayAddress";

	/**
	 * Address type of the remote source as the relay reported it in the SOCKS5 UDP
	 * header: {@code IPV4}, {@code IPV6} or {@code DOMAIN}; a {@code String}.
	 */
	public static final String ADDRESS_TYPE = PREFIX + "addressType";

	/**
	 * Remote source of the datagram as the relay reported it; a
	 * {@link io.socks5udp.core.protocol.Socks5Address}. Unlike
	 * {@link IpHeaders#PACKET_ADDRESS} it keeps a domain name unresolved.
	 */
	public static final String SOURCE = PREFIX + "source";

	private Socks5UdpHeaders() {
	}

}
