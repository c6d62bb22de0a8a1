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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ReconnectBackoff}.
 *
 * @author socks5-udp authors
 */
class ReconnectBackoffTests {

	private final ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(30), 2,
			0.2);

	@Test
	void delayDoublesFromTheInitialDelay() {
		assertThat(this.backoff.delay(1, 0.5)).isEqualTo(Duration.ofMillis(100));
		assertThat(this.backoff.delay(2, 0.5)).isEqualTo(Duration.ofMillis(200));
		assertThat(this.backoff.delay(5, 0.5)).isEqualTo(Duration.ofMillis(1600));
	}

	@Test
	void delayIsCappedAtTheMaximum() {
		assertThat(this.backoff.delay(20, 0.5)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.backoff.delay(Integer.MAX_VALUE, 0.5)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void jitterSpreadsTheDelayBothWays() {
		assertThat(this.backoff.delay(1, 0.0)).isEqualTo(Duration.ofMillis(80));
		assertThat(this.backoff.delay(1, 0.999999)).isBetween(Duration.ofMillis(119), Duration.ofMillis(120));
		assertThat(this.backoff.delay(20, 0.999999)).isLessThanOrEqualTo(Duration.ofSeconds(36));
	}

	@Test
	void withoutJitterTheDelayIsExact() {
		ReconnectBackoff exact = new ReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(50), 3, 0);
		assertThat(exact.delay(1, 0.0)).isEqualTo(Duration.ofMillis(10));
		assertThat(exact.delay(2, 0.9)).isEqualTo(Duration.ofMillis(30));
		assertThat(exact.delay(3, 0.1)).isEqualTo(Duration.ofMillis(50));
	}

	@Test
	void associationIsStableAfterFiveSecondsByDefault() {
		assertThat(this.backoff.stableAfter()).isEqualTo(Duration.ofSeconds(5));
		assertThat(ReconnectBackoff.DEFAULT.stableAfter()).isEqualTo(Duration.ofSeconds(5));
		assertThat(this.backoff.isStable(Duration.ofMillis(4999))).isFalse();
		assertThat(this.backoff.isStable(Duration.ofSeconds(5))).isTrue();
	}

	@Test
	void stableAfterCanBeChanged() {
		ReconnectBackoff changed = this.backoff.withStableAfter(Duration.ofSeconds(30));
		assertThat(changed.stableAfter()).isEqualTo(Duration.ofSeconds(30));
		assertThat(changed.isStable(Duration.ofSeconds(29))).isFalse();
		assertThat(changed.delay(2, 0.5)).isEqualTo(this.backoff.delay(2, 0.5));
	}

	@Test
	void rejectsValuesThatMakeNoBackoff() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0.2))
			.withMessage("maxDelay: PT1S (expected: >= initialDelay PT2S)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5, 0.2))
			.withMessage("multiplier: 0.5 (expected: >= 1)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, 1.5))
			.withMessage("jitter: 1.5 (expected: 0-1)");
		assertThatIllegalArgumentException().isThrownBy(() -> this.backoff.withStableAfter(Duration.ofSeconds(-1)))
			.withMessage("stableAfter: PT-1S (expected: >= 0)");
	}

}
