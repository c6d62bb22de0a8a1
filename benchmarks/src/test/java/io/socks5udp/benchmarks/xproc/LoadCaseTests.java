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

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LoadCase}.
 *
 * @author socks5-udp authors
 */
class LoadCaseTests {

	@Test
	void sizeSlashInFlight() {
		assertThat(LoadCase.parseAll(List.of("64/32", "1400/32", "64/1"))).containsExactly(new LoadCase(64, 32),
				new LoadCase(1400, 32), new LoadCase(64, 1));
		assertThat(new LoadCase(64, 1)).hasToString("64/1");
	}

	@Test
	void malformedCaseIsRefusedWithTheExpectedForm() {
		assertThatIllegalArgumentException().isThrownBy(() -> LoadCase.parse("64"))
			.withMessage("case: 64 (expected: SIZE/IN_FLIGHT, e.g. 64/32)");
		assertThatIllegalArgumentException().isThrownBy(() -> LoadCase.parse("64/x"))
			.withMessage("case: 64/x (expected: SIZE/IN_FLIGHT, e.g. 64/32)");
	}

	@Test
	void sizeBelowTheSendTimeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> LoadCase.parse("4/32"))
			.withMessage("size: 4 (expected: 8-65000)");
		assertThatIllegalArgumentException().isThrownBy(() -> LoadCase.parse("64/0"))
			.withMessage("inFlight: 0 (expected: 1 or more)");
	}

}
