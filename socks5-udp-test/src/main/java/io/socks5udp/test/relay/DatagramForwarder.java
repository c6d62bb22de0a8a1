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

	DatagramForwarder(RelayFaults faults, RelayCounters counters, ScheduledExecutorService scheduler) {
		this.faults = faults;
		this.counters = counters;
		this.scheduler = scheduler;
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
		if (this.faults.shouldDrop()) {
			this.counters.refuse(RefusalReason.FAULT_DROP);
			return;
		}
		Duration delay = this.faults.delayDatagrams();
		if (delay == null) {
			send(channel, datagram, target, toClient);
			return;
		}
		ByteBuffer copy = ByteBuffer.allocate(datagram.remaining()).put(datagram).flip();
		this.counters.delayed();
		try {
			this.scheduler.schedule(() -> send(channel, copy, target, toClient), delay.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// The relay is closing: the datagram is lost with it
		}
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
			count(toClient, -1, -length);
		}
		catch (IOException | RuntimeException ex) {
			count(toClient, -1, -length);
			this.counters.refuse(RefusalReason.SEND_FAILED);
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
