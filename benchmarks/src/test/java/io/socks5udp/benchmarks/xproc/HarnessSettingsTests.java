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
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HarnessSettings}: which clients a run may name, and what it expects
 * them to take.
 *
 * @author socks5-udp authors
 */
class HarnessSettingsTests {

	private static final Set<String> JAVA_CLIENTS = Set.of("core", "template");

	@Test
	void rawAndCAreTheCClientsAndTakeNoJavaStartUp() {
		HarnessSettings settings = HarnessSettings.of(HarnessArgs.parse("--relays", "ours", "--paths", "raw,c,core",
				"--cases", "64/32", "--rounds", "1", "--seconds", "5", "--warmup", "2"), JAVA_CLIENTS);
		assertThat(settings.paths()).containsExactly("raw", "c", "core");
		assertThat(HarnessSettings.isC("raw")).isTrue();
		assertThat(HarnessSettings.isC("core")).isFalse();
		// raw and c: 5 s each; core: 2 s of warm-up, 5 s and the JVM's start and stop
		assertThat(settings.expectedSeconds()).isGreaterThan(17).isLessThan(25);
	}

	@Test
	void anUnknownClientIsRefusedWithTheOnesThereAre() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> HarnessSettings.of(HarnessArgs.parse("--relays", "ours", "--paths", "c,quic"), JAVA_CLIENTS))
			.withMessageStartingWith("--paths: quic (expected: c, raw, ")
			.withMessageContaining("core");
		assertThat(List.of("c", "raw")).allMatch(HarnessSettings::isC);
	}

}
