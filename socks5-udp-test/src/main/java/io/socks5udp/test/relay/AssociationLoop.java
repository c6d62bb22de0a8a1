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

import org.jspecify.annotations.Nullable;

/**
 * What one direction of an association does with each datagram it receives:
 * {@link #relay(InetSocketAddress, ByteBuffer)} checks it, rewrites its header in place
 * and sends it on through the direction's {@link DatagramIo}, or says why not (the I/O
 * counts the refusal). The I/O's thread calls it for every datagram.
 *
 * @author socks5-udp authors
 */
abstract class AssociationLoop {

	protected final Association association;

	private final DatagramIo io;

	/**
	 * Create a loop.
	 * @param association the association
	 * @param io how this direction receives and sends
	 */
	AssociationLoop(Association association, DatagramIo io) {
		this.association = association;
		this.io = io;
	}

	/**
	 * Relay one datagram, or say why not.
	 * @param source where it came from
	 * @param datagram the datagram, after the headroom; the buffer is reused for the next
	 * @return why it was not relayed, or {@code null} if it was
	 * @throws IOException when a channel fails or is closed
	 */
	abstract @Nullable RefusalReason relay(InetSocketAddress source, ByteBuffer datagram) throws IOException;

	/**
	 * Send a datagram on, through this direction's I/O.
	 * @param datagram its remaining bytes
	 * @param target where to
	 */
	protected final void send(ByteBuffer datagram, InetSocketAddress target) {
		this.io.send(datagram, target);
	}

}
