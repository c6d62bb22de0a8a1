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
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

import io.socks5udp.core.protocol.Socks5DecodeStatus;
import io.socks5udp.core.protocol.Socks5UdpHeaderDecoder;

/**
 * Relays datagrams from the client to their destinations: checks the source, decodes the
 * header in place and sends the payload, without copying or allocating per datagram.
 *
 * @author socks5-udp authors
 */
final class ClientToDestinationLoop extends AssociationLoop {

	private static final int BUFFER_SIZE = 65536;

	ClientToDestinationLoop(Association association, DatagramForwarder forwarder) {
		super(association, forwarder);
	}

	@Override
	void relay() throws IOException {
		ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
		Socks5UdpHeaderDecoder decoder = new Socks5UdpHeaderDecoder();
		DestinationResolver resolver = new DestinationResolver();
		while (true) {
			buffer.clear();
			InetSocketAddress source = DatagramForwarder.receive(this.association.clientChannel(), buffer);
			buffer.flip();
			if (!this.association.acceptFromClient(source)) {
				this.forwarder.refuse(RefusalReason.FOREIGN_SOURCE);
				continue;
			}
			Socks5DecodeStatus status = decoder.decode(buffer);
			if (status != Socks5DecodeStatus.OK) {
				this.forwarder.refuse(
						(status == Socks5DecodeStatus.FRAGMENTED) ? RefusalReason.FRAGMENT : RefusalReason.MALFORMED);
				continue;
			}
			// A datagram that decodes has a source
			InetSocketAddress target = resolver.resolve(Objects.requireNonNull(decoder.source()));
			if (target == null) {
				this.forwarder.refuse(RefusalReason.UNRESOLVED);
				continue;
			}
			this.forwarder.forward(this.association.externalChannel(), buffer, target, false);
		}
	}

}
