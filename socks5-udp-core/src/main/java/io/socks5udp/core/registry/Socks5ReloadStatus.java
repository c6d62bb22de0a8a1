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
package io.socks5udp.core.registry;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the last load of a {@link ReloadableSocks5ServerRegistry}'s rules gave, for a
 * health indicator or metrics: a snapshot, replaced after each reload.
 *
 * @param outcome how the last load ended
 * @param time when the last load ended
 * @param lastSuccess when rules were last loaded (the first load, if no reload has
 * succeeded since)
 * @param ruleCount the number of rules in use
 * @param failure why the last reload failed, naming the file and line where there is one;
 * {@code null} unless the outcome is {@link Outcome#FAILED}
 * @param reloads the number of successful reloads, the first load not counted
 * @param failedReloads the number of failed reloads
 * @param consecutiveFailures the number of reloads that failed since rules were last
 * loaded
 * @author socks5-udp authors
 */
public record Socks5ReloadStatus(Outcome outcome, Instant time, Instant lastSuccess, int ruleCount,
		@Nullable String failure, long reloads, long failedReloads, long consecutiveFailures) {

	/**
	 * Validate the fields.
	 * @param outcome how the last load ended
	 * @param time when the last load ended
	 * @param lastSuccess when rules were last loaded
	 * @param ruleCount the number of rules in use
	 * @param failure why the last reload failed, or {@code null}
	 * @param reloads the number of successful reloads
	 * @param failedReloads the number of failed reloads
	 * @param consecutiveFailures the number of failures since rules were last loaded
	 */
	public Socks5ReloadStatus {
		Objects.requireNonNull(outcome, "'outcome' must not be null");
		Objects.requireNonNull(time, "'time' must not be null");
		Objects.requireNonNull(lastSuccess, "'lastSuccess' must not be null");
		if ((outcome == Outcome.FAILED) != (failure != null)) {
			throw new IllegalArgumentException("failure: " + ((failure != null) ? "'" + failure + "'" : "null")
					+ " (expected: a message exactly when the outcome is FAILED, outcome: " + outcome + ")");
		}
		checkCount("ruleCount", ruleCount);
		checkCount("reloads", reloads);
		checkCount("failedReloads", failedReloads);
		checkCount("consecutiveFailures", consecutiveFailures);
		if (consecutiveFailures > failedReloads) {
			throw new IllegalArgumentException("consecutiveFailures: " + consecutiveFailures + " (expected: 0-"
					+ failedReloads + ", the failed reloads)");
		}
	}

	static Socks5ReloadStatus loaded(Instant time, int ruleCount) {
		return new Socks5ReloadStatus(Outcome.LOADED, time, time, ruleCount, null, 0, 0, 0);
	}

	Socks5ReloadStatus reloaded(Instant now, int rules) {
		return new Socks5ReloadStatus(Outcome.RELOADED, now, now, rules, null, this.reloads + 1, this.failedReloads, 0);
	}

	Socks5ReloadStatus failed(Instant now, String why) {
		return new Socks5ReloadStatus(Outcome.FAILED, now, this.lastSuccess, this.ruleCount, why, this.reloads,
				this.failedReloads + 1, this.consecutiveFailures + 1);
	}

	/**
	 * Return whether the last reload failed, so that the rules in use may not be those of
	 * the files.
	 * @return whether the outcome is {@link Outcome#FAILED}
	 */
	public boolean isFailing() {
		return this.outcome == Outcome.FAILED;
	}

	private static void checkCount(String name, long value) {
		if (value < 0) {
			throw new IllegalArgumentException(name + ": " + value + " (expected: 0 or more)");
		}
	}

	/**
	 * How a load of the rules ended.
	 */
	public enum Outcome {

		/** The rules were loaded when the registry was built; no reload yet. */
		LOADED,

		/** The last reload succeeded: its rules are in use. */
		RELOADED,

		/**
		 * The last reload failed or was refused: the rules loaded before it stay in use.
		 */
		FAILED

	}

}
