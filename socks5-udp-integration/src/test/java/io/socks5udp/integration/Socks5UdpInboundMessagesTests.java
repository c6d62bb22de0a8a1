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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.template.Socks5UdpRoute;
import org.junit.jupiter.api.Test;

import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.support.DefaultMessageBuilderFactory;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5UdpInboundMessages}.
 *
 * @author socks5-udp authors
 */
class Socks5UdpInboundMessagesTests {

	private static final InetSocketAddress RELAY = new InetSocketAddress("127.0.0.1", 40000);

	private final DefaultMessageBuilderFactory factory = new DefaultMessageBuilderFactory();

	@Test
	void ipv4SourceThroughAServer() {
		Socks5Address source = Socks5Address.of("127.0.0.1", 5353);
		ByteBuffer payload = ByteBuffer.wrap("xxpingxx".getBytes(StandardCharsets.US_ASCII), 2, 4);
		Message<byte[]> message = Socks5UdpInboundMessages.toMessage(this.factory, source, payload,
				new Socks5UdpRoute("corp", RELAY));
		assertThat(message.getPayload()).asString(StandardCharsets.US_ASCII).isEqualTo("ping");
		assertThat(payload.position()).isEqualTo(2);
		assertThat(message.getHeaders()).containsEntry(IpHeaders.HOSTNAME, "127.0.0.1")
			.containsEntry(IpHeaders.IP_ADDRESS, "127.0.0.1")
			.containsEntry(IpHeaders.PORT, 5353)
			.containsEntry(IpHeaders.PACKET_ADDRESS, new InetSocketAddress("127.0.0.1", 5353))
			.containsEntry(Socks5UdpHeaders.SOURCE, source)
			.containsEntry(Socks5UdpHeaders.SERVER_NAME, "corp")
			.containsEntry(Socks5UdpHeaders.RELAY_ADDRESS, RELAY)
			.containsEntry(Socks5UdpHeaders.ADDRESS_TYPE, "IPV4");
	}

	@Test
	void ipv6SourceIsSpeltAsTheIpModuleSpellsIt() {
		Socks5Address source = Socks5Address.of("::1", 53);
		Message<byte[]> message = Socks5UdpInboundMessages.toMessage(this.factory, source, new byte[] { 1 },
				new Socks5UdpRoute("corp", RELAY));
		assertThat(message.getHeaders()).containsEntry(IpHeaders.IP_ADDRESS, "0:0:0:0:0:0:0:1")
			.containsEntry(IpHeaders.HOSTNAME, "0:0:0:0:0:0:0:1")
			.containsEntry(Socks5UdpHeaders.ADDRESS_TYPE, "IPV6");
	}

	@Test
	void domainSourceIsNeitherResolvedNorGivenAnIpAddress() {
		Socks5Address source = Socks5Address.domain("dns.example", 53);
		Message<byte[]> message = Socks5UdpInboundMessages.toMessage(this.factory, source, new byte[] { 1 },
				new Socks5UdpRoute("corp", RELAY));
		assertThat(message.getHeaders()).containsEntry(IpHeaders.HOSTNAME, "dns.example")
			.doesNotContainKey(IpHeaders.IP_ADDRESS)
			.containsEntry(Socks5UdpHeaders.ADDRESS_TYPE, "DOMAIN");
		InetSocketAddress packetAddress = message.getHeaders().get(IpHeaders.PACKET_ADDRESS, InetSocketAddress.class);
		assertThat(packetAddress.isUnresolved()).isTrue();
		assertThat(packetAddress.getHostString()).isEqualTo("dns.example");
	}

	@Test
	void directRouteHasNoRelayAddress() {
		Message<byte[]> message = Socks5UdpInboundMessages.toMessage(this.factory, Socks5Address.of("127.0.0.1", 53),
				new byte[] { 1 }, Socks5UdpRoute.DIRECT);
		assertThat(message.getHeaders()).containsEntry(Socks5UdpHeaders.SERVER_NAME, "DIRECT")
			.doesNotContainKey(Socks5UdpHeaders.RELAY_ADDRESS);
	}

}
