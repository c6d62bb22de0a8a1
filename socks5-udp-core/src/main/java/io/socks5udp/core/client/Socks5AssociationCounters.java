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

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live traffic counters: datagrams and payload bytes sent and received, and datagrams
 * dropped by {@link Socks5DropReason reason}. The one type that counts traffic wherever
 * it is counted: each association counts its own, a template counts its direct route with
 * one, and a route that outlives its associations folds theirs into one with
 * {@link #add(Socks5AssociationCounters)}. Only the owner counts; anyone may read, from
 * any thread, while counting goes on. The values only grow.
 *
 * @author socks5-udp authors
 */
public final class Socks5AssociationCounters {

	private final LongAdder datagramsSent = new LongAdder();

	private final LongAdder bytesSent = new LongAdder();

	private final LongAdder datagramsReceived = new LongAdder();

	private final LongAdder bytesReceived = new LongAdder();

	private final Map<Socks5DropReason, LongAdder> dropped = new EnumMap<>(Socks5DropReason.class);

	/**
	 * Create counters that are all zero.
	 */
	public Socks5AssociationCounters() {
		for (Socks5DropReason reason : Socks5DropReason.values()) {
			this.dropped.put(reason, new LongAdder());
		}
	}

	/**
	 * Count a datagram sent.
	 * @param payloadLength its payload's length, SOCKS5 header not included
	 */
	public void sent(int payloadLength) {
		this.datagramsSent.increment();
		this.bytesSent.add(payloadLength);
	}

	/**
	 * Count a datagram received and delivered.
	 * @param payloadLength its payload's length, SOCKS5 header not included
	 */
	public void received(int payloadLength) {
		this.datagramsReceived.increment();
		this.bytesReceived.add(payloadLength);
	}

	/**
	 * Count a datagram dropped.
	 * @param reason why it was dropped
	 */
	public void drop(Socks5DropReason reason) {
		drop(reason, 1);
	}

	/**
	 * Count datagrams dropped for one reason, for example the rest of a burst.
	 * @param reason why they were dropped
	 * @param count how many, zero or more
	 * @throws IllegalArgumentException if the count is negative
	 */
	public void drop(Socks5DropReason reason, int count) {
		if (count < 0) {
			throw new IllegalArgumentException("count: " + count + " (expected: 0 or more)");
		}
		// Every reason has a counter from the constructor
		Objects.requireNonNull(this.dropped.get(reason)).add(count);
	}

	/**
	 * Add what other counters have counted so far to these, for example those of an
	 * association that has closed.
	 * @param other the counters to add
	 */
	public void add(Socks5AssociationCounters other) {
		this.datagramsSent.add(other.datagramsSent());
		this.bytesSent.add(other.bytesSent());
		this.datagramsReceived.add(other.datagramsReceived());
		this.bytesReceived.add(other.bytesReceived());
		this.dropped.forEach((reason, count) -> count.add(other.dropped(reason)));
	}

	/**
	 * Return the number of datagrams handed to the UDP channel.
	 * @return the datagrams sent
	 */
	public long datagramsSent() {
		return this.datagramsSent.sum();
	}

	/**
	 * Return the number of payload bytes sent, SOCKS5 headers not included.
	 * @return the payload bytes sent
	 */
	public long bytesSent() {
		return this.bytesSent.sum();
	}

	/**
	 * Return the number of datagrams received from the relay and delivered.
	 * @return the datagrams received
	 */
	public long datagramsReceived() {
		return this.datagramsReceived.sum();
	}

	/**
	 * Return the number of payload bytes received and delivered, SOCKS5 headers not
	 * included.
	 * @return the payload bytes received
	 */
	public long bytesReceived() {
		return this.bytesReceived.sum();
	}

	/**
	 * Return the number of datagrams dropped for a reason.
	 * @param reason the reason
	 * @return the datagrams dropped for that reason
	 */
	public long dropped(Socks5DropReason reason) {
		return Objects.requireNonNull(this.dropped.get(reason)).sum();
	}

	/**
	 * Return the number of datagrams dropped for any reason.
	 * @return the datagrams dropped
	 */
	public long droppedTotal() {
		long total = 0;
		for (LongAdder adder : this.dropped.values()) {
			total += adder.sum();
		}
		return total;
	}

	@Override
	public String toString() {
		StringBuilder builder = new StringBuilder("Socks5AssociationCounters[datagramsSent=").append(datagramsSent())
			.append(", bytesSent=")
			.append(bytesSent())
			.append(", datagramsReceived=")
			.append(datagramsReceived())
			.append(", bytesReceived=")
			.append(bytesReceived());
		for (Socks5DropReason reason : this.dropped.keySet()) {
			builder.append(", ").append(reason.tag()).append('=').append(dropped(reason));
		}
		return builder.append(']').toString();
	}

}
