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

import java.util.Map;

import io.socks5udp.benchmarks.e2e.LoadResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResultLine}.
 *
 * @author socks5-udp authors
 */
class ResultLineTests {

	@Test
	void javaClientLineStartsLikeTheCClientsAndParsesBack() {
		LoadResult result = new LoadResult("core", 64, 48123.4, 650.25, 1100.5, 13.25, 0.0004, 2, 240617);
		String line = ResultLine.format(result, 60154);
		assertThat(line).startsWith("rtt_per_s=48123 lost=2 p50_us=650.3 p99_us=1100.5 ");
		Map<String, Double> fields = ResultLine.parse(line);
		assertThat(fields).containsEntry("round_trips", 240617.0)
			.containsEntry("cpu_s_per_M", 13.25)
			.containsEntry("alloc_B_per_rt", 0.0)
			.containsEntry("cs_per_rt", 0.25);
	}

	@Test
	void cClientLineParses() {
		assertThat(ResultLine.parse("rtt_per_s=54145 lost=0 p50_us=441.7 p99_us=3296.0"))
			.containsEntry("rtt_per_s", 54145.0)
			.containsEntry("lost", 0.0)
			.containsEntry("p50_us", 441.7)
			.containsEntry("p99_us", 3296.0);
	}

	@Test
	void otherLinesAreNotResults() {
		assertThat(ResultLine.parse(ResultLine.MEASURING)).isNull();
		assertThat(ResultLine.parse("listening on 127.0.0.1:1080")).isNull();
	}

}
