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
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * When the next attempt to open an association is due: counts the steps of the
 * {@link ReconnectBackoff backoff} and keeps the one attempt scheduled. Guarded by the
 * lock of the {@link ReconnectStateMachine} that owns it.
 *
 * @author socks5-udp authors
 */
final class ReconnectSchedule {

	private final ReconnectBackoff backoff;

	private @Nullable ScheduledExecutorService scheduler;

	private int step;

	private @Nullable ScheduledFuture<?> scheduled;

	private @Nullable Instant nextAttemptAt;

	ReconnectSchedule(ReconnectBackoff backoff) {
		this.backoff = backoff;
	}

	/**
	 * Start over with a scheduler, from the backoff's first step.
	 * @param scheduler the scheduler of attempts
	 */
	void start(ScheduledExecutorService scheduler) {
		this.scheduler = scheduler;
		this.step = 0;
	}

	/**
	 * Learn that an association died: if it lived long enough to be stable, the next
	 * delay is the backoff's first again; otherwise the delays go on growing, so that a
	 * server that ends every association at once is not asked again and again.
	 * @param lifetime how long it lived
	 */
	void died(Duration lifetime) {
		if (this.backoff.isStable(lifetime)) {
			this.step = 0;
		}
	}

	/**
	 * Schedule the next attempt, one backoff step later than the last. Steps count from
	 * the start or the death of a stable association: 1, 2, 3... never repeated.
	 * @param due what runs when the attempt is due
	 */
	void schedule(Runnable due) {
		this.step++;
		Duration delay = this.backoff.delay(this.step, ThreadLocalRandom.current().nextDouble());
		this.nextAttemptAt = Instant.now().plus(delay);
		// Set by start(), before any attempt can fail
		this.scheduled = Objects.requireNonNull(this.scheduler).schedule(due, delay.toNanos(), TimeUnit.NANOSECONDS);
	}

	/**
	 * Forget the scheduled attempt, because it runs now or is no longer wanted.
	 */
	void cancel() {
		if (this.scheduled != null) {
			this.scheduled.cancel(false);
			this.scheduled = null;
		}
		this.nextAttemptAt = null;
	}

	/**
	 * Return when the next attempt is due.
	 * @return the instant, or {@code null} if none is scheduled
	 */
	@Nullable Instant nextAttemptAt() {
		return this.nextAttemptAt;
	}

}
