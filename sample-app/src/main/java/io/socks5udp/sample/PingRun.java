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

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessagingException;

/**
 * One run of the sample, in three phases: a warm-up at {@code sample.in-flight} whose
 * pings are not counted (so that the figures are not those of a cold JVM and a new
 * association), the latency phase (pings one at a time: round-trip times without
 * queueing) and the throughput phase (the rest of {@code sample.count}, up to
 * {@code sample.in-flight} awaiting their echo). Each phase waits for its last echoes.
 * <p>
 * Asked to stop, it sends no more pings but still waits for those in flight, so that
 * every ping sent is counted as received or lost.
 *
 * @author socks5-udp authors
 */
final class PingRun {

	private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

	private final SampleProperties properties;

	private final PingTracker tracker;

	private final MessageChannel pings;

	private final BooleanSupplier stopRequested;

	private final PrintStream err;

	private boolean sendFailed;

	private long nextProgress;

	/**
	 * Prepare a run.
	 * @param properties what to ping and how
	 * @param tracker matches the echoes to the pings
	 * @param pings the channel that sends the pings
	 * @param stopRequested whether to stop sending; the tracker is woken up when it turns
	 * true
	 * @param err where progress and the first send failure are reported
	 */
	PingRun(SampleProperties properties, PingTracker tracker, MessageChannel pings, BooleanSupplier stopRequested,
			PrintStream err) {
		this.properties = properties;
		this.tracker = tracker;
		this.pings = pings;
		this.stopRequested = stopRequested;
		this.err = err;
	}

	/**
	 * Warm up, then run the latency and the throughput phases.
	 * @return the figures of the two counted phases
	 * @throws InterruptedException if interrupted while waiting for echoes
	 */
	Figures run() throws InterruptedException {
		warmUp();
		this.tracker.forgetCarried();
		int count = this.properties.getCount();
		int latencyPings = Math.min(this.properties.getLatencyCount(), count / 2);
		PingTracker.Mark start = this.tracker.mark();
		this.nextProgress = start.nanos() + PROGRESS_INTERVAL.toNanos();
		send(latencyPings, PingSummary.LATENCY_IN_FLIGHT, start);
		PhaseFigures latency = this.tracker.since(start);
		PingTracker.Mark throughputStart = this.tracker.mark();
		send(count - latencyPings, this.properties.getInFlight(), start);
		return new Figures(latency, this.tracker.since(throughputStart));
	}

	private void warmUp() throws InterruptedException {
		long end = System.nanoTime() + this.properties.getWarmup().toNanos();
		PingTracker.Mark start = this.tracker.mark();
		while (System.nanoTime() - end < 0 && !this.stopRequested.getAsBoolean()) {
			this.tracker.awaitFewerThan(this.properties.getInFlight(), this.stopRequested);
			// A target that does not answer is not warmed up by more pings: the
			// counted phases report it
			if (this.stopRequested.getAsBoolean() || this.tracker.mark().lost() > start.lost()
					|| !send(this.tracker.nextPing(), false)) {
				break;
			}
		}
		this.tracker.awaitAll();
	}

	private void send(int pings, int inFlight, PingTracker.Mark start) throws InterruptedException {
		for (int i = 0; i < pings && !this.stopRequested.getAsBoolean(); i++) {
			this.tracker.awaitFewerThan(inFlight, this.stopRequested);
			if (this.stopRequested.getAsBoolean()) {
				break;
			}
			send(this.tracker.nextPing(), true);
			progress(start);
		}
		this.tracker.awaitAll();
	}

	private boolean send(byte[] ping, boolean report) {
		try {
			this.pings.send(MessageBuilder.withPayload(ping).build());
			return true;
		}
		catch (MessagingException ex) {
			this.tracker.notSent(ping);
			if (report && !this.sendFailed) {
				this.sendFailed = true;
				this.err.println("error: a ping could not be sent, it counts as lost: "
						+ NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
			}
			return false;
		}
	}

	private void progress(PingTracker.Mark start) {
		if (System.nanoTime() - this.nextProgress >= 0) {
			PingTracker.Mark now = this.tracker.mark();
			this.err.println("progress: sent=" + (now.sent() - start.sent()) + "/" + this.properties.getCount()
					+ " received=" + (now.received() - start.received()) + " lost=" + (now.lost() - start.lost()));
			this.nextProgress += PROGRESS_INTERVAL.toNanos();
		}
	}

	/**
	 * The figures of the two counted phases of a run.
	 *
	 * @param latency pings one at a time
	 * @param throughput pings with up to {@code sample.in-flight} awaiting their echo
	 */
	record Figures(PhaseFigures latency, PhaseFigures throughput) {

		long sent() {
			return this.latency.sent() + this.throughput.sent();
		}

		long received() {
			return this.latency.received() + this.throughput.received();
		}

		long lost() {
			return this.latency.lost() + this.throughput.lost();
		}

	}

}
