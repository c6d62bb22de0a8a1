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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.integration.channel.DirectChannel;
import org.springframework.messaging.MessageHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PingRun}, with a channel whose handler plays the echo target.
 *
 * @author socks5-udp authors
 */
class PingRunTests {

	private final ExecutorService echoes = Executors.newSingleThreadExecutor();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@AfterEach
	void stopEchoes() throws InterruptedException {
		this.echoes.shutdownNow();
		this.echoes.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Test
	void warmUpPingsAreNotCountedAndTheCountIsSplitIntoLatencyAndThroughput() throws InterruptedException {
		SampleProperties properties = properties(100, Duration.ofMillis(50), 20, 8);
		PingTracker tracker = tracker(properties);
		AtomicInteger handled = new AtomicInteger();
		PingRun.Figures figures = run(properties, tracker, (message) -> {
			handled.incrementAndGet();
			tracker.echoed((byte[]) message.getPayload());
		}, () -> false);
		assertThat(handled.get()).isGreaterThan(100);
		assertThat(figures.sent()).isEqualTo(100);
		assertThat(figures.received()).isEqualTo(100);
		assertThat(figures.latency().sent()).isEqualTo(20);
		assertThat(figures.throughput().sent()).isEqualTo(80);
		assertThat(figures.latency().p50Micros()).isNotNegative();
		assertThat(figures.throughput().roundTripsPerSecond()).isPositive();
	}

	@Test
	void latencyPingsGoOneAtATimeAndThroughputPingsUpToTheWindow() throws InterruptedException {
		SampleProperties properties = properties(400, Duration.ZERO, 200, 8);
		PingTracker tracker = tracker(properties);
		Awaiting awaiting = new Awaiting();
		AtomicInteger mostAwaitingInLatencyPhase = new AtomicInteger();
		AtomicInteger mostAwaitingInThroughputPhase = new AtomicInteger();
		AtomicInteger handled = new AtomicInteger();
		run(properties, tracker, (message) -> {
			int now = awaiting.increment();
			boolean latencyPhase = handled.incrementAndGet() <= 200;
			AtomicInteger most = latencyPhase ? mostAwaitingInLatencyPhase : mostAwaitingInThroughputPhase;
			most.accumulateAndGet(now, Math::max);
			byte[] ping = (byte[]) message.getPayload();
			this.echoes.execute(() -> {
				if (!latencyPhase) {
					// As over a network, the echo comes after the next ping went, if one
					// goes
					// without waiting for it; the echo thread alone could otherwise keep
					// up
					// with the sender on a busy machine
					awaiting.awaitAtLeast(2, Duration.ofMillis(50));
				}
				awaiting.decrement();
				tracker.echoed(ping);
			});
		}, () -> false);
		assertThat(mostAwaitingInLatencyPhase.get()).isOne();
		assertThat(mostAwaitingInThroughputPhase.get()).isGreaterThan(1).isLessThanOrEqualTo(8);
	}

	@Test
	void warmUpEndsAtTheFirstLostPingWhenTheTargetDoesNotAnswer() throws InterruptedException {
		SampleProperties properties = properties(4, Duration.ofMinutes(10), 2, 3);
		properties.setEchoTimeout(Duration.ofMillis(50));
		PingTracker tracker = tracker(properties);
		AtomicInteger handled = new AtomicInteger();
		PingRun.Figures figures = run(properties, tracker, (message) -> handled.incrementAndGet(), () -> false);
		// A full window of warm-up pings, then the four counted ones
		assertThat(handled.get()).isEqualTo(3 + 4);
		assertThat(figures.sent()).isEqualTo(4);
		assertThat(figures.lost()).isEqualTo(4);
		assertThat(figures.latency().p50Micros()).isEqualTo(-1);
		assertThat(figures.throughput().roundTripsPerSecond()).isEqualTo(-1);
	}

	@Test
	void stopRequestedSendsNoMorePingsButWaitsForThoseInFlight() throws InterruptedException {
		SampleProperties properties = properties(100_000, Duration.ZERO, 10, 16);
		PingTracker tracker = tracker(properties);
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger handled = new AtomicInteger();
		PingRun.Figures figures = run(properties, tracker, (message) -> {
			if (handled.incrementAndGet() == 1000) {
				stop.set(true);
				tracker.wakeUp();
			}
			byte[] ping = (byte[]) message.getPayload();
			this.echoes.execute(() -> tracker.echoed(ping));
		}, stop::get);
		assertThat(figures.sent()).isEqualTo(1000);
		assertThat(figures.received()).isEqualTo(1000);
		assertThat(figures.lost()).isZero();
	}

	@Test
	void aPingThatCannotBeSentIsReportedOnceAndLost() throws InterruptedException {
		SampleProperties properties = properties(10, Duration.ZERO, 2, 4);
		PingTracker tracker = tracker(properties);
		PingRun.Figures figures = run(properties, tracker, (message) -> {
			throw new IllegalStateException("no relay");
		}, () -> false);
		assertThat(figures.lost()).isEqualTo(10);
		assertThat(this.err.toString(StandardCharsets.UTF_8).lines().toList())
			.containsExactly("error: a ping could not be sent, it counts as lost: no relay");
	}

	private PingRun.Figures run(SampleProperties properties, PingTracker tracker, MessageHandler target,
			BooleanSupplier stop) throws InterruptedException {
		DirectChannel pings = new DirectChannel();
		pings.subscribe(target);
		PrintStream err = new PrintStream(this.err, true, StandardCharsets.UTF_8);
		return new PingRun(properties, tracker, pings, stop, err).run();
	}

	private static SampleProperties properties(int count, Duration warmup, int latencyCount, int inFlight) {
		SampleProperties properties = new SampleProperties();
		properties.setCount(count);
		properties.setWarmup(warmup);
		properties.setLatencyCount(latencyCount);
		properties.setInFlight(inFlight);
		properties.setPayloadSize(16);
		return properties;
	}

	private static PingTracker tracker(SampleProperties properties) {
		return new PingTracker(properties.getPayloadSize(), properties.getEchoTimeout(), properties.getCount());
	}

	/**
	 * The pings handed to the target and not yet echoed, which an echo can wait on.
	 */
	private static final class Awaiting {

		private int count;

		synchronized int increment() {
			this.count++;
			notifyAll();
			return this.count;
		}

		synchronized void decrement() {
			this.count--;
		}

		synchronized void awaitAtLeast(int wanted, Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			long remaining = timeout.toNanos();
			while (this.count < wanted && remaining > 0) {
				try {
					TimeUnit.NANOSECONDS.timedWait(this, remaining);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				remaining = deadline - System.nanoTime();
			}
		}

	}

}
