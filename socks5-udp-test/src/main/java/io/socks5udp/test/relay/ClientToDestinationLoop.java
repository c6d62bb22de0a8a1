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
import java.util.Objects;

import io.socks5udp.core.protocol.Socks5DecodeStatus;
import io.socks5udp.core.protocol.Socks5UdpHeaderDecoder;
import org.jspecify.annotations.Nullable;

/**
 * Relays datagrams from the client to their destinations: checks the source, decodes the
 * header in place and sends the payload, without copying or allocating per datagram.
 *
 * @author socks5-udp authors
 */
final class ClientToDestinationLoop extends AssociationLoop {

	private final Socks5UdpHeaderDecoder decoder = new Socks5UdpHeaderDecoder();

	private final DestinationResolver resolver = new DestinationResolver();

	ClientToDestinationLoop(Association association, DatagramIo io) {
		super(association, io);
	}

	@Override
	@Nullable RefusalReason relay(InetSocketAddress source, ByteBuffer datagram) {
		if (!this.association.acceptFromClient(source)) {
			return RefusalReason.FOREIGN_SOURCE;
		}
		Socks5DecodeStatus status = this.decoder.decode(datagram);
		if (status != Socks5DecodeStatus.OK) {
			return (status == Socks5DecodeStatus.FRAGMENTED) ? RefusalReason.FRAGMENT : RefusalReason.MALFORMED;
		}
		// A datagram that decodes has a source
		InetSocketAddress target = this.resolver.resolve(Objects.requireNonNull(this.decoder.source()));
		if (target == null) {
			return RefusalReason.UNRESOLVED;
		}
		send(datagram, target);
		return null;
	}

}
