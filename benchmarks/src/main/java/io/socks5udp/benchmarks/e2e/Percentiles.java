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

import java.util.Arrays;
import java.util.Locale;

/**
 * Percentiles of a set of durations in nanoseconds, printed in microseconds or
 * milliseconds.
 *
 * @author socks5-udp authors
 */
final class Percentiles {

	private final long[] sorted;

	Percentiles(long[] nanos) {
		this.sorted = nanos.clone();
		Arrays.sort(this.sorted);
	}

	long nanos(double p) {
		if (this.sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.min(this.sorted.length - 1, Math.ceil(p * this.sorted.length) - 1);
		return this.sorted[Math.max(0, index)];
	}

	String micros() {
		return String.format(Locale.ROOT, "n=%d p50=%.0f us p99=%.0f us max=%.0f us", this.sorted.length,
				nanos(0.50) / 1e3, nanos(0.99) / 1e3, nanos(1.0) / 1e3);
	}

	String millis() {
		return String.format(Locale.ROOT, "n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", this.sorted.length,
				nanos(0.50) / 1e6, nanos(0.99) / 1e6, nanos(1.0) / 1e6);
	}

}
