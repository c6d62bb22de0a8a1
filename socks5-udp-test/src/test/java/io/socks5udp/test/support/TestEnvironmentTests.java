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

package io.socks5udp.test.support;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TestEnvironment}.
 *
 * @author socks5-udp authors
 */
class TestEnvironmentTests {

	@Test
	void missingPrerequisiteSkipsTheTestWithTheMessage() {
		assertThatExceptionOfType(TestAbortedException.class)
			.isThrownBy(() -> TestEnvironment.require(false, "Dante is not installed (apt-get install)", false))
			.withMessageContaining("Dante is not installed (apt-get install)");
	}

	@Test
	void missingPrerequisiteFailsTheTestWhereAllAreRequired() {
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> TestEnvironment.require(false, "Dante is not installed", true))
			.withMessageContaining("Dante is not installed")
			.withMessageContaining("SOCKS5UDP_REQUIRE_ALL=true");
	}

	@Test
	void presentPrerequisitePassesEitherWay() {
		assertThatCode(() -> TestEnvironment.require(true, "unused", false)).doesNotThrowAnyException();
		assertThatCode(() -> TestEnvironment.require(true, "unused", true)).doesNotThrowAnyException();
	}

}
