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
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * A UDP channel that many threads share and that no interrupt closes: the channel of an
 * association, and of the template's direct route.
 * <p>
 * A {@link DatagramChannel} in blocking mode is an interruptible channel: interrupting a
 * thread while it is inside one of the channel's I/O operations closes the channel, for
 * every thread that shares it, even when the operation would not have blocked. Here the
 * channel is in non-blocking mode, so no operation blocks and no interrupt reaches the
 * channel. The waiting that blocking mode left to the kernel happens on a
 * {@link Selector}, which an interrupt only wakes: the waiting thread gets an
 * {@link InterruptedIOException} with its interrupt status still set, and the channel
 * stays open for every other thread.
 * <p>
 * Each selector is opened on first need: the read selector when something first waits for
 * a datagram, the write selector when a send first finds the socket's send buffer full.
 * Waiting allocates nothing of ours; the JDK's epoll selector boxes the number of a ready
 * file descriptor above 127 (an {@code Integer} per wakeup) until the JIT compiler's
 * escape analysis removes it, after some thousands of wakeups.
 *
 * @author socks5-udp authors
 */
public final class SharedDatagramChannel implements Closeable {

	/** Selects without touching the selected-key set, which would allocate. */
	private static final Consumer<SelectionKey> IGNORE = (key) -> {
	};

	private final DatagramChannel channel;

	private final Object selectorLock = new Object();

	/** One writer waits on the write selector at a time; the others wait for it here. */
	private final ReentrantLock writeWait = new ReentrantLock();

	private @Nullable Selector readSelector;

	private @Nullable Selector writeSelector;

	private boolean closed;

	/**
	 * Take over a channel, putting it in non-blocking mode. From then on it is used
	 * through this object only.
	 * @param channel the channel, bound (and connected, to write to its peer only)
	 * @throws IOException if the channel cannot be put in non-blocking mode
	 */
	public SharedDatagramChannel(DatagramChannel channel) throws IOException {
		Objects.requireNonNull(channel, "'channel' must not be null");
		channel.configureBlocking(false);
		this.channel = channel;
	}

	/**
	 * Send one datagram, waiting for room if the socket's send buffer is full. A datagram
	 * goes whole or not at all; one that needs no wait goes out whatever the calling
	 * thread's interrupt status.
	 * @param datagram the datagram, from its position to its limit
	 * @param target where to send it, or {@code null} to write it to the peer of a
	 * connected channel
	 * @throws InterruptedIOException if the thread is or gets interrupted while it has to
	 * wait for room; nothing is sent and the interrupt status stays set
	 * @throws ClosedChannelException if the channel is or gets closed
	 * @throws IOException if sending fails
	 */
	public void send(ByteBuffer datagram, @Nullable SocketAddress target) throws IOException {
		while (((target != null) ? this.channel.send(datagram, target) : this.channel.write(datagram)) == 0) {
			awaitWritable();
		}
	}

	/**
	 * Wait until the socket's send buffer has room or the channel closes; one thread at a
	 * time, the others wait for their turn.
	 * @throws InterruptedIOException if the thread is or gets interrupted; the interrupt
	 * status stays set
	 * @throws ClosedChannelException if the channel is or gets closed
	 * @throws IOException if waiting fails
	 */
	public void awaitWritable() throws IOException {
		try {
			this.writeWait.lockInterruptibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw interrupted("room to send");
		}
		try {
			await(writeSelector(), 0, "room to send");
		}
		finally {
			this.writeWait.unlock();
		}
	}

	/**
	 * Receive one datagram if one is waiting; never blocks. A datagram larger than the
	 * buffer's space is truncated, as by {@link DatagramChannel#receive(ByteBuffer)}.
	 * @param buffer where to put the datagram
	 * @return the datagram's source, or {@code null} if none was waiting
	 * @throws ClosedChannelException if the channel is closed
	 * @throws IOException if receiving fails, for example on an ICMP port unreachable
	 */
	public @Nullable SocketAddress receive(ByteBuffer buffer) throws IOException {
		return this.channel.receive(buffer);
	}

