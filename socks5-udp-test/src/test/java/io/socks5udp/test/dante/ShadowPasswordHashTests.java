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

package io.socks5udp.test.dante;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ShadowPasswordHash}.
 *
 * @author socks5-udp authors
 */
class ShadowPasswordHashTests {

	@Test
	void matchesTheSpecificationsExample() {
		// The example of "Unix crypt using SHA-256 and SHA-512", also what
		// `openssl passwd -6 -salt saltstring 'Hello world!'` prints.
		assertThat(ShadowPasswordHash.hash("Hello world!", "saltstring")).isEqualTo(
				"$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1");
	}

	@Test
	void longSaltsAreCutToSixteenCharacters() {
		assertThat(ShadowPasswordHash.hash("secret", "0123456789abcdefXYZ"))
			.isEqualTo(ShadowPasswordHash.hash("secret", "0123456789abcdef"))
			.startsWith("$6$0123456789abcdef$");
	}

	@Test
	void passwordsLongerThanOneDigestBlockAreHashed() {
		// Expected value from `openssl passwd -6 -salt salt` with the same password.
		assertThat(ShadowPasswordHash.hash("x".repeat(100), "salt")).isEqualTo(
				"$6$salt$YpneRMDqacf3Cb8jYBiOgHJ8JSOP0u50ItO7gJeHxZgTzM5LWYkuEU2fu3OFmmvnM6ASCnSvDUM/MFm78SFyy/");
	}

	@Test
	void freshSaltsDiffer() {
		assertThat(ShadowPasswordHash.hash("s5udp-local-test"))
			.isNotEqualTo(ShadowPasswordHash.hash("s5udp-local-test"))
			.matches("\\$6\\$[./0-9A-Za-z]{16}\\$[./0-9A-Za-z]{86}");
	}

}
