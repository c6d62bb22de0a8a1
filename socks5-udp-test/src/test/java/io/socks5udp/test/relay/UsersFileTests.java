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
package io.socks5udp.test.relay;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.socks5udp.core.protocol.Socks5Credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link UsersFile}.
 *
 * @author socks5-udp authors
 */
class UsersFileTests {

	@TempDir
	Path folder;

	@Test
	void readsOneUserALineSkippingCommentsAndBlankLines() throws Exception {
		Path file = write("# relay users\n\nalice:se:cret\n  # not a user: bob:x\nbob:two words \r\n");
		assertThat(UsersFile.read(file)).containsExactly(new Socks5Credentials("alice", "se:cret"),
				new Socks5Credentials("bob", "two words "));
	}

	@Test
	void namesTheFileAndLineOfABadLineWithoutShowingIt() throws Exception {
		Path noColon = write("alice:fine\n\nhunter2\n");
		assertThatIllegalArgumentException().isThrownBy(() -> UsersFile.read(noColon))
			.withMessage(noColon + ":3: no ':' in the line (expected: NAME:PASSWORD)");
		Path noName = write(":hunter2\n");
		assertThatIllegalArgumentException().isThrownBy(() -> UsersFile.read(noName))
			.withMessage(noName + ":1: username: 0 bytes (expected: 1-255)");
		Path noPassword = write("alice:\n");
		assertThatIllegalArgumentException().isThrownBy(() -> UsersFile.read(noPassword))
			.withMessage(noPassword + ":1: password: 0 bytes (expected: 1-255)");
		String longPassword = "hunter2".repeat(40);
		Path tooLong = write("alice:" + longPassword + "\n");
		assertThatIllegalArgumentException().isThrownBy(() -> UsersFile.read(tooLong))
			.withMessage(tooLong + ":1: password: 280 bytes (expected: 1-255)");
	}

	@Test
	void refusesANameGivenTwice() throws Exception {
		Path file = write("alice:first\nbob:other\nalice:second\n");
		assertThatIllegalArgumentException().isThrownBy(() -> UsersFile.read(file))
			.withMessage(file + ":3: user 'alice' again (expected: once; first on line 1)");
	}

	@Test
	void refusesAFileWithoutUsers() throws Exception {
		Path file = write("# nobody yet\n\n");
		assertThatIllegalArgumentException().isThrownBy(() -> UsersFile.read(file))
			.withMessage(file + ": no users (expected: at least one NAME:PASSWORD line)");
	}

	@Test
	void namesAFileItCannotRead() {
		Path missing = this.folder.resolve("missing");
		assertThatIllegalArgumentException().isThrownBy(() -> UsersFile.read(missing))
			.withMessage(missing + ": cannot read (NoSuchFileException)");
	}

	private Path write(String content) throws Exception {
		Path file = Files.createTempFile(this.folder, "users", ".txt");
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

}
