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
package io.socks5udp.benchmarks.xproc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link StealTime}.
 *
 * @author socks5-udp authors
 */
class StealTimeTests {

	@Test
	void stealIsItsShareOfEveryTickBetweenTwoReadings() {
		StealTime before = StealTime.parse("cpu  600000 0 330000 1000000 2000 0 110000 40000 0 0");
		// 1,000 ticks more, 50 of them stolen; guest columns not added twice
		StealTime after = StealTime.parse("cpu  600400 0 330300 1000200 2000 0 110050 40050 7 7");
		assertThat(after.since(before)).isEqualTo("steal 5.0 % of CPU time");
	}

	@Test
	void noTicksBetweenReadingsIsUnknown() {
		StealTime reading = StealTime.parse("cpu  1 2 3 4 5 6 7 8 0 0");
		assertThat(reading.since(reading)).isEqualTo("steal unknown");
	}

	@Test
	void aLineOtherThanTheCpuLineIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> StealTime.parse("cpu0 1 2 3 4 5 6 7 8"))
			.withMessageContaining("cpu0 1 2");
	}

}
