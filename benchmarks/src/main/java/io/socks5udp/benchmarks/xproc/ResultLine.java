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

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.socks5udp.benchmarks.e2e.LoadResult;
import org.jspecify.annotations.Nullable;

/**
 * The line a client process prints when it is done, in the C client's format
 * ({@code rtt_per_s=<n> lost=<n> p50_us=<n> p99_us=<n>}) with the Java clients'
 * additions: {@code round_trips}, {@code cpu_s_per_M} (CPU seconds of the whole client
 * process per million round trips), {@code alloc_B_per_rt} (bytes allocated by all its
 * threads per round trip) and {@code cs_per_rt} (context switches of all its threads per
 * round trip). Also the two marker lines around the measured interval.
 *
 * @author socks5-udp authors
 */
final class ResultLine {

	/** Printed just before the measured interval starts. */
	static final String MEASURING = "measuring";

	/** Printed just after the measured interval ends. */
	static final String MEASURED = "measured";

	private ResultLine() {
	}

	static String format(LoadResult result, long contextSwitches) {
		return String.format(Locale.ROOT,
				"rtt_per_s=%.0f lost=%d p50_us=%.1f p99_us=%.1f round_trips=%d cpu_s_per_M=%.3f alloc_B_per_rt=%.3f"
						+ " cs_per_rt=%.3f",
				result.roundTripsPerSecond(), result.lost(), result.p50Micros(), result.p99Micros(),
				result.roundTrips(), result.cpuSecondsPerMillion(), result.bytesAllocatedPerRoundTrip(),
				(result.roundTrips() > 0) ? (double) contextSwitches / result.roundTrips() : Double.NaN);
	}

	/**
	 * Return a field of a parsed result line.
	 * @param fields the fields, from {@link #parse(String)}
	 * @param name the field's name
	 * @return its value
	 * @throws IllegalStateException if the line has no such field
	 */
	static double field(Map<String, Double> fields, String name) {
		Double value = fields.get(name);
		if (value == null) {
			throw new IllegalStateException("result line without '" + name + "': " + fields);
		}
		return value;
	}

	/**
	 * Parse a result line into its fields.
	 * @param line the line
	 * @return the fields by name, or {@code null} when the line is not a result line
	 */
	static @Nullable Map<String, Double> parse(String line) {
		if (!line.startsWith("rtt_per_s=")) {
			return null;
		}
		Map<String, Double> fields = new LinkedHashMap<>();
		for (String field : line.trim().split("\\s+")) {
			int equals = field.indexOf('=');
			if (equals > 0) {
				fields.put(field.substring(0, equals), Double.parseDouble(field.substring(equals + 1)));
			}
		}
		return fields;
	}

}
