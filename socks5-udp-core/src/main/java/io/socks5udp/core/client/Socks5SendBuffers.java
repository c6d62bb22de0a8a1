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

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.socks5udp.core.protocol.Socks5UdpHeaderCodec;

/**
 * The direct buffers an association encodes datagrams in before it sends them: a fixed
 * number shared by every sending thread, so that the memory sending needs is bounded by
 * the association, however many threads ever sent. A buffer is held only while one
 * datagram is encoded and written, which does not block; a thread that finds every buffer
 * taken waits for one.
 * <p>
 * Buffers are allocated on first use and grow, in powers of two from
 * {@value #MIN_CAPACITY} bytes, to the largest datagram they carried, never beyond one
 * UDP datagram. A thread starts its search at a slot of its own, so a thread that sends
 * alone keeps reusing one buffer. Taking and returning a free buffer allocates nothing.
 *
 * @author socks5-udp authors
 */
final class Socks5SendBuffers {

	/** Smallest buffer: a datagram the size of an Ethernet frame fits. */
	static final int MIN_CAPACITY = 2048;

	/** The next power of two above the largest datagram. */
	static final int MAX_CAPACITY = Integer.highestOneBit(Socks5UdpHeaderCodec.MAX_DATAGRAM_PAYLOAD) << 1;

	/** Fills a free slot whose buffer is not allocated yet. */
	private static final ByteBuffer UNALLOCATED = ByteBuffer.allocateDirect(0);

	private final AtomicReferenceArray<ByteBuffer> slots;

	private final Semaphore free;

	/**
	 * Create the buffers, none allocated yet.
	 * @param count how many buffers there may be at most
	 */
	Socks5SendBuffers(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("count: " + count + " (expected: 1 or more)");
		}
		this.slots = new AtomicReferenceArray<>(count);
		for (int i = 0; i < count; i++) {
			this.slots.set(i, UNALLOCATED);
		}
		this.free = new Semaphore(count);
	}

	/**
	 * Return the number of buffers to give an association on this machine: one per
	 * processor, as no more threads than that can be encoding at once, and at least two.
	 * @return the number of buffers
	 */
	static int defaultCount() {
		return Math.min(64, Math.max(2, Runtime.getRuntime().availableProcessors()));
	}

	/**
	 * Take a buffer, waiting for one if all are taken.
	 * @param capacity how many bytes the buffer must hold, at most {@link #MAX_CAPACITY}
	 * @return a cleared direct buffer, to be given back by {@link #release(ByteBuffer)}
	 * @throws InterruptedIOException if the thread is or gets interrupted while it waits
	 * for a buffer (never when one is free); the interrupt status stays set
	 */
	ByteBuffer acquire(int capacity) throws InterruptedIOException {
		if (capacity < 0 || capacity > MAX_CAPACITY) {
			throw new IllegalArgumentException("capacity: " + capacity + " (expected: 0-" + MAX_CAPACITY + ")");
		}
		if (!this.free.tryAcquire()) {
			try {
				this.free.acquire();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("Interrupted while waiting for a send buffer");
			}
		}
		ByteBuffer buffer = take();
		if (buffer.capacity() >= capacity) {
			return buffer.clear();
		}
		try {
			// The smaller buffer is left to the garbage collector
			return ByteBuffer.allocateDirect(grown(capacity));
		}
		catch (OutOfMemoryError ex) {
			release(buffer);
			throw ex;
		}
	}

	private ByteBuffer take() {
		// A permit guarantees a buffer in some slot
		int count = this.slots.length();
		int start = home(count);
		for (int i = 0;; i++) {
			ByteBuffer buffer = this.slots.getAndSet((start + i) % count, null);
			if (buffer != null) {
				return buffer;
			}
		}
	}

	/**
	 * Give back a buffer taken by {@link #acquire(int)}.
	 * @param buffer the buffer
	 */
	void release(ByteBuffer buffer) {
		// As many slots are empty as buffers are out, this one's among them
		int count = this.slots.length();
		int start = home(count);
		for (int i = 0;; i++) {
			if (this.slots.compareAndSet((start + i) % count, null, buffer)) {
				break;
			}
		}
		this.free.release();
	}

	private static int home(int count) {
		return (int) (Thread.currentThread().getId() % count);
	}

	private static int grown(int capacity) {
		int power = (capacity <= MIN_CAPACITY) ? MIN_CAPACITY : Integer.highestOneBit(capacity - 1) << 1;
		return Math.min(power, MAX_CAPACITY);
	}

}
