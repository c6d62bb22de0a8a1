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
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

import io.socks5udp.core.nativeio.MessageHeaders;
import io.socks5udp.core.nativeio.NativeSockets;
import io.socks5udp.core.nativeio.SocketCaller;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpHeaderCodec;
import org.jspecify.annotations.Nullable;

/**
 * Batched I/O on an association's connected UDP channel: receiving takes every datagram
 * waiting, up to {@value #BATCH}, with one {@code recvmmsg} and hands them out one by
 * one; sending puts up to {@value #BATCH} datagrams in one {@code sendmmsg}. Linux, Java
 * 22 or later ({@link NativeSockets}).
 * <p>
 * The channel's file descriptor is used directly, so every native call, and every use of
 * the native memory, happens under a read lock that {@link #close(Runnable)} takes for
 * writing before it closes the channel: a descriptor number that the kernel gives to
 * another socket once the channel is closed is never used, and no memory is used after it
 * is freed. One thread at a time receives (the association's receive turn, or its receive
 * loop); senders take turns on a lock of their own.
 *
 * @author socks5-udp authors
 */
final class Socks5BatchedIo {

	/** The most datagrams moved per system call. */
	static final int BATCH = 32;

	/** A receive slot holds the largest UDP datagram. */
	private static final int RECEIVE_SLOT = 65536;

	/** The smallest send slot. */
	private static final int MIN_SEND_SLOT = 2048;

	private static final int STRUCTS_SIZE = BATCH * (MessageHeaders.MMSGHDR_SIZE + MessageHeaders.IOVEC_SIZE);

	private final int fd;

	private final StampedLock use = new StampedLock();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final Side receiving = new Side();

	private final Side sending = new Side();

	private final ReentrantLock sendTurn = new ReentrantLock();

	/** Guarded by the receive turn: datagrams received and not yet handed out. */
	private int received;

	private int next;

	/**
	 * Prepare batched I/O on a channel; nothing is allocated until first used.
	 * @param channel the channel, connected
	 * @throws IllegalStateException if batched I/O cannot be used here, saying why
	 */
	Socks5BatchedIo(DatagramChannel channel) {
		NativeSockets.checkAvailable();
		this.fd = NativeSockets.fileDescriptor(channel);
	}

	/**
	 * Copy the next datagram into a buffer, taking every datagram waiting with one
	 * {@code recvmmsg} when none is left from the last; never blocks. One thread at a
	 * time.
	 * @param buffer where to put the datagram, cut to its remaining space
	 * @return whether a datagram was put
	 * @throws PortUnreachableException on an ICMP port unreachable for an earlier
	 * datagram
	 * @throws ClosedChannelException if the channel is closed
	 * @throws IOException if receiving fails
	 */
	boolean receive(ByteBuffer buffer) throws IOException {
		long stamp = readLock();
		try {
			if (this.next == this.received && !receiveBatch()) {
				return false;
			}
			ByteBuffer data = this.receiving.data();
			ByteBuffer structs = this.receiving.structs().buffer();
			int index = this.next++;
			int length = Math.min(structs.getInt(message(index) + MessageHeaders.MSG_LEN), buffer.remaining());
			int start = index * RECEIVE_SLOT;
			buffer.put(buffer.position(), data, start, length);
			buffer.position(buffer.position() + length);
			return true;
		}
		finally {
			this.use.unlockRead(stamp);
		}
	}

	private boolean receiveBatch() throws IOException {
		Side side = this.receiving;
		if (side.caller == null) {
			side.allocate(RECEIVE_SLOT);
		}
		this.next = 0;
		this.received = 0;
		SocketCaller caller = side.caller();
		while (true) {
			int count = caller.recvmmsg(this.fd, side.structs().address(), BATCH, NativeSockets.MSG_DONTWAIT);
			if (count > 0) {
				this.received = count;
				return true;
			}
			int errno = (count < 0) ? caller.errno() : NativeSockets.EAGAIN;
			if (errno == NativeSockets.EAGAIN) {
				return false;
			}
			if (errno != NativeSockets.EINTR) {
				throw failure("recvmmsg", errno);
			}
		}
	}

	/**
	 * Send payloads to one destination, each in a datagram with its section 7 header, in
	 * order, as many per {@code sendmmsg} as fit in a batch; never blocks (beyond waiting
	 * for another sender's turn) and counts each datagram sent.
	 * @param dst the destination, every payload checked to fit
	 * @param payloads the payloads, each from its position to its limit; the position of
	 * each one sent moves to its limit, the others' stay
	 * @param offset the first payload to send
	 * @param count how many to send
	 * @param counters where to count the datagrams sent
	 * @return how many were sent, fewer than {@code count} when the socket's send buffer
	 * filled
	 * @throws java.io.InterruptedIOException if the thread is or gets interrupted while
	 * another sender has the turn; nothing is sent and the interrupt status stays set
	 * @throws PortUnreachableException on an ICMP port unreachable for an earlier
	 * datagram, reported instead of sending the first one not sent
	 * @throws ClosedChannelException if the channel is closed
	 * @throws IOException if sending fails
	 */
	int send(Socks5Address dst, ByteBuffer[] payloads, int offset, int count, Socks5AssociationCounters counters)
			throws IOException {
		takeSendTurn();
		try {
			long stamp = readLock();
			try {
				int sent = 0;
				while (sent < count) {
					int batch = Math.min(BATCH, count - sent);
					int done = sendBatch(dst, payloads, offset + sent, batch, counters);
					sent += done;
					if (done < batch) {
						break;
					}
				}
				return sent;
			}
			finally {
				this.use.unlockRead(stamp);
			}
		}
		finally {
			this.sendTurn.unlock();
		}
	}

