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
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Receives and sends relayed datagrams, applying the datagram faults (drop, delay) and
 * counting. Shared by every association of a relay; the datagram is sent from the calling
 * thread unless it is delayed.
 *
 * @author socks5-udp authors
 */
final class DatagramForwarder {

	private final RelayFaults faults;

	private final RelayCounters counters;

	private final ScheduledExecutorService scheduler;

	private final boolean batched;

	DatagramForwarder(RelayFaults faults, RelayCounters counters, ScheduledExecutorService scheduler, boolean batched) {
		this.faults = faults;
		this.counters = counters;
		this.scheduler = scheduler;
		this.batched = batched;
	}

	/**
	 * Return whether the associations move datagrams in batches ({@code recvmmsg},
	 * {@code sendmmsg}) rather than one per system call.
	 * @return whether batched
	 */
	boolean batched() {
		return this.batched;
	}

	/**
	 * Send a datagram, or drop or delay it if a fault says so.
	 * @param channel the channel to send from
	 * @param datagram the datagram, its remaining bytes; consumed unless delayed, in
	 * which case a copy is taken
	 * @param target where to send it
	 * @param toClient whether this is a reply to the client (for the counters)
	 */
	void forward(DatagramChannel channel, ByteBuffer datagram, InetSocketAddress target, boolean toClient) {
		if (admit(channel, datagram, target, toClient)) {
			send(channel, datagram, target, toClient);
		}
	}

	/**
	 * Apply the datagram faults to a datagram about to be sent: drop it (counted), or
	 * delay it (a copy is sent later from the channel), or let the caller send it now.
	 * @param channel the channel a delayed copy is sent from
	 * @param datagram the datagram, its remaining bytes; consumed if delayed
	 * @param target where to send it
	 * @param toClient whether this is a reply to the client (for the counters)
	 * @return whether the caller should send it now
	 */
	boolean admit(DatagramChannel channel, ByteBuffer datagram, InetSocketAddress target, boolean toClient) {
		if (this.faults.shouldDrop()) {
			this.counters.refuse(RefusalReason.FAULT_DROP);
			return false;
		}
		Duration delay = this.faults.delayDatagrams();
		if (delay == null) {
			return true;
		}
		ByteBuffer copy = ByteBuffer.allocate(datagram.remaining()).put(datagram).flip();
		this.counters.delayed();
		try {
			this.scheduler.schedule(() -> send(channel, copy, target, toClient), delay.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// The relay is closing: the datagram is lost with it
		}
		return false;
	}

	/**
	 * Count a datagram about to be sent: before it is, so that whoever receives it sees
	 * the count.
	 * @param toClient whether this is a reply to the client
	 * @param length its length
	 */
	void sending(boolean toClient, int length) {
		count(toClient, 1, length);
	}

	/**
	 * Take back the count of a datagram that was not sent because the association closed.
	 * @param toClient whether this was a reply to the client
	 * @param length its length
	 */
	void unsent(boolean toClient, int length) {
		count(toClient, -1, -length);
	}

	/**
	 * Take back the count of a datagram that could not be sent, and count the failure.
	 * @param toClient whether this was a reply to the client
	 * @param length its length
	 */
	void sendFailed(boolean toClient, int length) {
		count(toClient, -1, -length);
		this.counters.refuse(RefusalReason.SEND_FAILED);
	}

	/**
	 * Count a datagram that is not relayed.
	 * @param reason why not
	 */
	void refuse(RefusalReason reason) {
		this.counters.refuse(reason);
	}

	private void send(DatagramChannel channel, ByteBuffer datagram, InetSocketAddress target, boolean toClient) {
		int length = datagram.remaining();
		// Counted before sending, so that whoever receives the datagram sees the count
		count(toClient, 1, length);
		try {
			channel.send(datagram, target);
		}
		catch (ClosedChannelException ex) {
			unsent(toClient, length);
		}
		catch (IOException | RuntimeException ex) {
			sendFailed(toClient, length);
		}
	}

	private void count(boolean toClient, int datagrams, int bytes) {
		if (toClient) {
			this.counters.toClient(datagrams, bytes);
		}
		else {
			this.counters.toDestination(datagrams, bytes);
		}
	}

}
