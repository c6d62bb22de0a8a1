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

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpHeaderCodec;

/**
 * Relays replies from destinations to the client: receives each reply after a headroom,
 * writes the header with the reply's source in front of it and sends the whole, without
 * copying or allocating per datagram.
 *
 * @author socks5-udp authors
 */
final class DestinationToClientLoop extends AssociationLoop {

	/** Room for the longest header with an IP address: RSV, FRAG, ATYP, IPv6, port. */
	static final int HEADROOM = 3 + 1 + 16 + 2;

	private static final int BUFFER_SIZE = HEADROOM + 65536;

	DestinationToClientLoop(Association association, DatagramForwarder forwarder) {
		super(association, forwarder);
	}

	@Override
	void relay() throws IOException {
		ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
		SourceAddressCache sources = new SourceAddressCache();
		while (true) {
			buffer.clear().position(HEADROOM);
			InetSocketAddress from = DatagramForwarder.receive(this.association.externalChannel(), buffer);
			buffer.limit(buffer.position()).position(HEADROOM);
			InetSocketAddress client = this.association.clientAddress();
			if (client == null) {
				this.forwarder.refuse(RefusalReason.NO_CLIENT_ADDRESS);
				continue;
			}
			Socks5Address source = sources.of(from);
			if (buffer.remaining() > Socks5UdpHeaderCodec.maxPayload(source)) {
				this.forwarder.refuse(RefusalReason.OVERSIZE);
				continue;
			}
			Socks5UdpHeaderCodec.encodeInHeadroom(source, buffer);
			this.forwarder.forward(this.association.clientChannel(), buffer, client, true);
		}
	}

}
