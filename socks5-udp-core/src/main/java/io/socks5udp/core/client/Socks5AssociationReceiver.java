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
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import org.jspecify.annotations.Nullable;

/**
 * The receive side of a {@link Socks5UdpAssociation}: either callers poll with
 * {@link Socks5UdpAssociation#receive(Duration)} (through a {@link Socks5DatagramPoller})
 * or one {@link Socks5ReceiveLoop} thread hands every datagram to a listener, never both.
 *
 * @author socks5-udp authors
 */
final class Socks5AssociationReceiver {

	private final Socks5UdpAssociation association;

	private final Socks5RelayChannel channel;

	private final Socks5AssociationCounters counters;

	private final Socks5DatagramPoller poller;

	private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.NONE);

	private final Object loopLock = new Object();

	private @Nullable Thread loopThread;

	Socks5AssociationReceiver(Socks5UdpAssociation association, Socks5RelayChannel channel,
			Socks5AssociationCounters counters) {
		this.association = association;
		this.channel = channel;
		this.counters = counters;
		this.poller = new Socks5DatagramPoller(association.name(), channel, association.relayAddress(), counters);
	}

	// See Socks5UdpAssociation.receive(Duration)
	@Nullable Socks5UdpDatagram receive(long deadline) throws IOException {
		startPoll();
		try {
			return this.poller.poll(deadline);
		}
		catch (ClosedChannelException ex) {
			throw channelClosed(ex);
		}
	}

	// See Socks5UdpAssociation.receive(ByteBuffer, Duration)
	@Nullable Socks5Address receiveInto(ByteBuffer into, long deadline) throws IOException {
		ReceiveArguments.checkWritable(into);
		startPoll();
		try {
			return this.poller.pollInto(into, deadline);
		}
		catch (ClosedChannelException ex) {
			throw channelClosed(ex);
		}
	}

	// See Socks5UdpAssociation.receiveNow(ByteBuffer)
	@Nullable Socks5Address receiveNowInto(ByteBuffer into) throws IOException {
		ReceiveArguments.checkWritable(into);
		startPoll();
		try {
			return this.poller.pollNowInto(into);
		}
		catch (ClosedChannelException ex) {
			throw channelClosed(ex);
		}
	}

	private void startPoll() throws Socks5AssociationClosedException {
		claim(Mode.POLL);
		if (!this.association.isOpen()) {
			throw this.association.end().closedException(null);
		}
	}

	private Socks5AssociationClosedException channelClosed(ClosedChannelException ex) {
		this.association.end().channelFailed(ex);
		return this.association.end().closedException(ex);
	}

	// See Socks5UdpAssociation.startReceiving(Socks5AssociationListener)
	void startLoop(Socks5AssociationListener listener) {
		claim(Mode.LISTENER);
		synchronized (this.loopLock) {
			// Checked under the lock that close() takes to find the thread to join
			if (!this.association.isOpen()) {
				throw new IllegalStateException("association '" + this.association.name() + "' is closed");
			}
			Thread thread = new Thread(new Socks5ReceiveLoop(this.association, this.channel,
					this.association.relayAddress(), this.counters, listener),
					"socks5-udp-receive-" + this.association.name());
			thread.setDaemon(true);
			this.loopThread = thread;
			thread.start();
		}
	}

	/**
	 * Return the receive loop's thread.
	 * @return the thread, or {@code null} if no loop was started
	 */
	@Nullable Thread loopThread() {
		synchronized (this.loopLock) {
			return this.loopThread;
		}
	}

	private void claim(Mode wanted) {
		if (this.mode.compareAndSet(Mode.NONE, wanted) || (wanted == Mode.POLL && this.mode.get() == Mode.POLL)) {
			return;
		}
		String current = (this.mode.get() == Mode.POLL) ? "receive(Duration)" : "a receive loop";
		throw new IllegalStateException("receive mode: " + current + " already in use on association '"
				+ this.association.name() + "' (expected: either receive(Duration) or one startReceiving(listener))");
	}

	/**
	 * How an association receives: not yet, by polling, or by a receive loop.
	 */
	private enum Mode {

		NONE, POLL, LISTENER

	}

}
