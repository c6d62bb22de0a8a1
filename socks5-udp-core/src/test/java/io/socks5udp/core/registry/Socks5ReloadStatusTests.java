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

import org.junit.jupiter.api.Test;

import io.socks5udp.core.registry.Socks5ReloadStatus.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link Socks5ReloadStatus}.
 *
 * @author socks5-udp authors
 */
class Socks5ReloadStatusTests {

	private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void failureMessageComesExactlyWithAFailedOutcome() {
		assertThat(new Socks5ReloadStatus(Outcome.FAILED, TIME, TIME, 1, "why", 0, 1, 1).isFailing()).isTrue();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Socks5ReloadStatus(Outcome.FAILED, TIME, TIME, 1, null, 0, 1, 1))
			.withMessage("failure: null (expected: a message exactly when the outcome is FAILED, outcome: FAILED)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Socks5ReloadStatus(Outcome.RELOADED, TIME, TIME, 1, "why", 1, 0, 0))
			.withMessage("failure: 'why' (expected: a message exactly when the outcome is FAILED, outcome: RELOADED)");
	}

	@Test
	void countsAreChecked() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Socks5ReloadStatus(Outcome.LOADED, TIME, TIME, -1, null, 0, 0, 0))
			.withMessage("ruleCount: -1 (expected: 0 or more)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Socks5ReloadStatus(Outcome.FAILED, TIME, TIME, 1, "why", 0, 1, 2))
			.withMessage("consecutiveFailures: 2 (expected: 0-1, the failed reloads)");
		assertThatNullPointerException()
			.isThrownBy(() -> new Socks5ReloadStatus(Outcome.LOADED, null, TIME, 0, null, 0, 0, 0))
			.withMessage("'time' must not be null");
	}

	@Test
	void failuresCountUntilAReloadSucceeds() {
		Socks5ReloadStatus loaded = Socks5ReloadStatus.loaded(TIME, 3);
		Socks5ReloadStatus failed = loaded.failed(TIME.plusSeconds(1), "why").failed(TIME.plusSeconds(2), "again");
		assertThat(failed)
			.isEqualTo(new Socks5ReloadStatus(Outcome.FAILED, TIME.plusSeconds(2), TIME, 3, "again", 0, 2, 2));
		assertThat(failed.reloaded(TIME.plusSeconds(3), 4)).isEqualTo(
				new Socks5ReloadStatus(Outcome.RELOADED, TIME.plusSeconds(3), TIME.plusSeconds(3), 4, null, 1, 2, 0));
	}

}
