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

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

import io.socks5udp.core.protocol.Socks5Address;
import org.jspecify.annotations.Nullable;

/**
 * The UDP channel of an association: a {@link SharedDatagramChannel}, so that no
 * interrupt can close it, that knows its relay: where datagrams go, and which source
 * replies may come from.
 *
 * @author socks5-udp authors
 */
final class Socks5RelayChannel implements Closeable {

	private final SharedDatagramChannel channel;

	private final InetSocketAddress relay;

	private final boolean connected;

	private final @Nullable Socks5BatchedIo batched;

	/**
	 * Take over a channel, putting it in non-blocking mode.
	 * @param channel the channel, bound, and connected to the relay if {@code connected}
	 * @param relay the relay's address
	 * @param connected whether the channel is connected to the relay
	 * @throws IOException if the channel cannot be put in non-blocking mode
	 */
	Socks5RelayChannel(DatagramChannel channel, InetSocketAddress relay, boolean connected) throws IOException {
		this(channel, relay, connected, false);
	}

	/**
	 * Take over a channel, putting it in non-blocking mode, with or without batched I/O.
	 * @param channel the channel, bound, and connected to the relay if {@code connected}
	 * @param relay the relay's address
	 * @param connected whether the channel is connected to the relay
	 * @param batchedIo whether to receive and send batches with {@code recvmmsg} and
	 * {@code sendmmsg} ({@link Socks5BatchedIo}); needs a connected channel
	 * @throws IOException if the channel cannot be put in non-blocking mode
	 * @throws IllegalStateException if batched I/O is asked for and cannot be used here
	 */
	Socks5RelayChannel(DatagramChannel channel, InetSocketAddress relay, boolean connected, boolean batchedIo)
			throws IOException {
		if (batchedIo && !connected) {
			throw new IllegalArgumentException("batched I/O needs a channel connected to the relay");
		}
		this.batched = batchedIo ? new Socks5BatchedIo(channel) : null;
		this.channel = new SharedDatagramChannel(channel);
		this.relay = relay;
		this.connected = connected;
	}

	/**
	 * Whether a received datagram came from the relay: always on a connected channel,
	 * where the kernel drops every other source; otherwise only from the relay's address.
	 * The one source filter of the association's receive paths.
	 * @param source the datagram's source
	 * @return whether it came from the relay
	 */
	boolean isFromRelay(SocketAddress source) {
		return this.connected || this.relay.equals(source);
	}

	/**
	 * Send one datagram to the relay, waiting for room if the socket's send buffer is
	 * full. A datagram goes whole or not at all.
	 * @param datagram the datagram, from its position to its limit
	 * @throws InterruptedIOException if the thread is or gets interrupted while it has to
	 * wait for room; nothing is sent and the interrupt status stays set
	 * @throws ClosedChannelException if the channel is or gets closed
	 * @throws IOException if sending fails
	 */
	void send(ByteBuffer datagram) throws IOException {
		this.channel.send(datagram, this.connected ? null : this.relay);
	}

	/**
	 * Return whether the channel receives and sends in batches ({@link Socks5BatchedIo}).
	 * @return whether batched I/O is on
	 */
	boolean batched() {
		return this.batched != null;
	}

	/**
	 * Send payloads to one destination through the relay with batched I/O, as many per
	 * system call as fit in a batch, until all went or the socket's send buffer is full;
	 * never waits for room.
	 * @return how many were sent
	 * @throws IllegalStateException if the channel has no batched I/O
	 * @see Socks5BatchedIo#send(Socks5Address, ByteBuffer[], int, int,
	 * Socks5AssociationCounters)
	 */
	int sendBatch(Socks5Address dst, ByteBuffer[] payloads, int offset, int count, Socks5AssociationCounters counters)
			throws IOException {
		Socks5BatchedIo batched = this.batched;
		if (batched == null) {
			throw new IllegalStateException("no batched I/O");
		}
		return batched.send(dst, payloads, offset, count, counters);
	}

	/**
	 * Wait until the socket's send buffer has room or the channel closes.
	 * @throws InterruptedIOException if the thread is or gets interrupted; the interrupt
	 * status stays set
	 * @throws ClosedChannelException if the channel is or gets closed
	 * @throws IOException if waiting fails
	 * @see SharedDatagramChannel#awaitWritable()
	 */
	void awaitWritable() throws IOException {
		this.channel.awaitWritable();
	}

	/**
	 * Receive one datagram if one is waiting; never blocks.
	 * @param buffer where to put the datagram
	 * @return the datagram's source, or {@code null} if none was waiting
	 * @throws ClosedChannelException if the channel is closed
	 * @throws IOException if receiving fails, for example on an ICMP port unreachable
	 */
	@Nullable SocketAddress receive(ByteBuffer buffer) throws IOException {
		Socks5BatchedIo batched = this.batched;
		if (batched != null) {
			// Connected: every datagram comes from the relay
			return batched.receive(buffer) ? this.relay : null;
		}
		return this.channel.receive(buffer);
	}

	/**
	 * Receive the next datagram for the receive loop, whose interrupts are ignored.
	 * @param buffer where to put the datagram
	 * @return the datagram's source
	 * @throws ClosedChannelException if the channel is or gets closed
	 * @throws IOException if receiving fails, for example on an ICMP port unreachable
	 * @see SharedDatagramChannel#receiveIgnoringInterrupts(ByteBuffer)
	 */
	SocketAddress receiveIgnoringInterrupts(ByteBuffer buffer) throws IOException {
		Socks5BatchedIo batched = this.batched;
		if (batched == null) {
			return this.channel.receiveIgnoringInterrupts(buffer);
		}
		while (!batched.receive(buffer)) {
			Thread.interrupted();
			try {
				this.channel.awaitReadable(0);
			}
			catch (InterruptedIOException ex) {
				// Cleared before the next wait
			}
		}
		return this.relay;
	}

	/**
	 * Wait until a datagram is waiting, the timeout passes or the channel closes. One
	 * thread at a time.
	 * @param timeoutNanos how long to wait at most, zero for no limit
	 * @throws InterruptedIOException if the thread is or gets interrupted; the interrupt
	 * status stays set
	 * @throws ClosedChannelException if the channel is or gets closed
	 * @throws IOException if waiting fails
	 */
	void awaitReadable(long timeoutNanos) throws IOException {
		this.channel.awaitReadable(timeoutNanos);
	}

	/**
	 * Return whether the channel is open.
	 * @return whether the channel is open
	 */
	boolean isOpen() {
		return this.channel.isOpen();
	}

	/**
	 * Close the channel and its selectors, waking every thread that waits on them.
	 * Idempotent.
	 */
	@Override
	public void close() {
		Socks5BatchedIo batched = this.batched;
		if (batched != null) {
			batched.close(this.channel::close);
		}
		else {
			this.channel.close();
		}
	}

}
