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
package io.socks5udp.netty;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a {@link Socks5DatagramHandler} waits before each attempt to associate again
 * after its association ended or an attempt failed: a delay that grows by a factor per
 * failed attempt up to a cap, with random jitter so that many channels do not hammer a
 * restarted server in step. A granted association starts the delays over.
 *
 * @param initialDelay the delay before the first attempt after an association ended
 * @param maxDelay the longest delay, before jitter
 * @param multiplier the factor applied to the delay after each failed attempt, at least 1
 * @param jitter the random fraction of each delay added or taken away, 0 to 1
 * @author socks5-udp authors
 */
public record Socks5ReassociationBackoff(Duration initialDelay, Duration maxDelay, double multiplier, double jitter) {

	/** Defaults: 100 ms, doubling, capped at 30 s, with 20 % jitter. */
	public static final Socks5ReassociationBackoff DEFAULT = new Socks5ReassociationBackoff(Duration.ofMillis(100),
			Duration.ofSeconds(30), 2, 0.2);

	/**
	 * Create a backoff, checking its arguments.
	 * @param initialDelay the delay before the first attempt, zero or positive
	 * @param maxDelay the longest delay, at least {@code initialDelay}
	 * @param multiplier the growth factor, at least 1
	 * @param jitter the random fraction, 0 to 1
	 */
	public Socks5ReassociationBackoff {
		Objects.requireNonNull(initialDelay, "'initialDelay' must not be null");
		Objects.requireNonNull(maxDelay, "'maxDelay' must not be null");
		if (initialDelay.isNegative()) {
			throw new IllegalArgumentException("initialDelay: " + initialDelay + " (expected: >= 0)");
		}
		if (maxDelay.compareTo(initialDelay) < 0) {
			throw new IllegalArgumentException(
					"maxDelay: " + maxDelay + " (expected: >= initialDelay " + initialDelay + ")");
		}
		if (!(multiplier >= 1)) {
			throw new IllegalArgumentException("multiplier: " + multiplier + " (expected: >= 1)");
		}
		if (!(jitter >= 0 && jitter <= 1)) {
			throw new IllegalArgumentException("jitter: " + jitter + " (expected: 0-1)");
		}
	}

	/**
	 * Return the delay before an attempt.
	 * @param attempt 1 for the first attempt after an association ended, 2 after that
	 * attempt failed, and so on
	 * @param random a uniformly distributed number in [0, 1)
	 * @return the delay, never negative and never above {@code maxDelay * (1 + jitter)}
	 */
	public Duration delay(int attempt, double random) {
		if (attempt < 1) {
			throw new IllegalArgumentException("attempt: " + attempt + " (expected: >= 1)");
		}
		double base = this.initialDelay.toNanos() * Math.pow(this.multiplier, attempt - 1);
		double capped = Math.min(base, this.maxDelay.toNanos());
		double jittered = capped * (1 + this.jitter * (2 * random - 1));
		return Duration.ofNanos((long) Math.max(0, jittered));
	}

}
