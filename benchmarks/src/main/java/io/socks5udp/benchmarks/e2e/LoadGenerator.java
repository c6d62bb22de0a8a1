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
package io.socks5udp.benchmarks.e2e;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntUnaryOperator;

/**
 * Drives one path with a fixed number of datagrams in flight for a fixed time and
 * measures round trips per second, round-trip time percentiles, CPU and allocation.
 * <p>
 * Each payload carries the send time; the sink reads it back from the echo, records the
 * round-trip time and frees one place in the window. When the window has stayed full for
 * {@code lossTimeout}, the datagrams in it are counted as lost and the window is freed,
 * so a lost datagram cannot stall the run. The window is an atomic counter with
 * {@link LockSupport} park and unpark rather than a semaphore: it allocates nothing, so
 * the allocation figures are the path's own.
 *
 * @author socks5-udp authors
 */
public final class LoadGenerator {

	static final String SENDER_THREAD = "e2e-sender";

	private final int inFlight;

	private final long lossTimeoutNanos;

	private final RoundTripSamples samples = new RoundTripSamples();

	private static final IntUnaryOperator RELEASE = (n) -> (n > 0) ? n - 1 : 0;

	private final AtomicLong received = new AtomicLong();

	private final AtomicInteger window = new AtomicInteger();

	private volatile Thread sender;

	/**
	 * Create a generator.
	 * @param inFlight the most datagrams awaiting their echo at a time
	 * @param lossTimeoutMillis how long a full window may wait before its datagrams count
	 * as lost
	 */
	public LoadGenerator(int inFlight, long lossTimeoutMillis) {
		this.inFlight = inFlight;
		this.lossTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(lossTimeoutMillis);
	}

	LoadResult run(RoundTripPath path, int payloadSize, double warmupSeconds, double seconds) throws Exception {
		return run(path, payloadSize, warmupSeconds, seconds, null);
	}

	/**
	 * Open the path, warm it up, measure it and close it.
	 * @param path the path
	 * @param payloadSize bytes per datagram, at least 8 (the send time)
	 * @param warmupSeconds how long to send before measuring
	 * @param seconds how long to measure
	 * @param accounting what to charge the CPU and allocation of the measured interval
	 * to, or {@code null} for the sending thread and the path's threads
	 * @return the figures of the measured interval
	 * @throws Exception when the path fails
	 */
	public LoadResult run(RoundTripPath path, int payloadSize, double warmupSeconds, double seconds,
			LoadAccounting accounting) throws Exception {
		this.window.set(0);
		this.received.set(0);
		path.open((payload) -> {
			// The same work in the warm-up and in the measurement, so the code the JIT
			// compiled during the warm-up is the code measured
			this.samples.record(System.nanoTime() - payload.getLong(payload.position()));
			this.received.incrementAndGet();
			if (this.window.getAndUpdate(RELEASE) == this.inFlight) {
				LockSupport.unpark(this.sender);
			}
		});
		if (accounting == null) {
			List<String> prefixes = new ArrayList<>(List.of(SENDER_THREAD));
			prefixes.addAll(Arrays.asList(path.threadNamePrefixes()));
			accounting = new ThreadAccounting(prefixes);
		}
		LoadAccounting charged = accounting;
		long[] result = new long[3];
		Exception[] failure = new Exception[1];
		Thread sender = new Thread(() -> {
			try {
				drive(path, payloadSize, warmupSeconds, seconds, charged, result);
			}
			catch (Exception ex) {
				failure[0] = ex;
			}
		}, SENDER_THREAD);
		this.sender = sender;
		sender.start();
		sender.join();
		path.close();
		if (failure[0] != null) {
			throw failure[0];
		}
		long elapsedNanos = result[0];
		long lost = result[1];
		long count = result[2];
		double[] percentiles = this.samples.percentilesMicros(0.50, 0.99);
		double p50 = percentiles[0];
		double p99 = percentiles[1];
		double rate = count * 1e9 / elapsedNanos;
		double cpu = (count > 0) ? accounting.cpuNanos() / 1e9 / count * 1e6 : Double.NaN;
		double alloc = (count > 0) ? (double) accounting.allocatedBytes() / count : Double.NaN;
		return new LoadResult(path.name(), payloadSize, rate, p50, p99, cpu, alloc, lost, count);
	}

	private void drive(RoundTripPath path, int payloadSize, double warmupSeconds, double seconds,
			LoadAccounting accounting, long[] result) throws Exception {
		ByteBuffer payload = ByteBuffer.allocateDirect(Math.max(payloadSize, 8));
		payload.limit(payloadSize);
		long lost = 0;
		long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
		while (System.nanoTime() < warmupEnd) {
			lost += sendOne(path, payload);
		}
		// Let the warm-up datagrams come back before measuring starts
		long drainEnd = System.nanoTime() + this.lossTimeoutNanos;
		while (this.window.get() > 0 && System.nanoTime() < drainEnd) {
			LockSupport.parkNanos(100_000);
		}
		this.window.set(0);
		lost = 0;
		this.samples.restart();
		long startReceived = this.received.get();
		accounting.start();
		long start = System.nanoTime();
		long end = start + (long) (seconds * 1e9);
		while (System.nanoTime() < end) {
			lost += sendOne(path, payload);
		}
		long elapsed = System.nanoTime() - start;
		long count = this.received.get() - startReceived;
		accounting.stop();
		this.samples.stop();
		result[0] = elapsed;
		result[1] = lost;
		result[2] = count;
	}

	private long sendOne(RoundTripPath path, ByteBuffer payload) throws Exception {
		long lost = 0;
		long fullSince = 0;
		while (this.window.get() >= this.inFlight) {
			long now = System.nanoTime();
			if (fullSince == 0) {
				fullSince = now;
			}
			else if (now - fullSince >= this.lossTimeoutNanos) {
				// Every datagram in flight has had the loss timeout to come back
				lost += this.window.getAndSet(0);
				break;
			}
			LockSupport.parkNanos(this.lossTimeoutNanos);
		}
		this.window.incrementAndGet();
		payload.putLong(0, System.nanoTime());
		payload.position(0);
		path.send(payload);
		return lost;
	}

}
