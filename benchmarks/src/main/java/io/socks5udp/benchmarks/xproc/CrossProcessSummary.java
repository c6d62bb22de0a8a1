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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Summarizes {@code rounds.csv} files that {@link CrossProcessHarness} wrote, without
 * running anything: the same tables as the harness's {@code summary.md}, and the chart
 * ({@code chart.png}), from one run or from several put together (say, a run of the Java
 * clients and a run of {@code raw} made apart). Usage:
 * {@code CrossProcessSummary --out DIR FILE.csv [FILE.csv ...]}; relays, loads and
 * clients appear in the order the files first name them.
 *
 * @author socks5-udp authors
 */
public final class CrossProcessSummary {

	private CrossProcessSummary() {
	}

	/**
	 * Write {@code summary.md} and {@code chart.png} into the output directory.
	 * @param args {@code --out DIR} and one or more CSV files
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		if (args.length < 3 || !args[0].equals("--out")) {
			throw new IllegalArgumentException("usage: CrossProcessSummary --out DIR FILE.csv [FILE.csv ...]");
		}
		Path out = Path.of(args[1]);
		List<RunRecord> records = new ArrayList<>();
		for (int i = 2; i < args.length; i++) {
			for (String line : Files.readAllLines(Path.of(args[i]), StandardCharsets.UTF_8)) {
				if (!line.isBlank() && !line.equals(RunRecord.CSV_HEADER)) {
					records.add(RunRecord.parse(line));
				}
			}
		}
		Set<String> relays = new LinkedHashSet<>();
		Set<LoadCase> loads = new LinkedHashSet<>();
		Set<String> paths = new LinkedHashSet<>();
		for (RunRecord record : records) {
			relays.add(record.relay());
			loads.add(record.load());
			paths.add(record.path());
		}
		SummaryTable table = new SummaryTable(records);
		String summary = table.markdown(List.copyOf(relays), List.copyOf(loads), List.copyOf(paths));
		Files.createDirectories(out);
		Files.writeString(out.resolve("summary.md"), summary, StandardCharsets.UTF_8);
		CrossProcessChart.write(table, List.copyOf(relays), List.copyOf(loads), List.copyOf(paths),
				out.resolve("chart.png"));
		System.out.print(summary);
	}

}
