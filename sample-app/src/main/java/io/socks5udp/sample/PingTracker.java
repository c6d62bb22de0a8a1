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

package io.socks5udp.sample;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Remembers when each ping left and matches the echoes to it: how many pings came back,
 * how many were lost (no echo within the echo time-out) and their round-trip times.
 * Thread-safe: pings leave on the sending thread, echoes arrive on a receive thread.
 * <p>
 * Each ping's payload starts with its sequence number. As a {@link MeterBinder} it
 * publishes the counters {@code sample.pings.sent}, {@code sample.pings.received},
 * {@code sample.pings.lost} and the timer {@code sample.ping.round.trip}.
 *
 * @author socks5-udp authors
 */
class PingTracker implements MeterBinder {

	private final int payloadSize;

	private final long echoTimeoutNanos;

	/** Send times of the pings awaiting their echo, by sequence number, oldest first. */
	private final Map<Integer, Long> awaiting = new LinkedHashMap<>();

	// Echoes per server they came through, in the order the servers first carried one
	private final Map<String, Long> carried = new LinkedHashMap<>();

	/**
	 * Round-trip times of the latest echoes, in nanoseconds, oldest overwritten first.
	 */
	private final long[] roundTrips;

	private int nextSequence;

	private long sent;

	private long received;

	private long lost;

	private volatile @Nullable Timer roundTripTimer;

	/**
	 * Create a tracker.
	 * @param payloadSize the size of each ping's payload, at least 4 bytes
	 * @param echoTimeout how long to wait for an echo before counting the ping lost
	 * @param roundTripsKept how many of the latest round-trip times the percentiles cover
	 */
	PingTracker(int payloadSize, Duration echoTimeout, int roundTripsKept) {
		this.payloadSize = payloadSize;
		this.echoTimeoutNanos = echoTimeout.toNanos();
		this.roundTrips = new long[roundTripsKept];
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("sample.pings.sent", this, PingTracker::sent)
			.description("Pings sent to sample.target")
			.register(registry);
		FunctionCounter.builder("sample.pings.received", this, PingTracker::received)
			.description("Echoes received in time")
			.register(registry);
		FunctionCounter.builder("sample.pings.lost", this, PingTracker::lost)
			.description("Pings without an echo within sample.echo-timeout")
			.register(registry);
		this.roundTripTimer = Timer.builder("sample.ping.round.trip")
			.description("Round-trip time of the pings, through the SOCKS5 relay and back")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
	}

	/**
	 * Create the next ping and note that it leaves now.
	 * @return the payload to send
	 */
	synchronized byte[] nextPing() {
		expire();
		int sequence = this.nextSequence++;
		byte[] payload = new byte[this.payloadSize];
		ByteBuffer.wrap(payload).putInt(sequence);
		this.awaiting.put(sequence, System.nanoTime());
		this.sent++;
		return payload;
	}

	/**
	 * Count a ping that could not be sent as lost at once.
	 * @param payload the ping's payload
	 */
	synchronized void notSent(byte[] payload) {
		if (this.awaiting.remove(sequence(payload)) != null) {
			this.lost++;
			notifyAll();
		}
	}

	/**
	 * Match an echo to its ping. Datagrams that are not the echo of a ping still awaited
	 * (late, duplicated, or not a ping at all) are ignored.
	 * @param payload the payload that came back
	 */
	void echoed(byte[] payload) {
		echoed(payload, null);
	}

