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
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * One datagram per system call: a blocking {@code receive} into one reused direct buffer
 * (after a headroom the direction may need), and a {@code send} for each datagram
 * relayed.
 *
 * @author socks5-udp authors
 */
final class ChannelDatagramIo implements DatagramIo {

	/** Larger than any UDP payload, so that no datagram is ever truncated. */
	static final int DATAGRAM_SIZE = 65536;

	private final DatagramChannel receiveChannel;

	private final DatagramChannel sendChannel;

	private final int headroom;

	private final DatagramForwarder forwarder;

	private final boolean toClient;

	/**
	 * Create the I/O of one direction.
	 * @param receiveChannel the channel it receives on
	 * @param sendChannel the channel it sends from
	 * @param headroom the bytes kept free in front of each received datagram
	 * @param forwarder applies the faults and counts
	 * @param toClient whether it sends to the client
	 */
	ChannelDatagramIo(DatagramChannel receiveChannel, DatagramChannel sendChannel, int headroom,
			DatagramForwarder forwarder, boolean toClient) {
		this.receiveChannel = receiveChannel;
		this.sendChannel = sendChannel;
		this.headroom = headroom;
		this.forwarder = forwarder;
		this.toClient = toClient;
	}

	/**
	 * Receive datagrams and hand each to the loop until the association closes.
	 * @param loop relays each datagram, calling {@link #send} for the ones it relays
	 * @throws IOException when receiving fails, or with
	 * {@link java.nio.channels.ClosedChannelException} when the association closed
	 */
	void relayUntilClosed(AssociationLoop loop) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocateDirect(this.headroom + DATAGRAM_SIZE);
		while (true) {
			buffer.clear().position(this.headroom);
			InetSocketAddress source = receive(buffer);
			buffer.limit(buffer.position()).position(this.headroom);
			RefusalReason refusal = loop.relay(source, buffer);
			if (refusal != null) {
				this.forwarder.refuse(refusal);
			}
		}
	}

	@Override
	public void send(ByteBuffer datagram, InetSocketAddress target) {
		this.forwarder.forward(this.sendChannel, datagram, target, this.toClient);
	}

	/**
	 * Receive the next datagram, skipping the ICMP port-unreachable errors that earlier
	 * sends from the channel left behind: one unreachable peer must not end the
	 * association.
	 */
	private InetSocketAddress receive(ByteBuffer buffer) throws IOException {
		while (true) {
			try {
				return (InetSocketAddress) this.receiveChannel.receive(buffer);
			}
			catch (PortUnreachableException ex) {
				// An ICMP error for an earlier datagram: the peer may come back, others
				// answer
			}
		}
	}

}
