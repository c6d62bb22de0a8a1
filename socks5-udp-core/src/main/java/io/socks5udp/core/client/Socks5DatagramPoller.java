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
import java.io.InterruptedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5DecodeStatus;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.core.protocol.Socks5UdpHeaderDecoder;
import org.jspecify.annotations.Nullable;

/**
 * What serves {@link Socks5UdpAssociation#receive(java.time.Duration)} and
 * {@link Socks5UdpAssociation#receive(ByteBuffer, java.time.Duration)}: callers take
 * turns, and each waits, for its turn and for a datagram, in ways an interrupt ends for
 * that caller alone. Every datagram is read into one direct buffer, reused, whose header
 * is checked in place; only then is the payload copied out, into a fresh buffer or into
 * the caller's.
 *
 * @author socks5-udp authors
 */
final class Socks5DatagramPoller {

	private static final Logger logger = System.getLogger(Socks5DatagramPoller.class.getName());

	private final String name;

	private final Socks5RelayChannel channel;

	private final InetSocketAddress relay;

	private final Socks5AssociationCounters counters;

	private final ReentrantLock turn = new ReentrantLock();

	/** Guarded by {@code turn}; allocated on the first poll. */
	private @Nullable ByteBuffer buffer;

	/** Guarded by {@code turn}. */
	private final Socks5UdpHeaderDecoder decoder = new Socks5UdpHeaderDecoder();

	Socks5DatagramPoller(String name, Socks5RelayChannel channel, InetSocketAddress relay,
			Socks5AssociationCounters counters) {
		this.name = name;
		this.channel = channel;
		this.relay = relay;
		this.counters = counters;
	}

	/**
	 * Wait for the next datagram from the relay that decodes, dropping and counting the
	 * others.
	 * @param deadline the {@link System#nanoTime()} to give up at
	 * @return the datagram, its payload a fresh buffer; {@code null} at the deadline
	 * @throws InterruptedIOException if the thread is or gets interrupted before a
	 * datagram came; the interrupt status stays set
	 * @throws java.nio.channels.ClosedChannelException if the channel is or gets closed
	 * @throws IOException if receiving fails
	 */
	@Nullable Socks5UdpDatagram poll(long deadline) throws IOException {
		return (Socks5UdpDatagram) take(deadline, false, null);
	}

	/**
	 * Wait for the next datagram from the relay that decodes, dropping and counting the
	 * others, and put its payload into the caller's buffer. Allocates nothing once the
	 * first poll has allocated the receive buffer.
	 * @param into where to put the payload, at its position, which moves past it; a
	 * payload longer than its remaining space is cut to fit
	 * @param deadline the {@link System#nanoTime()} to give up at
	 * @return the datagram's source, the same instance as long as the source stays the
	 * same; {@code null} at the deadline, with the buffer untouched
	 * @throws InterruptedIOException if the thread is or gets interrupted before a
	 * datagram came; the interrupt status stays set
	 * @throws java.nio.channels.ClosedChannelException if the channel is or gets closed
	 * @throws IOException if receiving fails
	 */
	@Nullable Socks5Address pollInto(ByteBuffer into, long deadline) throws IOException {
		return (Socks5Address) take(deadline, false, into);
	}

	/**
	 * Take the next datagram from the relay if one is already waiting and decodes, and
	 * put its payload into the caller's buffer, without reading the clock: the drain of
	 * {@link Socks5UdpAssociation#receiveNow(ByteBuffer)}, called once per datagram.
	 * @param into where to put the payload, as for {@link #pollInto(ByteBuffer, long)}
	 * @return the datagram's source; {@code null} if none was waiting, if the one waiting
	 * was dropped, or if another thread has its turn
	 * @throws InterruptedIOException if the thread is interrupted; the interrupt status
	 * stays set
	 * @throws java.nio.channels.ClosedChannelException if the channel is closed
	 * @throws IOException if receiving fails
	 */
	@Nullable Socks5Address pollNowInto(ByteBuffer into) throws IOException {
		return (Socks5Address) take(0, true, into);
	}

	/**
	 * Take the next datagram in turn: into the caller's buffer, returning its source, or
	 * without one into a fresh buffer, returning the datagram.
	 * @param deadline the {@link System#nanoTime()} to give up at, unless {@code now}
	 * @param now whether to take only what is already waiting, without reading the clock
	 */
	private @Nullable Object take(long deadline, boolean now, @Nullable ByteBuffer into) throws IOException {
		if (!takeTurn(deadline, now)) {
			return null;
		}
		try {
			ByteBuffer datagram = buffer();
			Socks5Address source = pollInTurn(datagram, deadline, now);
			if (source == null) {
				return null;
			}
			int length = datagram.remaining();
			this.counters.received(length);
			if (into == null) {
				return new Socks5UdpDatagram(source, ByteBuffer.allocate(length).put(datagram).flip());
			}
			int copied = Math.min(length, into.remaining());
			into.put(into.position(), datagram, datagram.position(), copied);
			into.position(into.position() + copied);
			return source;
		}
		finally {
			this.turn.unlock();
		}
	}

	private boolean takeTurn(long deadline, boolean now) throws InterruptedIOException {
		// As the timed tryLock: an interrupted thread gets no turn, even a free one
		if (Thread.currentThread().isInterrupted()) {
			throw interrupted();
		}
		// A free turn is taken without reading the clock
		if (this.turn.tryLock()) {
			return true;
		}
		if (now) {
			return false;
		}
		try {
			return this.turn.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw interrupted();
		}
	}

	private static InterruptedIOException interrupted() {
		return new InterruptedIOException("Interrupted while waiting for a datagram");
	}

	private ByteBuffer buffer() {
		ByteBuffer buffer = this.buffer;
		if (buffer == null) {
			buffer = ByteBuffer.allocateDirect(Socks5ReceiveLoop.BUFFER_SIZE);
			this.buffer = buffer;
		}
		return buffer;
	}

	/**
	 * Read datagrams into the buffer until one from the relay decodes or the deadline
	 * passes. The clock is read only when there is nothing to take, or the datagram taken
	 * was dropped: never while datagrams that decode keep coming.
	 * @return the source of the datagram, the buffer positioned at its payload; or
	 * {@code null} at the deadline
	 */
	private @Nullable Socks5Address pollInTurn(ByteBuffer buffer, long deadline, boolean now) throws IOException {
		while (true) {
			buffer.clear();
			SocketAddress source;
			try {
				source = this.channel.receive(buffer);
			}
			catch (PortUnreachableException ex) {
				logger.log(Level.DEBUG, () -> "ICMP port unreachable from relay " + Socks5Handshake.format(this.relay)
						+ " reported on receive, association '" + this.name + "'");
				source = null;
			}
			if (source != null) {
				Socks5Address accepted = accept(source, buffer.flip());
				if (accepted != null) {
					return accepted;
				}
			}
			if (now) {
				return null;
			}
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				return null;
			}
			if (source == null) {
				this.channel.awaitReadable(remaining);
			}
		}
	}

	private @Nullable Socks5Address accept(SocketAddress source, ByteBuffer datagram) {
		if (!this.channel.isFromRelay(source)) {
			this.counters.drop(Socks5DropReason.FOREIGN_SOURCE);
			return null;
		}
		Socks5DecodeStatus status = this.decoder.decode(datagram);
		if (status != Socks5DecodeStatus.OK) {
			this.counters.drop(Socks5DropReason.of(status));
			return null;
		}
		// A datagram that decodes has a source
		return Objects.requireNonNull(this.decoder.source());
	}

}
