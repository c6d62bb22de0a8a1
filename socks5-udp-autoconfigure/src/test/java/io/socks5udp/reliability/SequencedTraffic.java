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

package io.socks5udp.reliability;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.template.Socks5UdpDatagramListener;
import io.socks5udp.template.Socks5UdpRoute;

/**
 * The fate of every datagram a test sends through a template to an echo server: each
 * carries a sequence number, and each sequence number ends up sent (then echoed or lost),
 * rejected as unavailable (counted by the template as dropped, no association) or failed
 * otherwise. Kill windows bound where datagrams may vanish: from the oldest datagram
 * still unanswered when the relay was killed to the moment the template noticed that its
 * association died.
 * <p>
 * Bit sets, not lists: a long soak must not grow the heap it measures.
 *
 * @author socks5-udp authors
 */
final class SequencedTraffic implements Socks5UdpDatagramListener {

	static final int PAYLOAD_LENGTH = 32;

	private final AtomicInteger next = new AtomicInteger();

	private final BitSet sent = new BitSet();

	private final BitSet unavailable = new BitSet();

	private final BitSet failed = new BitSet();

	private final BitSet echoed = new BitSet();

	private final BitSet resolved = new BitSet();

	private final List<KillWindow> windows = new ArrayList<>();

	private final List<String> unexpected = new ArrayList<>();

	private int duplicates;

	private int corrupt;

	private int dropsReported;

	/**
	 * Return how many sequence numbers were handed out: every send started before now has
	 * a lower one.
	 * @return the next sequence number
	 */
	int allocated() {
		return this.next.get();
	}

	int allocate() {
		return this.next.getAndIncrement();
	}

	static byte[] payload(int sequence) {
		byte[] payload = new byte[PAYLOAD_LENGTH];
		ByteBuffer.wrap(payload).putInt(sequence);
		for (int i = Integer.BYTES; i < PAYLOAD_LENGTH; i++) {
			payload[i] = (byte) (sequence * 31 + i);
		}
		return payload;
	}

	synchronized void sent(int sequence) {
		this.sent.set(sequence);
	}

	synchronized void unavailable(int sequence) {
		this.unavailable.set(sequence);
		this.resolved.set(sequence);
	}

	synchronized void failed(int sequence, Throwable failure, boolean expectedType) {
		this.failed.set(sequence);
		this.resolved.set(sequence);
		if (!expectedType && this.unexpected.size() < 10) {
			this.unexpected.add(sequence + ": " + failure);
		}
	}

	@Override
	public void onDatagram(Socks5Address source, ByteBuffer payload, Socks5UdpRoute route) {
		int sequence = (payload.remaining() == PAYLOAD_LENGTH) ? payload.getInt(payload.position()) : -1;
		boolean intact = sequence >= 0 && sequence < this.next.get();
		for (int i = Integer.BYTES; intact && i < PAYLOAD_LENGTH; i++) {
			intact = payload.get(payload.position() + i) == (byte) (sequence * 31 + i);
		}
		synchronized (this) {
			if (!intact) {
				this.corrupt++;
			}
			else if (this.echoed.get(sequence)) {
				this.duplicates++;
			}
			else {
				this.echoed.set(sequence);
				this.resolved.set(sequence);
			}
		}
	}

	@Override
	public synchronized void onDrop(Socks5DropReason reason, Socks5Address source, Socks5UdpRoute route) {
		this.dropsReported++;
	}

	synchronized int echoedCount() {
		return this.echoed.cardinality();
	}

	/**
	 * Return how many datagrams from the given sequence number on were echoed.
	 * @param from the first sequence number to count
	 * @return the number echoed
	 */
	synchronized int echoedFrom(int from) {
		return this.echoed.get(from, Math.max(from, this.echoed.length())).cardinality();
	}

	/**
	 * Return whether every datagram sent from the given sequence number on was echoed.
	 * @param from the first sequence number
	 * @return whether none is still awaited
	 */
	synchronized boolean allEchoedFrom(int from) {
		BitSet awaited = this.sent.get(from, Math.max(from, this.sent.length()));
		awaited.andNot(this.echoed.get(from, Math.max(from, this.echoed.length())));
		return awaited.isEmpty();
	}

