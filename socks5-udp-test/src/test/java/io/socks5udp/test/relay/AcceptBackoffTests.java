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
package io.socks5udp.test.relay;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AcceptBackoff}.
 *
 * @author socks5-udp authors
 */
class AcceptBackoffTests {

	@Test
	void doublesFromTenMillisecondsUpToOneSecond() {
		AcceptBackoff backoff = new AcceptBackoff();
		assertThat(new long[] { millis(backoff), millis(backoff), millis(backoff), millis(backoff), millis(backoff),
				millis(backoff), millis(backoff), millis(backoff), millis(backoff) })
			.containsExactly(10, 20, 40, 80, 160, 320, 640, 1000, 1000);
	}

	@Test
	void startsAgainFromTheShortestPauseAfterAnAcceptThatWorked() {
		AcceptBackoff backoff = new AcceptBackoff();
		backoff.next();
		backoff.next();
		backoff.reset();
		assertThat(backoff.next()).isEqualTo(Duration.ofMillis(10));
	}

	private static long millis(AcceptBackoff backoff) {
		return backoff.next().toMillis();
	}

}
