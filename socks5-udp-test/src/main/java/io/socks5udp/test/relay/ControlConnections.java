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
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpHeaderCodec;

/**
 * The relay's open control connections: what its connection limit counts, what it closes
 * when it closes, and where the faults it triggers on open associations go.
 *
 * @author socks5-udp authors
 */
final class ControlConnections {

	private static final byte[] FOREIGN_PAYLOAD = { 'f', 'o', 'r', 'e', 'i', 'g', 'n' };

	private final Set<ControlConnection> open = ConcurrentHashMap.newKeySet();

	void add(ControlConnection connection) {
		this.open.add(connection);
	}

	void remove(ControlConnection connection) {
		this.open.remove(connection);
	}

	int size() {
		return this.open.size();
	}

	/**
	 * Close every control connection, which ends their associations.
	 * @param reset whether to reset them instead of closing them gracefully
	 * @return how many were closed
	 */
	int closeAll(boolean reset) {
		int count = 0;
		for (ControlConnection connection : this.open) {
			connection.close(reset);
			count++;
		}
		return count;
	}

	/**
	 * Send a datagram to the client of every open association from its relay socket.
	 * @param datagram the whole datagram
	 * @param count how many times to each client
	 * @return how many datagrams were sent in all
	 * @throws IOException if sending fails
	 */
	int sendToClients(byte[] datagram, int count) throws IOException {
		int sent = 0;
		for (ControlConnection connection : this.open) {
			Association association = connection.association();
			for (int i = 0; association != null && association.isOpen() && i < count; i++) {
				if (association.sendToClient(datagram)) {
					sent++;
				}
			}
		}
		return sent;
	}

	/**
	 * Send a well-formed datagram to the client of every open association from a socket
	 * that is not its relay socket.
	 * @param count how many to each client
	 * @return how many datagrams were sent in all
	 * @throws IOException if sending fails
	 */
	int sendFromForeignSource(int count) throws IOException {
		int sent = 0;
		for (ControlConnection connection : this.open) {
			Association association = connection.association();
			if (association == null || !association.isOpen()) {
				continue;
			}
			Socks5Address source = Socks5Address.of(association.boundAddress());
			ByteBuffer datagram = ByteBuffer
				.allocate(Socks5UdpHeaderCodec.headerLength(source) + FOREIGN_PAYLOAD.length);
			Socks5UdpHeaderCodec.encode(source, ByteBuffer.wrap(FOREIGN_PAYLOAD), datagram);
			for (int i = 0; i < count; i++) {
				if (association.sendToClientFromForeignSource(datagram.array())) {
					sent++;
				}
			}
		}
		return sent;
	}

}
