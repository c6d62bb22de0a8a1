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

/**
 * The round-trip times of a load driver, recorded the same way during the warm-up and the
 * measurement, and restarted when the measurement starts.
 * <p>
 * A driver that records only while a {@code measuring} flag is set changes its hot path
 * when the flag flips: the JIT compiled the receive loop with that branch never taken, so
 * the first measured echo deoptimizes the loop and the measurement's first second or so
 * runs in the interpreter and in recompilation (seen with {@code -XX:+PrintCompilation}
 * in the cross-process clients, 2026-12-02). Recording always, into a ring that keeps the
 * latest samples, keeps the warmed-up code.
 *
 * @author socks5-udp authors
 */
public final class RoundTripSamples {

	/** A power of two, so that an index wraps with a mask. */
	private static final int CAPACITY = 1 << 22;

	private final long[] samples = new long[CAPACITY];

	/** Written by the recording thread only; read by the measuring one. */
	private volatile long count;

	private volatile long start;

	private volatile long end = -1;

	/**
	 * Record one round trip. From one thread at a time.
	 * @param nanos the round-trip time in nanoseconds
	 */
	public void record(long nanos) {
		long i = this.count;
		this.samples[(int) i & (CAPACITY - 1)] = nanos;
		this.count = i + 1;
	}

	/**
	 * Start the measurement: the samples recorded so far are left out of the percentiles.
	 * The recording thread goes on as before.
	 */
	public void restart() {
		this.end = -1;
		this.start = this.count;
	}

	/**
	 * End the measurement: samples recorded from now on are left out of the percentiles.
	 */
	public void stop() {
		this.end = this.count;
	}

	/**
	 * Return a percentile of the samples between the last {@link #restart()} and
	 * {@link #stop()} (or now, if not stopped): the latest 4,194,304 of them if there
	 * were more (nearest rank).
	 * @param p the percentile, 0 to 1
	 * @return the percentile in microseconds, 0 without samples
	 */
	public double percentileMicros(double p) {
		return percentilesMicros(p)[0];
	}

	/**
	 * Return several percentiles of the same samples as
	 * {@link #percentileMicros(double)}, sorting them once.
	 * @param ps the percentiles, 0 to 1
	 * @return the percentiles in microseconds, in the order asked, 0 without samples
	 */
	public double[] percentilesMicros(double... ps) {
		long end = (this.end >= 0) ? this.end : this.count;
		int n = (int) Math.max(0, Math.min(end - this.start, CAPACITY));
		long[] measured = new long[n];
		for (int k = 0; k < n; k++) {
			measured[k] = this.samples[(int) (end - n + k) & (CAPACITY - 1)];
		}
		Percentiles percentiles = new Percentiles(measured);
		double[] micros = new double[ps.length];
		for (int k = 0; k < ps.length; k++) {
			micros[k] = percentiles.nanos(ps[k]) / 1000.0;
		}
		return micros;
	}

}