	/**
	 * Open a kill window, just before the relay is killed: every datagram not yet
	 * answered may vanish from here on.
	 * @return the window, to be closed with {@link KillWindow#died(int)}
	 */
	synchronized KillWindow beginKill() {
		int from = this.windows.isEmpty() ? 0 : this.windows.get(this.windows.size() - 1).diedMark();
		int allocated = this.next.get();
		int firstUnresolved = Math.min(this.resolved.nextClearBit(from), allocated);
		int inFlight = (allocated - firstUnresolved) - this.resolved.get(firstUnresolved, allocated).cardinality();
		KillWindow window = new KillWindow(firstUnresolved, allocated, inFlight);
		this.windows.add(window);
		return window;
	}

	/**
	 * Count the datagrams whose sequence numbers are in a range.
	 * @param from the first sequence number
	 * @param to the sequence number after the last
	 * @return the counts
	 */
	synchronized Counts counts(int from, int to) {
		BitSet lost = this.sent.get(from, to);
		lost.andNot(this.echoed.get(from, to));
		return new Counts(to - from, this.sent.get(from, to).cardinality(), this.echoed.get(from, to).cardinality(),
				this.unavailable.get(from, to).cardinality(), this.failed.get(from, to).cardinality(),
				lost.cardinality());
	}

	/**
	 * Sum up, once no send is under way and every answer has arrived.
	 * @return the summary
	 */
	synchronized Summary summarize() {
		int allocated = this.next.get();
		BitSet lost = (BitSet) this.sent.clone();
		lost.andNot(this.echoed);
		BitSet outside = (BitSet) lost.clone();
		outside.or(this.failed);
		for (KillWindow window : this.windows) {
			outside.clear(window.firstUnresolved(), Math.max(window.firstUnresolved(), window.diedMark()));
		}
		List<Integer> examples = outside.stream().limit(10).boxed().toList();
		return new Summary(counts(0, allocated), this.windows.size(), outside.cardinality(), examples, this.duplicates,
				this.corrupt, this.dropsReported, List.copyOf(this.unexpected));
	}

	/**
	 * The datagrams from just before a kill to the moment the template knew.
	 */
	static final class KillWindow {

		private final int firstUnresolved;

		private final int allocatedAtKill;

		private final int inFlightAtKill;

		private volatile int diedMark = Integer.MAX_VALUE;

		private volatile int reopenedMark = Integer.MAX_VALUE;

		KillWindow(int firstUnresolved, int allocatedAtKill, int inFlightAtKill) {
			this.firstUnresolved = firstUnresolved;
			this.allocatedAtKill = allocatedAtKill;
			this.inFlightAtKill = inFlightAtKill;
		}

		int firstUnresolved() {
			return this.firstUnresolved;
		}

		int allocatedAtKill() {
			return this.allocatedAtKill;
		}

		/**
		 * Return how many datagrams were sent or being sent, and not answered, when the
		 * kill began.
		 * @return the datagrams in flight
		 */
		int inFlightAtKill() {
			return this.inFlightAtKill;
		}

		int diedMark() {
			return this.diedMark;
		}

		int reopenedMark() {
			return this.reopenedMark;
		}

		void died(int mark) {
			this.diedMark = mark;
		}

		void reopened(int mark) {
			this.reopenedMark = mark;
		}

		/**
		 * Return how many datagrams may have vanished: those in flight at the kill and
		 * those started before the template noticed.
		 * @return the bound
		 */
		int lossBound() {
			return this.inFlightAtKill + (this.diedMark - this.allocatedAtKill);
		}

	}

	/**
	 * What became of the datagrams of a range of sequence numbers.
	 *
	 * @param attempts the sends started
	 * @param sent the sends that returned normally
	 * @param echoed the datagrams that came back
	 * @param unavailable the sends rejected as unavailable
	 * @param failed the sends that failed otherwise
	 * @param lost the datagrams sent that never came back
	 */
	record Counts(int attempts, int sent, int echoed, int unavailable, int failed, int lost) {

	}

	/**
	 * What became of every datagram.
	 *
	 * @param counts the counts over every sequence number
	 * @param kills the kill windows opened
	 * @param outsideKillWindows datagrams lost or failed outside every kill window
	 * @param examples sequence numbers of some of those
	 * @param duplicates echoes received twice
	 * @param corrupt echoes whose payload was not a payload sent
	 * @param dropsReported drops the template reported to its listeners
	 * @param unexpected failures of an unexpected type
	 */
	record Summary(Counts counts, int kills, int outsideKillWindows, List<Integer> examples, int duplicates,
			int corrupt, int dropsReported, List<String> unexpected) {

	}

}