	/**
	 * Receive the next datagram, waiting as long as it takes: for a receive loop, a
	 * thread whose only work is receiving. An interrupt of the calling thread is cleared
	 * and the wait goes on; only closing the channel ends it. One thread at a time.
	 * @param buffer where to put the datagram
	 * @return the datagram's source
	 * @throws ClosedChannelException if the channel is or gets closed
	 * @throws IOException if receiving fails, for example on an ICMP port unreachable
	 */
	public SocketAddress receiveIgnoringInterrupts(ByteBuffer buffer) throws IOException {
		while (true) {
			SocketAddress source = this.channel.receive(buffer);
			if (source != null) {
				return source;
			}
			Thread.interrupted();
			try {
				awaitReadable(0);
			}
			catch (InterruptedIOException ex) {
				// Cleared before the next wait
			}
		}
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
	public void awaitReadable(long timeoutNanos) throws IOException {
		await(readSelector(), timeoutNanos, "a datagram");
	}

	private static void await(Selector selector, long timeoutNanos, String what) throws IOException {
		if (Thread.currentThread().isInterrupted()) {
			throw interrupted(what);
		}
		try {
			selector.select(IGNORE, millis(timeoutNanos));
		}
		catch (ClosedSelectorException ex) {
			throw new AsynchronousCloseException();
		}
		if (Thread.currentThread().isInterrupted()) {
			throw interrupted(what);
		}
	}

	private static long millis(long nanos) {
		if (nanos <= 0) {
			return 0;
		}
		// Round up: a wait rounded down to zero milliseconds would have no limit
		long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
		return (TimeUnit.MILLISECONDS.toNanos(millis) < nanos) ? millis + 1 : millis;
	}

	private static InterruptedIOException interrupted(String what) {
		return new InterruptedIOException("Interrupted while waiting for " + what);
	}

	private Selector readSelector() throws IOException {
		synchronized (this.selectorLock) {
			Selector selector = this.readSelector;
			if (selector == null) {
				selector = register(SelectionKey.OP_READ);
				this.readSelector = selector;
			}
			return selector;
		}
	}

	private Selector writeSelector() throws IOException {
		synchronized (this.selectorLock) {
			Selector selector = this.writeSelector;
			if (selector == null) {
				selector = register(SelectionKey.OP_WRITE);
				this.writeSelector = selector;
			}
			return selector;
		}
	}

	private Selector register(int interest) throws IOException {
		if (this.closed) {
			throw new ClosedChannelException();
		}
		Selector selector = Selector.open();
		try {
			this.channel.register(selector, interest);
			return selector;
		}
		catch (IOException | RuntimeException ex) {
			selector.close();
			throw ex;
		}
	}

	/**
	 * Return the channel's local address.
	 * @return the local address, or {@code null} if the channel is not bound
	 * @throws ClosedChannelException if the channel is closed
	 * @throws IOException if the address cannot be read
	 */
	public @Nullable SocketAddress localAddress() throws IOException {
		return this.channel.getLocalAddress();
	}

	/**
	 * Return whether the channel is open.
	 * @return whether the channel is open
	 */
	public boolean isOpen() {
		return this.channel.isOpen();
	}

	/**
	 * Close the channel and its selectors, waking every thread that waits on them.
	 * Idempotent.
	 */
	@Override
	public void close() {
		@Nullable Selector read;
		@Nullable Selector write;
		synchronized (this.selectorLock) {
			this.closed = true;
			read = this.readSelector;
			write = this.writeSelector;
		}
		Closeables.closeQuietly(this.channel);
		// Closing a selector also releases the socket of a closed channel registered with
		// it
		Closeables.closeQuietly(read);
		Closeables.closeQuietly(write);
	}

}
