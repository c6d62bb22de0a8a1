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

import java.net.InetAddress;
import java.nio.ByteBuffer;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressType;
import io.socks5udp.template.Socks5UdpRoute;

import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.support.AbstractIntegrationMessageBuilder;
import org.springframework.integration.support.MessageBuilderFactory;
import org.springframework.messaging.Message;

/**
 * Builds the message for a received datagram, with the headers that the ip module's UDP
 * adapters set for the remote source (spelt as they spell it, without reverse lookup) and
 * the {@link Socks5UdpHeaders} ones. Never looks a name up: a source the relay reported
 * as a domain name has no {@link IpHeaders#IP_ADDRESS} header and an unresolved
 * {@link IpHeaders#PACKET_ADDRESS}.
 *
 * @author socks5-udp authors
 */
final class Socks5UdpInboundMessages {

	private Socks5UdpInboundMessages() {
	}

	static Message<byte[]> toMessage(MessageBuilderFactory factory, Socks5Address source, ByteBuffer payload,
			Socks5UdpRoute route) {
		byte[] bytes = new byte[payload.remaining()];
		payload.duplicate().get(bytes);
		return toMessage(factory, source, bytes, route);
	}

	static Message<byte[]> toMessage(MessageBuilderFactory factory, Socks5Address source, byte[] payload,
			Socks5UdpRoute route) {
		InetAddress ip = source.inetAddress();
		// The ip module's adapters spell addresses as InetAddress.getHostAddress() does.
		String host = (ip != null) ? ip.getHostAddress() : source.host();
		AbstractIntegrationMessageBuilder<byte[]> builder = factory.withPayload(payload)
			.setHeader(IpHeaders.HOSTNAME, host)
			.setHeader(IpHeaders.PORT, source.port())
			.setHeader(IpHeaders.PACKET_ADDRESS, source.toInetSocketAddress())
			.setHeader(Socks5UdpHeaders.SOURCE, source)
			.setHeader(Socks5UdpHeaders.ADDRESS_TYPE, addressType(source.type()))
			.setHeader(Socks5UdpHeaders.SERVER_NAME, route.serverName());
		if (ip != null) {
			builder.setHeader(IpHeaders.IP_ADDRESS, host);
		}
		if (route.relayAddress() != null) {
			builder.setHeader(Socks5UdpHeaders.RELAY_ADDRESS, route.relayAddress());
		}
		return builder.build();
	}

	static String addressType(Socks5AddressType type) {
		if (Socks5AddressType.IPV4.equals(type)) {
			return "IPV4";
		}
		if (Socks5AddressType.IPV6.equals(type)) {
			return "IPV6";
		}
		return Socks5AddressType.DOMAIN.equals(type) ? "DOMAIN" : "UNKNOWN";
	}

}
