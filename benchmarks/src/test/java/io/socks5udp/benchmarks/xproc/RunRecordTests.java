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
 * Tests for {@link RunRecord}: a {@code rounds.csv} line reads back as the run it
 * records, so that {@link CrossProcessSummary} summarizes a saved run as the harness did.
 *
 * @author socks5-udp authors
 */
class RunRecordTests {

	@Test
	void aJavaClientsLineReadsBackAsTheSameRun() {
		RunRecord run = new RunRecord(3, "dante", new LoadCase(1400, 32), "template-inline", 23105, 2, 1123.4, 3260.1,
				115530, 24.409, 36.96, 0.008, 1.025);
		RunRecord read = RunRecord.parse(run.csv());
		assertThat(read).isEqualTo(run);
		assertThat(read.csv()).isEqualTo(run.csv());
	}

	@Test
	void theCClientsLineHasNoAllocationAndReadsBackAsNaN() {
		RunRecord run = new RunRecord(1, "ours", new LoadCase(64, 1), "raw", 20123, 0, 45.5, 98.1, 100615, 12.5, 0.1,
				Double.NaN, 1.004);
		assertThat(run.csv()).contains(",0.100,,1.004");
		assertThat(RunRecord.parse(run.csv()).bytesPerRoundTrip()).isNaN();
		assertThat(RunRecord.parse(run.csv()).path()).isEqualTo("raw");
	}

	@Test
	void theHeaderOrAShortLineIsRefusedWithTheLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> RunRecord.parse("1,ours,64,32,c"))
			.withMessageContaining("1,ours,64,32,c");
	}

}
