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

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpHeaderCodec;
import org.jspecify.annotations.Nullable;

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

	private final SourceAddressCache sources = new SourceAddressCache();

	DestinationToClientLoop(Association association, DatagramIo io) {
		super(association, io);
	}

	@Override
	@Nullable RefusalReason relay(InetSocketAddress from, ByteBuffer datagram) {
		InetSocketAddress client = this.association.clientAddress();
		if (client == null) {
			return RefusalReason.NO_CLIENT_ADDRESS;
		}
		Socks5Address source = this.sources.of(from);
		if (datagram.remaining() > Socks5UdpHeaderCodec.maxPayload(source)) {
			return RefusalReason.OVERSIZE;
		}
		Socks5UdpHeaderCodec.encodeInHeadroom(source, datagram);
		send(datagram, client);
		return null;
	}

}
