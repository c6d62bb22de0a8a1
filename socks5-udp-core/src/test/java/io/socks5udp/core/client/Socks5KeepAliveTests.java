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
package io.socks5udp.core.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link Socks5KeepAlive}.
 *
 * @author socks5-udp authors
 */
class Socks5KeepAliveTests {

	@Test
	void theDefaultNoticesAVanishedServerWithinAMinute() {
		assertThat(Socks5KeepAlive.DEFAULT.idle()).isEqualTo(Duration.ofSeconds(30));
		assertThat(Socks5KeepAlive.DEFAULT.interval()).isEqualTo(Duration.ofSeconds(10));
		assertThat(Socks5KeepAlive.DEFAULT.count()).isEqualTo(3);
		assertThat(Socks5KeepAlive.DEFAULT.detectionTime()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void valuesAtTheLimitsAreAccepted() {
		Socks5KeepAlive smallest = new Socks5KeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(1), 1);
		assertThat(smallest.detectionTime()).isEqualTo(Duration.ofSeconds(2));
		Socks5KeepAlive largest = new Socks5KeepAlive(Duration.ofSeconds(32767), Duration.ofSeconds(32767), 127);
		assertThat(largest.count()).isEqualTo(127);
	}

	@Test
	void idleAndIntervalMustBeWholeSecondsInRange() {
		Duration second = Duration.ofSeconds(1);
		assertThatIllegalArgumentException().isThrownBy(() -> new Socks5KeepAlive(Duration.ofMillis(500), second, 3))
			.withMessage("idle: PT0.5S (expected: whole seconds from 1 to 32767)");
		assertThatIllegalArgumentException().isThrownBy(() -> new Socks5KeepAlive(Duration.ZERO, second, 3))
			.withMessage("idle: PT0S (expected: whole seconds from 1 to 32767)");
		assertThatIllegalArgumentException().isThrownBy(() -> new Socks5KeepAlive(Duration.ofSeconds(32768), second, 3))
			.withMessage("idle: PT9H6M8S (expected: whole seconds from 1 to 32767)");
		assertThatIllegalArgumentException().isThrownBy(() -> new Socks5KeepAlive(second, Duration.ofMillis(1500), 3))
			.withMessage("interval: PT1.5S (expected: whole seconds from 1 to 32767)");
		assertThatIllegalArgumentException().isThrownBy(() -> new Socks5KeepAlive(second, Duration.ofSeconds(-10), 3))
			.withMessage("interval: PT-10S (expected: whole seconds from 1 to 32767)");
	}

	@Test
	void countMustBeInRange() {
		Duration second = Duration.ofSeconds(1);
		assertThatIllegalArgumentException().isThrownBy(() -> new Socks5KeepAlive(second, second, 0))
			.withMessage("count: 0 (expected: 1-127)");
		assertThatIllegalArgumentException().isThrownBy(() -> new Socks5KeepAlive(second, second, 128))
			.withMessage("count: 128 (expected: 1-127)");
	}

	@Test
	void nullsAreRejected() {
		assertThatNullPointerException().isThrownBy(() -> new Socks5KeepAlive(null, Duration.ofSeconds(1), 1))
			.withMessage("'idle' must not be null");
		assertThatNullPointerException().isThrownBy(() -> new Socks5KeepAlive(Duration.ofSeconds(1), null, 1))
			.withMessage("'interval' must not be null");
	}

	@Test
	void equalSettingsAreEqual() {
		Socks5KeepAlive keepAlive = new Socks5KeepAlive(Duration.ofSeconds(30), Duration.ofSeconds(10), 3);
		assertThat(keepAlive).isEqualTo(Socks5KeepAlive.DEFAULT)
			.hasSameHashCodeAs(Socks5KeepAlive.DEFAULT)
			.hasToString("Socks5KeepAlive[idle=PT30S, interval=PT10S, count=3]")
			.isNotEqualTo(new Socks5KeepAlive(Duration.ofSeconds(30), Duration.ofSeconds(10), 4));
	}

}
