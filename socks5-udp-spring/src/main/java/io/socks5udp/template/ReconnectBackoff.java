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

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * Exponential backoff with jitter between attempts to re-establish an association.
 * <p>
 * The delays grow with every attempt, failed or not, until an association lives for
 * {@code stableAfter}: only the death of such a stable association starts them over from
 * {@code initialDelay}. A server that grants every association and ends it at once is
 * thus asked ever more slowly, not several times a second.
 *
 * @param initialDelay the delay before the first attempt
 * @param maxDelay the longest delay, before jitter
 * @param multiplier the factor applied to the delay after each attempt
 * @param jitter the random fraction of each delay added or taken away, from 0 to 1
 * @param stableAfter how long an association must live for its death to start the delays
 * over
 * @author socks5-udp authors
 */
public record ReconnectBackoff(Duration initialDelay, Duration maxDelay, double multiplier, double jitter,
		Duration stableAfter) {

	/**
	 * The default time an association must live to count as stable: 5 s.
	 */
	public static final Duration DEFAULT_STABLE_AFTER = Duration.ofSeconds(5);

	/**
	 * Defaults: 100 ms, doubling, capped at 30 s, with 20 % jitter, stable after 5 s.
	 */
	public static final ReconnectBackoff DEFAULT = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(30),
			2, 0.2);

	/**
	 * Create a backoff whose associations are stable after {@link #DEFAULT_STABLE_AFTER}.
	 * @param initialDelay the delay before the first attempt
	 * @param maxDelay the longest delay, before jitter
	 * @param multiplier the factor applied to the delay after each attempt
	 * @param jitter the random fraction of each delay added or taken away
	 */
	public ReconnectBackoff(Duration initialDelay, Duration maxDelay, double multiplier, double jitter) {
		this(initialDelay, maxDelay, multiplier, jitter, DEFAULT_STABLE_AFTER);
	}

	/**
	 * Create a backoff, checking its arguments.
	 * @param initialDelay the delay before the first attempt
	 * @param maxDelay the longest delay, before jitter
	 * @param multiplier the factor applied to the delay after each attempt
	 * @param jitter the random fraction of each delay added or taken away
	 * @param stableAfter how long an association must live for its death to start the
	 * delays over
	 */
	public ReconnectBackoff {
		Assert.notNull(initialDelay, "'initialDelay' must not be null");
		Assert.notNull(maxDelay, "'maxDelay' must not be null");
		Assert.isTrue(!initialDelay.isNegative(), () -> "initialDelay: " + initialDelay + " (expected: >= 0)");
		Assert.isTrue(maxDelay.compareTo(initialDelay) >= 0,
				() -> "maxDelay: " + maxDelay + " (expected: >= initialDelay " + initialDelay + ")");
		Assert.isTrue(multiplier >= 1, () -> "multiplier: " + multiplier + " (expected: >= 1)");
		Assert.isTrue(jitter >= 0 && jitter <= 1, () -> "jitter: " + jitter + " (expected: 0-1)");
		Assert.isTrue(stableAfter != null && !stableAfter.isNegative(),
				() -> "stableAfter: " + stableAfter + " (expected: >= 0)");
	}

	/**
	 * Return a copy of this backoff with another time after which associations are
	 * stable.
	 * @param stableAfter how long an association must live for its death to start the
	 * delays over
	 * @return the new backoff
	 */
	public ReconnectBackoff withStableAfter(Duration stableAfter) {
		return new ReconnectBackoff(this.initialDelay, this.maxDelay, this.multiplier, this.jitter, stableAfter);
	}

	/**
	 * Return whether the death of an association that lived this long starts the delays
	 * over.
	 * @param lifetime how long the association lived
	 * @return whether it was stable
	 */
	public boolean isStable(Duration lifetime) {
		return lifetime.compareTo(this.stableAfter) >= 0;
	}

	/**
	 * Return the delay before an attempt.
	 * @param attempt the attempt number, 1 for the first attempt after a stable
	 * association died or the first attempt failed
	 * @param random a uniformly distributed number in [0, 1)
	 * @return the delay, never negative and never above {@code maxDelay * (1 + jitter)}
	 */
	public Duration delay(int attempt, double random) {
		double base = this.initialDelay.toNanos() * Math.pow(this.multiplier, Math.max(0, attempt - 1));
		double capped = Math.min(base, this.maxDelay.toNanos());
		double factor = 1 + this.jitter * (2 * random - 1);
		return Duration.ofNanos(Math.max(0, Math.round(capped * factor)));
	}

}
