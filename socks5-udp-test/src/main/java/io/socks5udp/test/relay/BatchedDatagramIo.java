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
import java.nio.channels.DatagramChannel;
import java.util.Objects;

import io.socks5udp.core.nativeio.MessageHeaders;
import io.socks5udp.core.nativeio.NativeSockets;
import io.socks5udp.core.nativeio.SocketCaller;
import org.jspecify.annotations.Nullable;

/**
 * One direction of an association, many datagrams per system call: one {@code recvmmsg}
 * takes every datagram waiting, up to {@value #BATCH}, each into its own slot (after the
 * headroom); the loop relays them in place; one {@code sendmmsg} sends on the ones it
 * relayed, from the same slots ({@link SendBatch}, which also lets the kernel segment
 * runs of equal datagrams to one target). Nothing is copied or allocated per datagram
 * once the sources and targets are known. Both directions run on one
 * {@link BatchedAssociationLoop} thread, which waits on both sockets when neither has
 * anything.
 * <p>
 * The file descriptors are used directly, so the association must {@link #wake()} the
 * thread and wait for it to leave before it closes the channels.
 *
 * @author socks5-udp authors
 */
final class BatchedDatagramIo implements DatagramIo, SendBatch.Outcome {

	/** The most datagrams moved per system call. */
	static final int BATCH = 32;

	private static final int NAME_SIZE = 32;

	private static final int STRUCTS_SIZE = BATCH
			* (MessageHeaders.MMSGHDR_SIZE + MessageHeaders.IOVEC_SIZE + NAME_SIZE);

	private final Association association;

	private final DatagramChannel sendChannel;

	private final DatagramForwarder forwarder;

	private final boolean toClient;

	private final int headroom;

	private final int slotSize;

	private final int receiveFd;

	private final int sendFd;

	private final byte[] sourceName = new byte[SocketAddresses.MAX_LENGTH];

	private final byte[] targetName = new byte[SocketAddresses.MAX_LENGTH];

	private int sourceNameLength;

	private @Nullable InetSocketAddress source;

	private @Nullable InetSocketAddress target;

	private int targetNameLength;

	private int sendFamily;

	private int received;

	private @Nullable SocketCaller caller;

	private NativeSockets.@Nullable NativeMemory structs;

	private NativeSockets.@Nullable NativeMemory data;

	private @Nullable SendBatch sends;

	/**
	 * Create the I/O of one direction.
	 * @param association the association, asked whether it is still open
	 * @param receiveChannel the channel it receives on
	 * @param sendChannel the channel it sends from
	 * @param headroom the bytes kept free in front of each received datagram
	 * @param forwarder applies the faults and counts
	 * @param toClient whether it sends to the client
	 */
	BatchedDatagramIo(Association association, DatagramChannel receiveChannel, DatagramChannel sendChannel,
			int headroom, DatagramForwarder forwarder, boolean toClient) {
		this.association = association;
		this.sendChannel = sendChannel;
		this.forwarder = forwarder;
		this.toClient = toClient;
		this.headroom = headroom;
		this.slotSize = (headroom + ChannelDatagramIo.DATAGRAM_SIZE + 63) & ~63;
		this.receiveFd = NativeSockets.fileDescriptor(receiveChannel);
		this.sendFd = NativeSockets.fileDescriptor(sendChannel);
	}

	/**
	 * Take the native memory and look at the sending socket; on the loop's thread, before
	 * the first {@link #relayWaiting}.
	 */
	void open() {
		SocketCaller caller = NativeSockets.caller();
		this.caller = caller;
		NativeSockets.NativeMemory structs = NativeSockets.allocate(STRUCTS_SIZE);
		this.structs = structs;
		NativeSockets.NativeMemory data = NativeSockets.allocate(BATCH * this.slotSize);
		this.data = data;
		this.sendFamily = caller.family(this.sendFd);
		this.sends = new SendBatch(BATCH, caller.segmentationOffload(this.sendFd));
		layOut(structs, data.address());
	}

	/**
	 * Receive the datagrams waiting, without waiting for one, relay them and send on the
	 * ones relayed.
	 * @param loop relays each datagram
	 * @return how many datagrams were received, 0 if none was waiting
	 * @throws IOException if receiving fails for a reason other than a signal or an ICMP
	 * error
	 */
	int relayWaiting(AssociationLoop loop) throws IOException {
		SocketCaller caller = Objects.requireNonNull(this.caller);
		NativeSockets.NativeMemory structs = Objects.requireNonNull(this.structs);
		SendBatch sends = Objects.requireNonNull(this.sends);
		ByteBuffer memory = structs.buffer();
		ByteBuffer datagrams = Objects.requireNonNull(this.data).buffer();
		int count = receive(caller, structs);
		if (!this.association.isOpen()) {
			return 0;
		}
		if (count < 0) {
			int errno = caller.errno();
			if (errno == NativeSockets.EINTR || errno == NativeSockets.EAGAIN || errno == NativeSockets.ECONNREFUSED) {
				return 0;
			}
			throw new IOException("recvmmsg failed: errno " + errno);
		}
		for (int i = 0; i < count; i++) {
			int length = memory.getInt(message(i) + MessageHeaders.MSG_LEN);
			int start = i * this.slotSize + this.headroom;
			datagrams.limit(start + length).position(start);
			InetSocketAddress from = sourceOf(memory, i);
			RefusalReason refusal = (from != null) ? loop.relay(from, datagrams) : RefusalReason.FOREIGN_SOURCE;
			if (refusal != null) {
				this.forwarder.refuse(refusal);
			}
		}
		sends.flush(caller, this.sendFd, this);
		return count;
	}

