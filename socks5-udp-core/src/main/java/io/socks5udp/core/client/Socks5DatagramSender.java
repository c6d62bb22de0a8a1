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
package io.socks5udp.core.client;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import io.socks5udp.core.protocol.Socks5PayloadTooLargeException;
import io.socks5udp.core.protocol.Socks5UdpHeaderCodec;

/**
 * The send side of a {@link Socks5UdpAssociation}: encodes the section 7 header in front
 * of the payload, in one of the association's {@link Socks5SendBuffers}, writes the
 * datagram to the relay and counts it. Thread-safe.
 *
 * @author socks5-udp authors
 */
final class Socks5DatagramSender {

	private static final Logger logger = System.getLogger(Socks5DatagramSender.class.getName());

	private final Socks5UdpAssociation association;

	private final Socks5RelayChannel channel;

	private final Socks5AssociationCounters counters;

	private final Socks5SendBuffers buffers = new Socks5SendBuffers(Socks5SendBuffers.defaultCount());

	Socks5DatagramSender(Socks5UdpAssociation association, Socks5RelayChannel channel,
			Socks5AssociationCounters counters) {
		this.association = association;
		this.channel = channel;
		this.counters = counters;
	}

	// See Socks5UdpAssociation.send(Socks5Address, ByteBuffer)
	void send(Socks5Address dst, ByteBuffer payload) throws IOException {
		int length = payload.remaining();
		checkSendable(dst, length);
		ByteBuffer datagram = this.buffers.acquire(Socks5UdpHeaderCodec.headerLength(dst) + length);
		int position = payload.position();
		try {
			Socks5UdpHeaderCodec.encode(dst, payload, datagram);
			transmit(datagram.flip(), length);
		}
		catch (IOException | RuntimeException ex) {
			payload.position(position);
			throw ex;
		}
		finally {
			this.buffers.release(datagram);
		}
	}

	// See Socks5UdpAssociation.send(Socks5Address, byte[], int, int)
	void send(Socks5Address dst, byte[] payload, int offset, int length) throws IOException {
		checkSendable(dst, length);
		int headerLength = Socks5UdpHeaderCodec.headerLength(dst);
		ByteBuffer datagram = this.buffers.acquire(headerLength + length);
		try {
			// Header in the headroom in front of the copied payload: no wrapper allocated
			datagram.position(headerLength).put(payload, offset, length).flip().position(headerLength);
			Socks5UdpHeaderCodec.encodeInHeadroom(dst, datagram);
			transmit(datagram, length);
		}
		finally {
			this.buffers.release(datagram);
		}
	}

	// See Socks5UdpAssociation.send(Socks5Address, ByteBuffer[], int, int). When the
	// association is or gets closed, every datagram of the burst not sent counts as
	// dropped
	void send(Socks5Address dst, ByteBuffer[] payloads, int offset, int count) throws IOException {
		for (int i = offset; i < offset + count; i++) {
			checkSize(dst, Objects.requireNonNull(payloads[i], "'payloads' must not hold null").remaining());
		}
		int sent = 0;
		try {
			if (!this.channel.batched()) {
				for (; sent < count; sent++) {
					send(dst, payloads[offset + sent]);
				}
				return;
			}
			checkOpen();
			while (sent < count) {
				sent += sendBatch(dst, payloads, offset + sent, count - sent);
				if (sent < count) {
					awaitWritable();
				}
			}
		}
		catch (Socks5AssociationClosedException ex) {
			// Every way the close is met counts the one datagram that met it
			this.counters.drop(Socks5DropReason.NO_ASSOCIATION, count - sent - 1);
			throw ex;
		}
	}

	private int sendBatch(Socks5Address dst, ByteBuffer[] payloads, int offset, int count) throws IOException {
		try {
			return this.channel.sendBatch(dst, payloads, offset, count, this.counters);
		}
		catch (PortUnreachableException ex) {
			// As in transmit: the ICMP error of an earlier datagram, reported and gone
			icmpReported();
			return 0;
		}
		catch (ClosedChannelException ex) {
			throw channelClosed(ex);
		}
	}

	private void awaitWritable() throws IOException {
		try {
			this.channel.awaitWritable();
		}
		catch (ClosedChannelException ex) {
			throw channelClosed(ex);
		}
	}

	private void checkSendable(Socks5Address dst, int length) throws Socks5AssociationClosedException {
		checkSize(dst, length);
		checkOpen();
	}

	private void checkSize(Socks5Address dst, int length) {
		int max = Socks5UdpHeaderCodec.maxPayload(dst);
		if (length > max) {
			this.counters.drop(Socks5DropReason.OVERSIZE);
			throw new Socks5PayloadTooLargeException(dst, length, max);
		}
	}

	private void checkOpen() throws Socks5AssociationClosedException {
		if (!this.association.isOpen()) {
			this.counters.drop(Socks5DropReason.NO_ASSOCIATION);
			throw this.association.end().closedException(null);
		}
	}

	private void transmit(ByteBuffer datagram, int payloadLength) throws IOException {
		try {
			try {
				this.channel.send(datagram);
			}
			catch (PortUnreachableException ex) {
				// The ICMP error of an earlier datagram failed this write; the control
				// connection, not ICMP, decides whether the relay is gone
				icmpReported();
				datagram.rewind();
				this.channel.send(datagram);
			}
		}
		catch (ClosedChannelException ex) {
			throw channelClosed(ex);
		}
		this.counters.sent(payloadLength);
	}

	private void icmpReported() {
		logger.log(Level.DEBUG,
				() -> "ICMP port unreachable from relay " + Socks5Handshake.format(this.association.relayAddress())
						+ " reported on send, association '" + this.association.name() + "'");
	}

	/** Count the datagram, end the association, and return what the caller throws. */
	private Socks5AssociationClosedException channelClosed(ClosedChannelException ex) {
		this.counters.drop(Socks5DropReason.NO_ASSOCIATION);
		this.association.end().channelFailed(ex);
		return this.association.end().closedException(ex);
	}

}
