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
package io.socks5udp.test.relay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5AssociationOptionsBuilder;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpDatagram;

/**
 * Opens associations of the core client through an embedded relay, for tests.
 *
 * @author socks5-udp authors
 */
final class RelayClients {

	static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(10);

	private RelayClients() {
	}

	static Socks5UdpAssociation open(EmbeddedSocks5Relay relay) throws IOException {
		return open(relay, (options) -> {
		});
	}

	static Socks5UdpAssociation open(EmbeddedSocks5Relay relay, Consumer<Socks5AssociationOptionsBuilder> customizer)
			throws IOException {
		Socks5AssociationOptionsBuilder options = Socks5AssociationOptions.builder(relay.host(), relay.port());
		customizer.accept(options);
		return Socks5UdpAssociation.open(options.build());
	}

	/**
	 * Send a text and wait for the next datagram.
	 */
	static Socks5UdpDatagram roundTrip(Socks5UdpAssociation association, Socks5Address destination, String text)
			throws IOException {
		association.send(destination, text.getBytes(StandardCharsets.UTF_8));
		return association.receive(RECEIVE_TIMEOUT);
	}

	static String text(Socks5UdpDatagram datagram) {
		if (datagram == null) {
			return null;
		}
		byte[] bytes = new byte[datagram.payload().remaining()];
		datagram.payload().duplicate().get(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
