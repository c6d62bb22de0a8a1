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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RoundTripSamples}.
 *
 * @author socks5-udp authors
 */
class RoundTripSamplesTests {

	@Test
	void percentilesAreOfTheSamplesBetweenRestartAndStopOnly() {
		RoundTripSamples samples = new RoundTripSamples();
		// The warm-up: recorded like the measurement, but left out of it
		for (int i = 0; i < 1000; i++) {
			samples.record(1_000_000_000L);
		}
		samples.restart();
		for (int i = 1; i <= 100; i++) {
			samples.record(i * 1000L);
		}
		samples.stop();
		samples.record(2_000_000_000L);
		assertThat(samples.percentileMicros(0.50)).isEqualTo(50.0);
		assertThat(samples.percentileMicros(0.99)).isEqualTo(99.0);
		assertThat(samples.percentileMicros(1.0)).isEqualTo(100.0);
	}

	@Test
	void withoutStopThePercentilesReachTheLatestSample() {
		RoundTripSamples samples = new RoundTripSamples();
		samples.restart();
		samples.record(5000);
		samples.record(7000);
		assertThat(samples.percentileMicros(1.0)).isEqualTo(7.0);
		assertThat(samples.percentileMicros(0.5)).isEqualTo(5.0);
	}

	@Test
	void noSamplesSinceRestartGiveZero() {
		RoundTripSamples samples = new RoundTripSamples();
		samples.record(5000);
		samples.restart();
		samples.stop();
		assertThat(samples.percentileMicros(0.5)).isZero();
	}

	@Test
	void moreSamplesThanTheRingHoldsKeepTheLatest() {
		RoundTripSamples samples = new RoundTripSamples();
		samples.restart();
		int capacity = 1 << 22;
		// The oldest samples, overwritten
		for (int i = 0; i < 1000; i++) {
			samples.record(9_000_000L);
		}
		for (int i = 0; i < capacity; i++) {
			samples.record(3000);
		}
		assertThat(samples.percentileMicros(1.0)).isEqualTo(3.0);
	}

}
