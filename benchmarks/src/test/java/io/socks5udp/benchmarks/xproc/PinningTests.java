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
 * Tests for {@link Pinning}.
 *
 * @author socks5-udp authors
 */
class PinningTests {

	@Test
	void flagAlonePinsClientAndEchoToCpuZeroAndTheRelayToCpuOne() {
		assertThat(Pinning.parse("")).isEqualTo(new Pinning("0", "1", "0"));
	}

	@Test
	void echoFollowsTheClientUnlessGiven() {
		assertThat(Pinning.parse("0:1")).isEqualTo(new Pinning("0", "1", "0"));
		assertThat(Pinning.parse("0:1:1")).isEqualTo(new Pinning("0", "1", "1"));
	}

	@Test
	void withoutTheOptionNothingIsPinned() {
		assertThat(Pinning.parse(null).enabled()).isFalse();
		assertThat(Pinning.on(null, List.of("udpbench", "echo", "7"))).containsExactly("udpbench", "echo", "7");
	}

	@Test
	void pinnedCommandsStartUnderTaskset() {
		assertThat(Pinning.on("1", List.of("java", "-jar", "relay.jar"))).containsExactly("taskset", "-c", "1", "java",
				"-jar", "relay.jar");
	}

	@Test
	void malformedSpecIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Pinning.parse("a:b"))
			.withMessage("--pin: a:b (expected: CLIENT:RELAY[:ECHO] CPU lists, e.g. 0:1:0)");
	}

}
