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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Medians over the repeated runs of each path and payload size, and their ratios against
 * the baseline path, as a Markdown table and CSV. Two ratios: the ratio of the medians,
 * and the median of the per-round ratios (each run against the baseline's run of the same
 * round), which cancels the machine's slow drift between rounds.
 *
 * @author socks5-udp authors
 */
final class ResultTable {

	private final Map<String, List<LoadResult>> runs = new LinkedHashMap<>();

	void add(LoadResult result) {
		this.runs.computeIfAbsent(key(result.path(), result.payloadSize()), (k) -> new ArrayList<>()).add(result);
	}

	double median(String path, int size, ToDoubleFunction<LoadResult> figure) {
		List<LoadResult> results = this.runs.get(key(path, size));
		if (results == null || results.isEmpty()) {
			return Double.NaN;
		}
		return median(results.stream().mapToDouble(figure).toArray());
	}

	double pairedRatio(String path, int size, String baseline) {
		List<LoadResult> results = this.runs.get(key(path, size));
		List<LoadResult> bases = this.runs.get(key(baseline, size));
		if (results == null || bases == null) {
			return Double.NaN;
		}
		int n = Math.min(results.size(), bases.size());
		double[] ratios = new double[n];
		for (int i = 0; i < n; i++) {
			ratios[i] = results.get(i).roundTripsPerSecond() / bases.get(i).roundTripsPerSecond();
		}
		return median(ratios);
	}

	private static double median(double[] values) {
		int n = values.length;
		if (n == 0) {
			return Double.NaN;
		}
		Arrays.sort(values);
		return (n % 2 == 1) ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
	}

	List<String> paths() {
		return this.runs.keySet().stream().map((k) -> k.substring(0, k.lastIndexOf('@'))).distinct().toList();
	}

	int runs(String path, int size) {
		List<LoadResult> results = this.runs.get(key(path, size));
		return (results != null) ? results.size() : 0;
	}

	String markdown(int[] sizes, String baseline) {
		StringBuilder out = new StringBuilder();
		out.append("| path | payload | runs | round trips/s | ratio to ").append(baseline);
		out.append(" | paired ratio | p50 us | p99 us | CPU s per 1M | B alloc per round trip | lost |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (int size : sizes) {
			double base = median(baseline, size, LoadResult::roundTripsPerSecond);
			for (String path : paths()) {
				double rate = median(path, size, LoadResult::roundTripsPerSecond);
				out.append(String.format(Locale.ROOT,
						"| %s | %d | %d | %.0f | %.2f | %.2f | %.1f | %.1f | %.2f | %.3f | %.0f |%n", path, size,
						runs(path, size), rate, rate / base, pairedRatio(path, size, baseline),
						median(path, size, LoadResult::p50Micros), median(path, size, LoadResult::p99Micros),
						median(path, size, LoadResult::cpuSecondsPerMillion),
						median(path, size, LoadResult::bytesAllocatedPerRoundTrip),
						median(path, size, (r) -> r.lost())));
			}
		}
		return out.toString();
	}

	String csv() {
		StringBuilder out = new StringBuilder(
				"path,payload,round_trips_per_s,p50_us,p99_us,cpu_s_per_million,bytes_per_round_trip,lost\n");
		this.runs.values()
			.stream()
			.flatMap(List::stream)
			.forEach((r) -> out.append(String.format(Locale.ROOT, "%s,%d,%.1f,%.1f,%.1f,%.3f,%.1f,%d%n", r.path(),
					r.payloadSize(), r.roundTripsPerSecond(), r.p50Micros(), r.p99Micros(), r.cpuSecondsPerMillion(),
					r.bytesAllocatedPerRoundTrip(), r.lost())));
		return out.toString();
	}

	private static String key(String path, int size) {
		return path + "@" + size;
	}

	@Override
	public String toString() {
		return Arrays.toString(this.runs.keySet().toArray());
	}

}
