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

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.socks5udp.core.protocol.Socks5Credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RelayArguments}.
 *
 * @author socks5-udp authors
 */
class RelayArgumentsTests {

	@Test
	void defaultsToLoopbackOnTheSocksPortWithoutUsers() {
		RelayArguments arguments = RelayArguments.parse();
		assertThat(arguments.port()).isEqualTo(1080);
		assertThat(arguments.bindAddress().getHostAddress()).isEqualTo("127.0.0.1");
		assertThat(arguments.users()).isEmpty();
		assertThat(arguments.maxConnections()).isEqualTo(1024);
		assertThat(arguments.batchedIo()).isFalse();
		assertThat(arguments.help()).isFalse();
	}

	@Test
	void readsEveryOptionInBothForms() throws Exception {
		RelayArguments arguments = RelayArguments.parse("--port", "0", "--bind=::1", "--user", "alice:se:cret",
				"--user=bob:pw", "--max-connections", "16");
		assertThat(arguments.port()).isZero();
		assertThat(arguments.bindAddress()).isEqualTo(InetAddress.getByName("::1"));
		assertThat(arguments.users()).containsExactly(new Socks5Credentials("alice", "se:cret"),
				new Socks5Credentials("bob", "pw"));
		assertThat(arguments.maxConnections()).isEqualTo(16);
	}

	@Test
	void readsBatchedIo() {
		assertThat(RelayArguments.parse("--port", "0", "--batched-io").batchedIo()).isTrue();
		assertThat(RelayArguments.USAGE).contains("--batched-io");
	}

	@Test
	void readsHelp() {
		assertThat(RelayArguments.parse("--help").help()).isTrue();
		assertThat(RelayArguments.parse("--port", "0", "-h").help()).isTrue();
		assertThat(RelayArguments.USAGE).startsWith("usage: java -jar socks5-udp-relay.jar");
	}

	@Test
	void namesANumberOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> RelayArguments.parse("--port", "70000"))
			.withMessage("--port: 70000 (expected: 0-65535)");
		assertThatIllegalArgumentException().isThrownBy(() -> RelayArguments.parse("--port=-1"))
			.withMessage("--port: -1 (expected: 0-65535)");
		assertThatIllegalArgumentException().isThrownBy(() -> RelayArguments.parse("--port", "socks"))
			.withMessage("--port: socks (expected: 0-65535)");
		assertThatIllegalArgumentException().isThrownBy(() -> RelayArguments.parse("--max-connections", "0"))
			.withMessage("--max-connections: 0 (expected: 1 or more)");
		assertThatIllegalArgumentException().isThrownBy(() -> RelayArguments.parse("--max-connections=many"))
			.withMessage("--max-connections: many (expected: 1 or more)");
	}

	@Test
	void refusesAnOpenRelayUnlessToldExplicitly() {
		assertThatIllegalArgumentException().isThrownBy(() -> RelayArguments.parse("--bind", "0.0.0.0"))
			.withMessage("--bind: 0.0.0.0 is not a loopback address and no user is given: an open relay,"
					+ " which is an open proxy (expected: --users-file or --user, or --open to allow it)");
		assertThatIllegalArgumentException().isThrownBy(() -> RelayArguments.parse("--bind", "::"))
			.withMessageStartingWith("--bind: :: is not a loopback address");
		assertThatIllegalArgumentException().isThrownBy(() -> RelayArguments.parse("--bind", "192.0.2.1"))
			.withMessageStartingWith("--bind: 192.0.2.1 is not a loopback address");
		assertThat(RelayArguments.parse("--bind", "0.0.0.0", "--open").open()).isTrue();
		assertThat(RelayArguments.parse("--bind", "0.0.0.0", "--user", "alice:secret").open()).isFalse();
		assertThat(RelayArguments.parse("--bind", "127.0.0.2").open()).isFalse();
	}

	@Test
	void readsUsersFromFilesAndTheCommandLineAndWarnsAboutTheCommandLine(@TempDir Path folder) throws Exception {
		Path file = Files.writeString(folder.resolve("users"), "# team\nalice:secret\nbob:other\n");
		RelayArguments fromFile = RelayArguments.parse("--users-file", file.toString(), "--bind", "0.0.0.0");
		assertThat(fromFile.users()).containsExactly(new Socks5Credentials("alice", "secret"),
				new Socks5Credentials("bob", "other"));
		assertThat(fromFile.warnings()).isEmpty();
		RelayArguments both = RelayArguments.parse("--users-file=" + file, "--user", "carol:pw", "--user", "dave:pw");
		assertThat(both.users()).extracting(Socks5Credentials::username)
			.containsExactly("alice", "bob", "carol", "dave");
		assertThat(both.warnings()).containsExactly(RelayArguments.USER_ON_COMMAND_LINE);
		assertThat(RelayArguments.USER_ON_COMMAND_LINE).contains("ps").contains("--users-file");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RelayArguments.parse("--users-file", folder.resolve("none").toString()))
			.withMessage(folder.resolve("none") + ": cannot read (NoSuchFileException)");
	}

	@Test
	void namesAnUnknownArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> RelayArguments.parse("--foo"))
			.withMessage("unknown argument: --foo");
		assertThatIllegalArgumentException().isThrownBy(() -> RelayArguments.parse("1080"))
			.withMessage("unknown argument: 1080");
	}

	@Test
	void namesAMissingValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> RelayArguments.parse("--port"))
			.withMessage("--port: missing value");
	}

	@Test
	void acceptsOnlyAddressLiteralsToBind() {
		assertThatIllegalArgumentException().isThrownBy(() -> RelayArguments.parse("--bind", "localhost"))
			.withMessage("--bind: localhost (expected: an IPv4 or IPv6 address)");
		assertThatIllegalArgumentException().isThrownBy(() -> RelayArguments.parse("--bind", "::g"))
			.withMessage("--bind: ::g (expected: an IPv4 or IPv6 address)");
	}

	@Test
	void namesABadUserWithoutShowingThePassword() {
		assertThatIllegalArgumentException().isThrownBy(() -> RelayArguments.parse("--user", "hunter2"))
			.withMessage("--user: no ':' in the value (expected: NAME:PASSWORD)");
		assertThatIllegalArgumentException().isThrownBy(() -> RelayArguments.parse("--user", ":hunter2"))
			.withMessage("--user: username: 0 bytes (expected: 1-255)");
		assertThatIllegalArgumentException().isThrownBy(() -> RelayArguments.parse("--user", "alice:"))
			.withMessage("--user: password: 0 bytes (expected: 1-255)");
	}

}
