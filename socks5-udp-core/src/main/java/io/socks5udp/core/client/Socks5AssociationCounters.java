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

import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of one association: datagrams and payload bytes sent and received, and
 * datagrams dropped by {@link Socks5DropReason reason}. Safe to read from any thread
 * while the association is in use; the values only grow.
 *
 * @author socks5-udp authors
 */
public final class Socks5AssociationCounters {

	private static final Socks5DropReason[] REASONS = Socks5DropReason.values();

	private final LongAdder datagramsSent = new LongAdder();

	private final LongAdder bytesSent = new LongAdder();

	private final LongAdder datagramsReceived = new LongAdder();

	private final LongAdder bytesReceived = new LongAdder();

	private final LongAdder[] dropped = new LongAdder[REASONS.length];

	Socks5AssociationCounters() {
		for (int i = 0; i < this.dropped.length; i++) {
			this.dropped[i] = new LongAdder();
		}
	}

	void sent(int payloadLength) {
		this.datagramsSent.increment();
		this.bytesSent.add(payloadLength);
	}

	void received(int payloadLength) {
		this.datagramsReceived.increment();
		this.bytesReceived.add(payloadLength);
	}

	void drop(Socks5DropReason reason) {
		this.dropped[reason.ordinal()].increment();
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
		return this.dropped[reason.ordinal()].sum();
	}

	/**
	 * Return the number of datagrams dropped for any reason.
	 * @return the datagrams dropped
	 */
	public long droppedTotal() {
		long total = 0;
		for (LongAdder adder : this.dropped) {
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
		for (Socks5DropReason reason : REASONS) {
			builder.append(", ").append(reason.tag()).append('=').append(dropped(reason));
		}
		return builder.append(']').toString();
	}

}