	/**
	 * Return the socket this direction receives on.
	 * @return its file descriptor
	 */
	int receiveFd() {
		return this.receiveFd;
	}

	@Override
	public void send(ByteBuffer datagram, InetSocketAddress target) {
		if (!this.forwarder.admit(this.sendChannel, datagram, target, this.toClient)) {
			return;
		}
		NativeSockets.NativeMemory data = this.data;
		SendBatch sends = this.sends;
		if (data == null || sends == null || sends.isFull()) {
			// Only the loop's thread sends, one datagram per datagram received
			throw new IllegalStateException("send outside a batch");
		}
		if (target != this.target) {
			this.targetNameLength = (target.getAddress() != null)
					? SocketAddresses.write(target, this.sendFamily, this.targetName) : -1;
			this.target = target;
		}
		int length = datagram.remaining();
		this.forwarder.sending(this.toClient, length);
		if (this.targetNameLength < 0) {
			this.forwarder.sendFailed(this.toClient, length);
			return;
		}
		sends.add(data.address() + datagram.position(), length, target, this.targetName, this.targetNameLength);
		datagram.position(datagram.limit());
	}

	@Override
	public boolean closed() {
		return !this.association.isOpen();
	}

	@Override
	public void unsent(int length) {
		this.forwarder.unsent(this.toClient, length);
	}

	@Override
	public void failed(int length) {
		this.forwarder.sendFailed(this.toClient, length);
	}

	@Override
	public void wake() {
		NativeSockets.shutdown(this.receiveFd);
	}

	@Override
	public boolean usesFileDescriptors() {
		return true;
	}

	@Override
	public void release() {
		if (this.caller != null) {
			this.caller.free();
		}
		if (this.structs != null) {
			this.structs.free();
		}
		if (this.data != null) {
			this.data.free();
		}
		if (this.sends != null) {
			this.sends.free();
		}
		this.caller = null;
		this.structs = null;
		this.data = null;
		this.sends = null;
	}

	private int receive(SocketCaller caller, NativeSockets.NativeMemory structs) {
		ByteBuffer memory = structs.buffer();
		// The kernel wrote the name lengths of the last batch: give them their room back
		for (int i = 0; i < this.received; i++) {
			memory.putInt(message(i) + MessageHeaders.MSG_NAMELEN, NAME_SIZE);
		}
		int count = caller.recvmmsg(this.receiveFd, structs.address(), BATCH, NativeSockets.MSG_DONTWAIT);
		this.received = Math.max(count, 0);
		return count;
	}

	/** The source of a received datagram: the last one again unless its bytes differ. */
	private @Nullable InetSocketAddress sourceOf(ByteBuffer memory, int index) {
		int nameLength = memory.getInt(message(index) + MessageHeaders.MSG_NAMELEN);
		int name = name(index);
		if (this.source == null
				|| !SocketAddresses.same(memory, name, nameLength, this.sourceName, this.sourceNameLength)) {
			this.source = SocketAddresses.read(memory, name);
			int kept = Math.min(nameLength, this.sourceName.length);
			memory.get(name, this.sourceName, 0, kept);
			this.sourceNameLength = (this.source != null) ? kept : 0;
		}
		return this.source;
	}

	/** Point every header at its name and its iovec, and every iovec at its slot. */
	private void layOut(NativeSockets.NativeMemory structs, long data) {
		ByteBuffer memory = structs.buffer();
		long base = structs.address();
		// malloc'd memory holds anything: no control messages, no flags
		for (int offset = 0; offset < STRUCTS_SIZE; offset += 8) {
			memory.putLong(offset, 0);
		}
		for (int i = 0; i < BATCH; i++) {
			int message = message(i);
			memory.putLong(message + MessageHeaders.MSG_NAME, base + name(i));
			memory.putInt(message + MessageHeaders.MSG_NAMELEN, NAME_SIZE);
			memory.putLong(message + MessageHeaders.MSG_IOV, base + iovec(i));
			memory.putLong(message + MessageHeaders.MSG_IOVLEN, 1);
			memory.putLong(iovec(i), data + (long) i * this.slotSize + this.headroom);
			memory.putLong(iovec(i) + 8, ChannelDatagramIo.DATAGRAM_SIZE);
		}
	}

	private static int message(int index) {
		return index * MessageHeaders.MMSGHDR_SIZE;
	}

	private static int iovec(int index) {
		return BATCH * MessageHeaders.MMSGHDR_SIZE + index * MessageHeaders.IOVEC_SIZE;
	}

	private static int name(int index) {
		return BATCH * (MessageHeaders.MMSGHDR_SIZE + MessageHeaders.IOVEC_SIZE) + index * NAME_SIZE;
	}

}
