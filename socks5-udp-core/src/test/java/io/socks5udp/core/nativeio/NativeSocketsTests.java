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
package io.socks5udp.core.nativeio;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link NativeSockets}: where batched I/O can run, and the reason given where
 * it cannot. Runs on Java 17 and on the JDK 25 of these machines.
 *
 * @author socks5-udp authors
 */
class NativeSocketsTests {

	@Test
	void batchedIoRunsOnLinuxWithJava22OrLaterAndIsRefusedWithTheReasonBefore() {
		boolean linux = System.getProperty("os.name").startsWith("Linux");
		if (Runtime.version().feature() >= 22 && linux) {
			assertThat(NativeSockets.unavailableReason()).isNull();
		}
		else {
			assertThat(NativeSockets.unavailableReason()).contains("Java 22 or later")
				.contains("Java " + Runtime.version().feature());
			assertThatIllegalStateException().isThrownBy(NativeSockets::checkAvailable)
				.withMessageContaining("Java 22 or later");
		}
	}

}
