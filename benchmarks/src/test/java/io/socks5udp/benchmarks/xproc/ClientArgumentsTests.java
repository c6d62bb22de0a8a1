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
 * Tests for {@link ClientArguments}.
 *
 * @author socks5-udp authors
 */
class ClientArgumentsTests {

	@Test
	void argumentsGoToTheChildAndBack() {
		ClientArguments arguments = ClientArguments.parse("--relay", "127.0.0.1:1080", "--target", "127.0.0.1:7",
				"--size", "1400", "--in-flight", "1", "--warmup", "2", "--seconds", "5");
		assertThat(ClientArguments.parse(arguments.toArgs().toArray(new String[0]))).isEqualTo(arguments);
		assertThat(arguments.size()).isEqualTo(1400);
		assertThat(arguments.inFlight()).isOne();
	}

	@Test
	void addressBeyondLoopbackIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientArguments.parse("--relay", "192.0.2.1:1080", "--target", "127.0.0.1:7"))
			.withMessage("address: 192.0.2.1:1080 (expected: a loopback address)");
	}

	@Test
	void unknownOptionOfTheHarnessIsRefused() {
		HarnessArgs options = HarnessArgs.parse("--rounds", "5", "--pin", "--secs", "2");
		assertThat(options.has("pin")).isTrue();
		assertThat(options.string("pin", null)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> options.requireOnly(List.of("rounds", "pin", "seconds")))
			.withMessageStartingWith("--secs: unknown option");
	}

}
