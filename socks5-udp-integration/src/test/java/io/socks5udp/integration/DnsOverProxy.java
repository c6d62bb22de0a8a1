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

import java.time.Duration;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.template.Socks5UdpTemplate;

import org.springframework.stereotype.Service;

/**
 * The README's template example, as written there.
 *
 * @author socks5-udp authors
 */
@Service
class DnsOverProxy {

	private final Socks5UdpTemplate template;

	DnsOverProxy(Socks5UdpTemplate template) {
		this.template = template;
		template.addListener((source, payload, route) -> {
			// every datagram that no sendAndReceive is waiting for, from every route
		});
	}

	byte[] query(byte[] request) {
		Socks5UdpDatagram reply = this.template.sendAndReceive(Socks5Address.of("dns.example.com", 53), request,
				Duration.ofSeconds(2));
		byte[] bytes = new byte[reply.payload().remaining()];
		reply.payload().get(bytes);
		return bytes;
	}

}
