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

import io.socks5udp.core.nativeio.MessageHeaders;
import io.socks5udp.core.nativeio.NativeSockets;
import io.socks5udp.core.nativeio.SocketCaller;
import org.jspecify.annotations.Nullable;

/**
 * The datagrams a batched loop sends on after one receive, sent by one {@code sendmmsg}.
 * Consecutive datagrams of the same length to the same target go as one message with UDP
 * segmentation offload ({@code UDP_SEGMENT}, Linux 4.18 and later): the kernel builds and
 * routes one buffer for all of them and splits it into the datagrams on the way, so the
 * receiver still gets each datagram as it was. Lengths above {@value #MAX_SEGMENT} bytes
 * (past an Ethernet MTU) are sent one message each; a segmented message the kernel
 * refuses is sent again one datagram at a time, and segmentation is not used again.
 *
 * @author socks5-udp authors
 */
final class SendBatch {

	/**
	 * The longest datagram sent segmented: a 1,500-byte MTU less IPv6 and UDP headers.
	 */
	static final int MAX_SEGMENT = 1500 - 40 - 8;

	/** The most datagrams in one segmented message (the kernel allows 64). */
	private static final int MAX_SEGMENTS = 64;

	/** The most bytes in one segmented message, under the 64 KiB of one IP packet. */
	private static final int MAX_SEGMENTED_BYTES = 60_000;

	private static final int NAME_SIZE = 32;

	// CMSG_SPACE(sizeof(uint16_t)) on 64-bit Linux: a 16-byte cmsghdr, data padded to 8
	private static final int CONTROL_SIZE = 24;

	// CMSG_LEN(sizeof(uint16_t))
	private static final int CONTROL_LENGTH = 18;

	private static final int SOL_UDP = 17;

	private static final int UDP_SEGMENT = 103;

	private static final int EINVAL = 22;

	private final int capacity;

	private final NativeSockets.NativeMemory memory;

	private final int[] lengths;

	private final int[] messageFirst;

	private final int[] messageCount;

	private boolean segmentation;

	private int datagrams;

	private int messages;

	private @Nullable InetSocketAddress lastTarget;

	/**
	 * Allocate a batch.
	 * @param capacity the most datagrams it holds
	 * @param segmentation whether to send datagrams segmented
	 */
	SendBatch(int capacity, boolean segmentation) {
		this.capacity = capacity;
		this.segmentation = segmentation;
		this.lengths = new int[capacity];
		this.messageFirst = new int[capacity];
		this.messageCount = new int[capacity];
		// One message more than the datagrams: the spare one resends a refused segmented
		// message's datagrams one at a time
		this.memory = NativeSockets.allocate(
				(capacity + 1) * (MessageHeaders.MMSGHDR_SIZE + MessageHeaders.IOVEC_SIZE + NAME_SIZE + CONTROL_SIZE));
		ByteBuffer structs = this.memory.buffer();
		for (int offset = 0; offset < structs.capacity(); offset += 8) {
			// malloc'd memory holds anything: no control messages, no flags
			structs.putLong(offset, 0);
		}
		for (int i = 0; i <= capacity; i++) {
			structs.putLong(message(i) + MessageHeaders.MSG_NAME, this.memory.address() + name(i));
		}
	}

	/**
	 * Return whether the batch is full.
	 * @return whether no datagram can be added before a flush
	 */
	boolean isFull() {
		return this.datagrams == this.capacity;
	}

	/**
	 * Add a datagram.
	 * @param address the address of its first byte, which must stay valid until the flush
	 * @param length its length
	 * @param target where to, only compared with the last target (by identity)
	 * @param name the target as a socket address
	 * @param nameLength its length
	 */
	void add(long address, int length, InetSocketAddress target, byte[] name, int nameLength) {
		ByteBuffer structs = this.memory.buffer();
		int index = this.datagrams++;
		structs.putLong(iovec(index), address);
		structs.putLong(iovec(index) + 8, length);
		this.lengths[index] = length;
		int last = this.messages - 1;
		if (this.segmentation && last >= 0 && target == this.lastTarget && length <= MAX_SEGMENT
				&& this.lengths[this.messageFirst[last]] == length && this.messageCount[last] < MAX_SEGMENTS
				&& (this.messageCount[last] + 1) * length <= MAX_SEGMENTED_BYTES) {
			this.messageCount[last]++;
			return;
		}
		int message = this.messages++;
		this.messageFirst[message] = index;
		this.messageCount[message] = 1;
		this.lastTarget = target;
		structs.putInt(message(message) + MessageHeaders.MSG_NAMELEN, nameLength);
		structs.put(name(message), name, 0, nameLength);
		structs.putLong(message(message) + MessageHeaders.MSG_IOV, this.memory.address() + iovec(index));
	}

