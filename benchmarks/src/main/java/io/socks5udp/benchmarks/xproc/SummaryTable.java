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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The summary of a harness run, per relay and load: for each client the median over the
 * rounds, the spread (min-max), the ratio of medians to the C client and the median of
 * the per-round ratios to it, latency, the CPU of the client process and of the relay per
 * million round trips, and allocation; then the ratio of each relay's medians to Dante's
 * (or to the second relay's).
 *
 * @author socks5-udp authors
 */
final class SummaryTable {

	private static final String BASELINE = "c";

	private final List<RunRecord> records;

	SummaryTable(List<RunRecord> records) {
		this.records = List.copyOf(records);
	}

	String markdown(List<String> relays, List<LoadCase> loads, List<String> paths) {
		StringBuilder out = new StringBuilder();
		for (String relay : relays) {
			for (LoadCase load : loads) {
				out.append(String.format(Locale.ROOT, "%n%s relay, %d B, %d in flight%n%n", relay, load.size(),
						load.inFlight()));
				out.append("| client | runs | rt/s (median) | min-max | ratio to c | paired | p50 us | p99 us "
						+ "| client CPU s/1M rt | CPU ratio to c | relay CPU s/1M rt | B alloc/rt | ctx switches/rt "
						+ "| lost |\n");
				out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
				for (String path : paths) {
					row(out, relay, load, path);
				}
			}
		}
		// Every relay against the reference: Dante if it ran, else the second
		String reference = relays.contains("dante") ? "dante" : (relays.size() > 1) ? relays.get(1) : null;
		for (String relay : relays) {
			if (reference == null || relay.equals(reference)) {
				continue;
			}
			out.append(String.format(Locale.ROOT, "%nRatio of median round trips/s, %s relay to %s relay%n%n", relay,
					reference));
			out.append("| client |");
			loads.forEach((load) -> out.append(' ').append(load).append(" |"));
			out.append("\n|---|").append("---:|".repeat(loads.size())).append('\n');
			for (String path : paths) {
				out.append("| ").append(path).append(" |");
				for (LoadCase load : loads) {
					double ratio = median(relay, load, path, RunRecord::roundTripsPerSecond)
							/ median(reference, load, path, RunRecord::roundTripsPerSecond);
					out.append(String.format(Locale.ROOT, " %.2f |", ratio));
				}
				out.append('\n');
			}
		}
		return out.toString();
	}

	private void row(StringBuilder out, String relay, LoadCase load, String path) {
		List<RunRecord> runs = runs(relay, load, path);
		if (runs.isEmpty()) {
			return;
		}
		double rate = median(relay, load, path, RunRecord::roundTripsPerSecond);
		double baseRate = median(relay, load, BASELINE, RunRecord::roundTripsPerSecond);
		double cpu = median(relay, load, path, RunRecord::clientCpuPerMillion);
		double baseCpu = median(relay, load, BASELINE, RunRecord::clientCpuPerMillion);
		double[] rates = runs.stream().mapToDouble(RunRecord::roundTripsPerSecond).sorted().toArray();
		out.append(String.format(Locale.ROOT,
				"| %s | %d | %.0f | %.0f-%.0f | %.2f | %.2f | %.1f | %.1f | %.2f | %.2f | %.2f | %s | %.2f | %d |%n",
				path, runs.size(), rate, rates[0], rates[rates.length - 1], rate / baseRate,
				pairedRatio(relay, load, path), median(relay, load, path, RunRecord::p50Micros),
				median(relay, load, path, RunRecord::p99Micros), cpu, cpu / baseCpu,
				median(relay, load, path, RunRecord::relayCpuPerMillion),
				path.equals(BASELINE) ? ""
						: String.format(Locale.ROOT, "%.3f", median(relay, load, path, RunRecord::bytesPerRoundTrip)),
				median(relay, load, path, RunRecord::contextSwitchesPerRoundTrip),
				runs.stream().mapToLong(RunRecord::lost).sum()));
	}

	/**
	 * Median of each round's ratio to the C client's run of the same round, relay and
	 * load, which cancels the machine's drift between rounds.
	 */
	private double pairedRatio(String relay, LoadCase load, String path) {
		List<Double> ratios = new ArrayList<>();
		for (RunRecord run : runs(relay, load, path)) {
			this.records.stream()
				.filter((base) -> base.round() == run.round() && base.relay().equals(relay) && base.load().equals(load)
						&& base.path().equals(BASELINE))
				.findFirst()
				.ifPresent((base) -> ratios.add(run.roundTripsPerSecond() / base.roundTripsPerSecond()));
		}
		return median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
	}

	double median(String relay, LoadCase load, String path, ToDoubleFunction<RunRecord> figure) {
		return median(runs(relay, load, path).stream().mapToDouble(figure).toArray());
	}

	private List<RunRecord> runs(String relay, LoadCase load, String path) {
		return this.records.stream()
			.filter((run) -> run.relay().equals(relay) && run.load().equals(load) && Objects.equals(run.path(), path))
			.toList();
	}

	private static double median(double[] values) {
		int n = values.length;
		if (n == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

}