	private void takeSendTurn() throws InterruptedIOException {
		if (this.sendTurn.tryLock()) {
			return;
		}
		try {
			this.sendTurn.lockInterruptibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for another sender's batch");
		}
	}

	private int sendBatch(Socks5Address dst, ByteBuffer[] payloads, int offset, int count,
			Socks5AssociationCounters counters) throws IOException {
		Side side = this.sending;
		int headerLength = Socks5UdpHeaderCodec.headerLength(dst);
		int largest = 0;
		for (int i = 0; i < count; i++) {
			largest = Math.max(largest, headerLength + payloads[offset + i].remaining());
		}
		if (side.caller == null || side.slotSize < largest) {
			side.free();
			side.allocate(slotSize(largest));
		}
		ByteBuffer data = side.data();
		ByteBuffer structs = side.structs().buffer();
		for (int i = 0; i < count; i++) {
			ByteBuffer payload = payloads[offset + i];
			int start = i * side.slotSize;
			data.limit(start + side.slotSize).position(start);
			int position = payload.position();
			Socks5UdpHeaderCodec.encode(dst, payload, data);
			// Moved only once sent
			payload.position(position);
			structs.putLong(iovec(i) + 8, data.position() - start);
		}
		SocketCaller caller = side.caller();
		while (true) {
			int sent = caller.sendmmsg(this.fd, side.structs().address(), count);
			if (sent >= 0) {
				for (int i = 0; i < sent; i++) {
					ByteBuffer payload = payloads[offset + i];
					counters.sent(payload.remaining());
					payload.position(payload.limit());
				}
				return sent;
			}
			int errno = caller.errno();
			if (errno == NativeSockets.EAGAIN) {
				return 0;
			}
			if (errno != NativeSockets.EINTR) {
				throw failure("sendmmsg", errno);
			}
		}
	}

	private static int slotSize(int length) {
		return (length <= MIN_SEND_SLOT) ? MIN_SEND_SLOT : Integer.highestOneBit(length - 1) << 1;
	}

	private long readLock() throws ClosedChannelException {
		long stamp = this.use.tryReadLock();
		if (stamp == 0) {
			throw new ClosedChannelException();
		}
		return stamp;
	}

	private static IOException failure(String call, int errno) {
		if (errno == NativeSockets.ECONNREFUSED) {
			return new PortUnreachableException(call + ": ICMP port unreachable (ECONNREFUSED)");
		}
		return new IOException(call + " failed: errno " + errno);
	}

	/**
	 * Wait for every native call under way to return, then close the channel and free the
	 * native memory; later calls get a {@link ClosedChannelException}. Idempotent.
	 * @param closeChannel closes the channel
	 */
	void close(Runnable closeChannel) {
		if (!this.closed.compareAndSet(false, true)) {
			closeChannel.run();
			return;
		}
		// Never released: every later call finds the lock taken
		this.use.writeLock();
		closeChannel.run();
		this.receiving.free();
		this.sending.free();
	}

	private static int message(int index) {
		return index * MessageHeaders.MMSGHDR_SIZE;
	}

	private static int iovec(int index) {
		return BATCH * MessageHeaders.MMSGHDR_SIZE + index * MessageHeaders.IOVEC_SIZE;
	}

	/**
	 * The native memory and caller of one direction: the message headers, their iovecs,
	 * and {@value #BATCH} slots of data.
	 */
	private static final class Side {

		@Nullable SocketCaller caller;

		private NativeSockets.@Nullable NativeMemory structs;

		private NativeSockets.@Nullable NativeMemory data;

		int slotSize;

		void allocate(int slotSize) {
			SocketCaller caller = NativeSockets.caller();
			NativeSockets.NativeMemory structs = NativeSockets.allocate(STRUCTS_SIZE);
			NativeSockets.NativeMemory data;
			try {
				data = NativeSockets.allocate(BATCH * slotSize);
			}
			catch (RuntimeException | Error ex) {
				structs.free();
				caller.free();
				throw ex;
			}
			ByteBuffer memory = structs.buffer();
			// malloc'd memory holds anything: no names, no control messages, no flags
			for (int offset = 0; offset < STRUCTS_SIZE; offset += 8) {
				memory.putLong(offset, 0);
			}
			for (int i = 0; i < BATCH; i++) {
				memory.putLong(message(i) + MessageHeaders.MSG_IOV, structs.address() + iovec(i));
				memory.putLong(message(i) + MessageHeaders.MSG_IOVLEN, 1);
				memory.putLong(iovec(i), data.address() + (long) i * slotSize);
				memory.putLong(iovec(i) + 8, slotSize);
			}
			this.structs = structs;
			this.data = data;
			this.slotSize = slotSize;
			this.caller = caller;
		}

		SocketCaller caller() {
			SocketCaller caller = this.caller;
			if (caller == null) {
				throw new IllegalStateException("not allocated");
			}
			return caller;
		}

		NativeSockets.NativeMemory structs() {
			NativeSockets.NativeMemory structs = this.structs;
			if (structs == null) {
				throw new IllegalStateException("not allocated");
			}
			return structs;
		}

		ByteBuffer data() {
			NativeSockets.NativeMemory data = this.data;
			if (data == null) {
				throw new IllegalStateException("not allocated");
			}
			return data.buffer();
		}

		void free() {
			if (this.caller != null) {
				this.caller.free();
			}
			if (this.structs != null) {
				this.structs.free();
			}
			if (this.data != null) {
				this.data.free();
			}
			this.caller = null;
			this.structs = null;
			this.data = null;
		}

	}

}
