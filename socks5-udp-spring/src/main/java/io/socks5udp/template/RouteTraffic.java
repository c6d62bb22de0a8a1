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

package io.socks5udp.template;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;

import io.socks5udp.core.client.Socks5AssociationCounters;
import io.socks5udp.core.client.Socks5DropReason;

import org.jspecify.annotations.Nullable;

/**
 * The traffic of one route over every association it has had: the live counters of the
 * current association, those of the last few closed ones, and totals that the route
 * counts itself (what the direct route carries, sends refused while there is no
 * association) into which older closed associations are folded.
 *
 * @author socks5-udp authors
 */
final class RouteTraffic implements Socks5UdpTraffic {

	/**
	 * Closed associations' counters are folded into the totals beyond this many: by then
	 * no send can still be racing with their association's close.
	 */
	private static final int CLOSED_KEPT = 2;

	private final Socks5AssociationCounters totals = new Socks5AssociationCounters();

	private final Deque<Socks5AssociationCounters> closed = new ArrayDeque<>();

	/**
	 * Sends that met a closing association, which counted them as dropped, and went out
	 * through the next one: counted as sent there, so taken out of the drops.
	 */
	private final LongAdder sentAgain = new LongAdder();

	private @Nullable Socks5AssociationCounters current;

	/**
	 * Return the totals, for what the route counts itself.
	 * @return the totals
	 */
	Socks5AssociationCounters totals() {
		return this.totals;
	}

	/**
	 * Start reading the counters of a newly opened association.
	 * @param counters its counters
	 */
	synchronized void opened(Socks5AssociationCounters counters) {
		this.current = counters;
	}

	/**
	 * Keep the counters of an association that closed.
	 * @param counters its counters
	 */
	synchronized void closed(Socks5AssociationCounters counters) {
		if (this.current == counters) {
			this.current = null;
		}
		this.closed.addLast(counters);
		while (this.closed.size() > CLOSED_KEPT) {
			this.totals.add(this.closed.removeFirst());
		}
	}

	/**
	 * Take back the drop a closing association counted for a datagram that another
	 * association then sent.
	 */
	void sentAgain() {
		this.sentAgain.increment();
	}

	@Override
	public long datagramsSent() {
		return sum(Socks5AssociationCounters::datagramsSent);
	}

	@Override
	public long bytesSent() {
		return sum(Socks5AssociationCounters::bytesSent);
	}

	@Override
	public long datagramsReceived() {
		return sum(Socks5AssociationCounters::datagramsReceived);
	}

	@Override
	public long bytesReceived() {
		return sum(Socks5AssociationCounters::bytesReceived);
	}

	@Override
	public long dropped(Socks5DropReason reason) {
		long total = sum((counters) -> counters.dropped(reason));
		return (reason != Socks5DropReason.NO_ASSOCIATION) ? total : total - this.sentAgain.sum();
	}

	private synchronized long sum(ToLongFunction<Socks5AssociationCounters> value) {
		long total = value.applyAsLong(this.totals);
		for (Socks5AssociationCounters counters : this.closed) {
			total += value.applyAsLong(counters);
		}
		return (this.current != null) ? total + value.applyAsLong(this.current) : total;
	}

}
