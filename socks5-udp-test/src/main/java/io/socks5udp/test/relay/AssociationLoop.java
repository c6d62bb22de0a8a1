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
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

import org.jspecify.annotations.Nullable;

/**
 * One direction of an association's relaying, run on its own thread until the association
 * closes: receives each datagram on one channel into one reused buffer (after a headroom
 * the direction may need), and hands it to {@link #relay(InetSocketAddress, ByteBuffer)},
 * counting the ones it refuses. A failure other than the close itself ends the whole
 * association: a half-working association would lose datagrams silently.
 *
 * @author socks5-udp authors
 */
abstract class AssociationLoop implements Runnable {

	/** Larger than any UDP payload, so that no datagram is ever truncated. */
	private static final int DATAGRAM_SIZE = 65536;

	protected final Association association;

	protected final DatagramForwarder forwarder;

	private final DatagramChannel channel;

	private final int headroom;

	/**
	 * Create a loop.
	 * @param association the association
	 * @param forwarder sends the datagrams on and counts them
	 * @param channel the channel this direction receives on
	 * @param headroom the bytes kept free in front of each received datagram
	 */
	AssociationLoop(Association association, DatagramForwarder forwarder, DatagramChannel channel, int headroom) {
		this.association = association;
		this.forwarder = forwarder;
		this.channel = channel;
		this.headroom = headroom;
	}

	/**
	 * Relay one datagram, or say why not.
	 * @param source where it came from
	 * @param datagram the datagram, after the headroom; the buffer is reused for the next
	 * @return why it was not relayed, or {@code null} if it was
	 * @throws IOException when a channel fails or is closed
	 */
	abstract @Nullable RefusalReason relay(InetSocketAddress source, ByteBuffer datagram) throws IOException;

	@Override
	public final void run() {
		try {
			relayUntilClosed();
		}
		catch (ClosedChannelException ex) {
			// The association was closed
		}
		catch (IOException | RuntimeException ex) {
			this.association.close();
		}
	}

	private void relayUntilClosed() throws IOException {
		ByteBuffer buffer = ByteBuffer.allocateDirect(this.headroom + DATAGRAM_SIZE);
		while (true) {
			buffer.clear().position(this.headroom);
			InetSocketAddress source = receive(buffer);
			buffer.limit(buffer.position()).position(this.headroom);
			RefusalReason refusal = relay(source, buffer);
			if (refusal != null) {
				this.forwarder.refuse(refusal);
			}
		}
	}

	/**
	 * Receive the next datagram, skipping the ICMP port-unreachable errors that earlier
	 * sends from the channel left behind: one unreachable peer must not end the
	 * association.
	 */
	private InetSocketAddress receive(ByteBuffer buffer) throws IOException {
		while (true) {
			try {
				return (InetSocketAddress) this.channel.receive(buffer);
			}
			catch (PortUnreachableException ex) {
				// An ICMP error for an earlier datagram: the peer may come back, others
				// answer
			}
		}
	}

}