	/**
	 * Send every datagram added, and empty the batch.
	 * @param caller the caller of the system calls
	 * @param fd the socket
	 * @param outcome told of every datagram not sent
	 */
	void flush(SocketCaller caller, int fd, Outcome outcome) {
		ByteBuffer structs = this.memory.buffer();
		for (int m = 0; m < this.messages; m++) {
			int count = this.messageCount[m];
			int message = message(m);
			structs.putLong(message + MessageHeaders.MSG_IOVLEN, count);
			if (count > 1) {
				int control = control(m);
				structs.putLong(control, CONTROL_LENGTH);
				structs.putInt(control + 8, SOL_UDP);
				structs.putInt(control + 12, UDP_SEGMENT);
				structs.putShort(control + 16, (short) this.lengths[this.messageFirst[m]]);
				structs.putLong(message + MessageHeaders.MSG_CONTROL, this.memory.address() + control);
				structs.putLong(message + MessageHeaders.MSG_CONTROLLEN, CONTROL_SIZE);
			}
			else {
				structs.putLong(message + MessageHeaders.MSG_CONTROL, 0);
				structs.putLong(message + MessageHeaders.MSG_CONTROLLEN, 0);
			}
		}
		int start = 0;
		while (start < this.messages) {
			int sent = caller.sendmmsg(fd, this.memory.address() + message(start), this.messages - start);
			if (sent > 0) {
				start += sent;
				continue;
			}
			int errno = caller.errno();
			if (outcome.closed()) {
				for (int m = start; m < this.messages; m++) {
					forEachDatagram(m, outcome::unsent);
				}
				break;
			}
			if (this.messageCount[start] > 1 && errno == EINVAL) {
				this.segmentation = false;
				resendOneByOne(caller, fd, start, outcome);
			}
			else {
				// Its error is not kept by sendmmsg: the datagrams are counted as failed
				forEachDatagram(start, outcome::failed);
			}
			start++;
		}
		this.datagrams = 0;
		this.messages = 0;
		this.lastTarget = null;
	}

	/**
	 * Give the native memory back; the batch cannot be used after.
	 */
	void free() {
		this.memory.free();
	}

	private void resendOneByOne(SocketCaller caller, int fd, int m, Outcome outcome) {
		ByteBuffer structs = this.memory.buffer();
		int spare = message(this.capacity);
		int nameLength = structs.getInt(message(m) + MessageHeaders.MSG_NAMELEN);
		structs.putInt(spare + MessageHeaders.MSG_NAMELEN, nameLength);
		for (int i = 0; i < nameLength; i++) {
			structs.put(name(this.capacity) + i, structs.get(name(m) + i));
		}
		structs.putLong(spare + MessageHeaders.MSG_IOVLEN, 1);
		for (int i = 0; i < this.messageCount[m]; i++) {
			int index = this.messageFirst[m] + i;
			structs.putLong(spare + MessageHeaders.MSG_IOV, this.memory.address() + iovec(index));
			if (caller.sendmmsg(fd, this.memory.address() + spare, 1) != 1) {
				outcome.failed(this.lengths[index]);
			}
		}
	}

	private void forEachDatagram(int m, java.util.function.IntConsumer action) {
		for (int i = 0; i < this.messageCount[m]; i++) {
			action.accept(this.lengths[this.messageFirst[m] + i]);
		}
	}

	private static int message(int index) {
		return index * MessageHeaders.MMSGHDR_SIZE;
	}

	private int iovec(int index) {
		return (this.capacity + 1) * MessageHeaders.MMSGHDR_SIZE + index * MessageHeaders.IOVEC_SIZE;
	}

	private int name(int index) {
		return (this.capacity + 1) * (MessageHeaders.MMSGHDR_SIZE + MessageHeaders.IOVEC_SIZE) + index * NAME_SIZE;
	}

	private int control(int index) {
		return (this.capacity + 1) * (MessageHeaders.MMSGHDR_SIZE + MessageHeaders.IOVEC_SIZE + NAME_SIZE)
				+ index * CONTROL_SIZE;
	}

	/**
	 * What becomes of the datagrams that are not sent.
	 */
	interface Outcome {

		/**
		 * Return whether the association has closed, in which case nothing more is sent.
		 * @return whether closed
		 */
		boolean closed();

		/**
		 * A datagram was not sent because the association closed.
		 * @param length its length
		 */
		void unsent(int length);

		/**
		 * A datagram could not be sent.
		 * @param length its length
		 */
		void failed(int length);

	}

}
