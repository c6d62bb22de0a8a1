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
package io.socks5udp.core.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link Socks5Credentials}.
 *
 * @author socks5-udp authors
 */
class Socks5CredentialsTests {

	@Test
	void keepsUsernameAndPassword() {
		Socks5Credentials credentials = new Socks5Credentials("alice", "s3cret");
		assertThat(credentials.username()).isEqualTo("alice");
		assertThat(credentials.password()).isEqualTo("s3cret");
	}

	@Test
	void toStringShowsTheUsernameButNotThePassword() {
		Socks5Credentials credentials = new Socks5Credentials("alice", "s3cret");
		assertThat(credentials.toString()).contains("alice").doesNotContain("s3cret");
	}

	@Test
	void rejectsEmptyUsername() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Socks5Credentials("", "s3cret"))
			.withMessage("username: 0 bytes (expected: 1-255)");
	}

	@Test
	void rejectsEmptyPassword() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Socks5Credentials("alice", ""))
			.withMessage("password: 0 bytes (expected: 1-255)");
	}

	@Test
	void acceptsLengthsUpTo255BytesOfUtf8() {
		Socks5Credentials credentials = new Socks5Credentials("u".repeat(255), "p".repeat(255));
		assertThat(credentials.username()).hasSize(255);
	}

	@Test
	void rejectsUsernameOver255Bytes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Socks5Credentials("u".repeat(256), "p"))
			.withMessage("username: 256 bytes (expected: 1-255)");
	}

	@Test
	void countsPasswordLengthInUtf8BytesAndDoesNotShowIt() {
		// 128 two-byte characters: 128 chars but 256 bytes
		String password = "\u00e9".repeat(128);
		assertThatIllegalArgumentException().isThrownBy(() -> new Socks5Credentials("alice", password))
			.withMessage("password: 256 bytes (expected: 1-255)")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\u00e9"));
	}

	@Test
	void rejectsAnUnpairedSurrogateWithoutShowingThePassword() {
		// UTF-8 cannot encode a lone surrogate: String.getBytes would send '?' instead
		for (String password : new String[] { "s3cret\uD800", "\uDC00s3cret", "s3\uDBFFcret", "s3cret\uDFFF\uD800" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> new Socks5Credentials("alice", password))
				.withMessageStartingWith("password: an unpaired surrogate at index ")
				.withMessageEndingWith(" (expected: characters that UTF-8 can encode)")
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("s3").doesNotContain("cret"));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> new Socks5Credentials("alice", "s3\uDBFFcret"))
			.withMessage("password: an unpaired surrogate at index 2 (expected: characters that UTF-8 can encode)");
		assertThatIllegalArgumentException().isThrownBy(() -> new Socks5Credentials("al\uD83Dice", "s3cret"))
			.withMessage("username: an unpaired surrogate at index 2 (expected: characters that UTF-8 can encode)");
	}

	@Test
	void countsASurrogatePairAsTheFourBytesOfUtf8ItIsSent() {
		String emoji = "\uD83D\uDE00";
		Socks5Credentials credentials = new Socks5Credentials("alice", emoji.repeat(63) + "abc");
		byte[] request = Socks5HandshakeMessages.usernamePasswordRequest(credentials);
		assertThat(request).hasSize(1 + 1 + 5 + 1 + 255);
		assertThatIllegalArgumentException().isThrownBy(() -> new Socks5Credentials("alice", emoji.repeat(64)))
			.withMessage("password: 256 bytes (expected: 1-255)");
	}

	@Test
	void rejectsNulls() {
		assertThatNullPointerException().isThrownBy(() -> new Socks5Credentials(null, "p"))
			.withMessageContaining("username");
		assertThatNullPointerException().isThrownBy(() -> new Socks5Credentials("u", null))
			.withMessageContaining("password");
	}

	@Test
	void equalsComparesBoth() {
		assertThat(new Socks5Credentials("alice", "s3cret")).isEqualTo(new Socks5Credentials("alice", "s3cret"))
			.hasSameHashCodeAs(new Socks5Credentials("alice", "s3cret"))
			.isNotEqualTo(new Socks5Credentials("alice", "other"))
			.isNotEqualTo(new Socks5Credentials("bob", "s3cret"));
	}

}
