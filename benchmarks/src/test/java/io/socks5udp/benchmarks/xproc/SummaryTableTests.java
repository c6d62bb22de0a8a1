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
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SummaryTable}.
 *
 * @author socks5-udp authors
 */
class SummaryTableTests {

	private static final LoadCase LOAD = new LoadCase(64, 32);

	@Test
	void mediansSpreadAndRatiosToTheCClient() {
		List<RunRecord> records = new ArrayList<>();
		double[] c = { 100, 110, 90 };
		double[] core = { 80, 77, 72 };
		for (int round = 1; round <= 3; round++) {
			records.add(run(round, "ours", "c", c[round - 1], 4.0));
			records.add(run(round, "ours", "core", core[round - 1], 6.0));
			records.add(run(round, "dante", "c", c[round - 1] / 2, 4.0));
			records.add(run(round, "dante", "core", core[round - 1] / 2, 6.0));
		}
		String markdown = new SummaryTable(records).markdown(List.of("ours", "dante"), List.of(LOAD),
				List.of("c", "core"));
		// core: median 77 of 72-80, c median 100: 0.77; per round 0.80, 0.70, 0.80:
		// paired 0.80
		assertThat(markdown).contains("| core | 3 | 77 | 72-80 | 0.77 | 0.80 | 500.0 | 900.0 | 6.00 | 1.50 | 10.00 "
				+ "| 0.000 | 0.25 | 0 |");
		assertThat(markdown).contains("| c | 3 | 100 | 90-110 | 1.00 | 1.00 |");
		assertThat(markdown).contains("Ratio of median round trips/s, ours relay to dante relay")
			.contains("| core | 2.00 |");
	}

	private static RunRecord run(int round, String relay, String path, double rate, double cpu) {
		return new RunRecord(round, relay, LOAD, path, rate, 0, 500, 900, (long) rate * 5, cpu, 10, 0, 0.25);
	}

}