	/**
	 * Count an echo, and the server it came through.
	 * @param payload the echoed ping
	 * @param server the name of the server the echo came through, or {@code null} if
	 * unknown
	 */
	void echoed(byte[] payload, @Nullable String server) {
		long now = System.nanoTime();
		if (payload.length != this.payloadSize) {
			return;
		}
		long roundTrip;
		synchronized (this) {
			Long sentAt = this.awaiting.remove(sequence(payload));
			if (sentAt == null) {
				return;
			}
			roundTrip = now - sentAt;
			if (server != null) {
				this.carried.merge(server, 1L, Long::sum);
			}
			this.roundTrips[(int) (this.received % this.roundTrips.length)] = roundTrip;
			this.received++;
			notifyAll();
		}
		Timer timer = this.roundTripTimer;
		if (timer != null) {
			timer.record(roundTrip, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * Wait until fewer than the given number of pings await their echo, counting those
	 * whose echo is overdue as lost.
	 * @param maxAwaiting the most pings that may await their echo
	 * @throws InterruptedException if interrupted while waiting
	 */
	synchronized void awaitFewerThan(int maxAwaiting) throws InterruptedException {
		awaitFewerThan(maxAwaiting, () -> false);
	}

	/**
	 * Wait until fewer than the given number of pings await their echo, or until told to
	 * give up, counting those whose echo is overdue as lost.
	 * @param maxAwaiting the most pings that may await their echo
	 * @param giveUp whether to stop waiting, asked again after each {@link #wakeUp()}
	 * @throws InterruptedException if interrupted while waiting
	 */
	synchronized void awaitFewerThan(int maxAwaiting, BooleanSupplier giveUp) throws InterruptedException {
		while (!giveUp.getAsBoolean() && expire() >= maxAwaiting) {
			waitForOldest();
		}
	}

	/**
	 * Wake the threads waiting for room, so that they ask again whether to give up.
	 */
	synchronized void wakeUp() {
		notifyAll();
	}

	/**
	 * Wait until every ping sent has come back or been counted lost.
	 * @throws InterruptedException if interrupted while waiting
	 */
	synchronized void awaitAll() throws InterruptedException {
		awaitFewerThan(1);
	}

	synchronized long sent() {
		return this.sent;
	}

	synchronized long received() {
		return this.received;
	}

	synchronized long lost() {
		return this.lost;
	}

	/**
	 * Return the summary of the pings so far, with the percentiles of the latest
	 * round-trip times kept.
	 * @param server the name of the server the pings go through
	 * @param relay the relay address the pings go to
	 * @return the summary
	 */
	/**
	 * Forget which servers carried the echoes so far, as after the warm-up.
	 */
	synchronized void forgetCarried() {
		this.carried.clear();
	}

	/**
	 * Return the servers that carried echoes, with their counts, for example
	 * {@code first:312,second:688}.
	 * @return the servers and counts, or {@code none}
	 */
	synchronized String carried() {
		if (this.carried.isEmpty()) {
			return "none";
		}
		StringBuilder carried = new StringBuilder();
		this.carried.forEach((server,
				count) -> carried.append((carried.length() > 0) ? "," : "").append(server).append(':').append(count));
		return carried.toString();
	}

	synchronized PingSummary summary(String server, String relay) {
		int kept = (int) Math.min(this.received, this.roundTrips.length);
		long[] sorted = Arrays.copyOf(this.roundTrips, kept);
		Arrays.sort(sorted);
		return new PingSummary(this.sent, this.received, this.lost,
				new PingSummary.Latency(micros(sorted, 0.50), micros(sorted, 0.99)), null, server, relay, carried());
	}

	/**
	 * Mark the start of a phase of a run.
	 * @return the counts so far, and the time
	 */
	synchronized Mark mark() {
		return new Mark(this.sent, this.received, this.lost, System.nanoTime());
	}

	/**
	 * Return the figures of the pings since a mark: counts, and the percentiles of their
	 * round-trip times as far as they are still kept.
	 * @param mark the start of the phase
	 * @return the figures, over the time from the mark to now
	 */
	synchronized PhaseFigures since(Mark mark) {
		long receivedSince = this.received - mark.received();
		int kept = (int) Math.min(receivedSince, this.roundTrips.length);
		long[] sorted = new long[kept];
		for (int i = 0; i < kept; i++) {
			sorted[i] = this.roundTrips[(int) ((this.received - kept + i) % this.roundTrips.length)];
		}
		Arrays.sort(sorted);
		return new PhaseFigures(this.sent - mark.sent(), receivedSince, this.lost - mark.lost(), micros(sorted, 0.50),
				micros(sorted, 0.99), System.nanoTime() - mark.nanos());
	}

	/**
	 * Return the percentile of the sorted times by the nearest-rank method.
	 */
	private static long micros(long[] sorted, double percentile) {
		if (sorted.length == 0) {
			return -1;
		}
		int rank = (int) Math.ceil(percentile * sorted.length);
		return TimeUnit.NANOSECONDS.toMicros(sorted[Math.max(rank, 1) - 1]);
	}

	private int expire() {
		long now = System.nanoTime();
		Iterator<Long> sendTimes = this.awaiting.values().iterator();
		while (sendTimes.hasNext() && now - sendTimes.next() >= this.echoTimeoutNanos) {
			sendTimes.remove();
			this.lost++;
		}
		return this.awaiting.size();
	}

	private void waitForOldest() throws InterruptedException {
		long oldest = this.awaiting.values().iterator().next();
		long untilOverdue = oldest + this.echoTimeoutNanos - System.nanoTime();
		if (untilOverdue > 0) {
			// Woken early by each echo, which may make room
			TimeUnit.NANOSECONDS.timedWait(this, untilOverdue);
		}
	}

	private static int sequence(byte[] payload) {
		return ByteBuffer.wrap(payload).getInt();
	}

	/**
	 * The counts of a tracker at the start of a phase of a run.
	 *
	 * @param sent pings sent so far
	 * @param received echoes received so far
	 * @param lost pings lost so far
	 * @param nanos when, by {@link System#nanoTime()}
	 */
	record Mark(long sent, long received, long lost, long nanos) {

	}

}
