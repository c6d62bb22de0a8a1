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

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AuthMethod;
import io.socks5udp.core.protocol.Socks5Credentials;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5RelayMain}: in this JVM, and as a process of its own run from
 * the class path (the jar is tested by {@code Socks5RelayJarIT}).
 *
 * @author socks5-udp authors
 */
class Socks5RelayMainTests {

	static final Pattern LISTENING = Pattern.compile("listening on (.+):(\\d+)");

	@Test
	void printsWhereItListensOnceItAcceptsConnections() throws Exception {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		AtomicReference<EmbeddedSocks5Relay> started = new AtomicReference<>();
		try (EmbeddedSocks5Relay relay = Socks5RelayMain.start(RelayArguments.parse("--port", "0", "--bind", "::1"),
				new PrintStream(output, true, StandardCharsets.UTF_8), started::set)) {
			assertThat(started.get()).isSameAs(relay);
			assertThat(output.toString(StandardCharsets.UTF_8))
				.isEqualTo("listening on [::1]:" + relay.port() + System.lineSeparator());
			try (Socks5UdpAssociation association = RelayClients.open(relay)) {
				assertThat(association.isOpen()).isTrue();
			}
		}
	}

	@Test
	void servesAsManyConnectionsAtATimeAsTold() throws Exception {
		try (EmbeddedSocks5Relay relay = Socks5RelayMain.start(
				RelayArguments.parse("--port", "0", "--max-connections", "1"),
				new PrintStream(OutputStream.nullOutputStream()), (started) -> {
				});
				RawSocks5Client first = RawSocks5Client.connect(relay);
				RawSocks5Client second = RawSocks5Client.connect(relay)) {
			assertThat(first.greet()).isEqualTo(Socks5AuthMethod.NO_AUTH);
			assertThat(second.read()).isEqualTo(-1);
			assertThat(relay.counters().connectionsRefused()).isEqualTo(1);
		}
	}

	@Test
	void relaysUntilTerminatedThenPrintsCountersAndExitsWithZero() throws Exception {
		try (RelayProcess relay = RelayProcess.fromClassPath("--port", "0", "--user", "alice:secret");
				UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			Matcher listening = LISTENING.matcher(String.valueOf(relay.readLine()));
			assertThat(listening.matches()).isTrue();
			assertThat(listening.group(1)).isEqualTo("127.0.0.1");
			Socks5AssociationOptions options = Socks5AssociationOptions
				.builder(listening.group(1), Integer.parseInt(listening.group(2)))
				.credentials(new Socks5Credentials("alice", "secret"))
				.build();
			try (Socks5UdpAssociation association = Socks5UdpAssociation.open(options)) {
				assertThat(RelayClients
					.text(RelayClients.roundTrip(association, Socks5Address.of(echo.address()), "standalone")))
					.isEqualTo("standalone");
			}
			relay.terminate();
			String stopped = relay.readLine();
			assertThat(stopped).startsWith("stopped: ")
				.contains("associations-opened=1")
				.contains("datagrams-to-destinations=1")
				.contains("datagrams-to-clients=1");
			assertThat(relay.waitFor()).isZero();
			assertThat(relay.errors())
				.isEqualTo("warning: " + RelayArguments.USER_ON_COMMAND_LINE + System.lineSeparator());
		}
	}

	@Test
	void badArgumentsPrintOneLineAndExitWithTwo() throws Exception {
		try (RelayProcess relay = RelayProcess.fromClassPath("--port", "70000")) {
			assertThat(relay.waitFor()).isEqualTo(2);
			assertThat(relay.errors()).isEqualTo("--port: 70000 (expected: 0-65535)" + System.lineSeparator());
			assertThat(relay.readLine()).isNull();
		}
		try (RelayProcess relay = RelayProcess.fromClassPath("--foo")) {
			assertThat(relay.waitFor()).isEqualTo(2);
			assertThat(relay.errors()).isEqualTo("unknown argument: --foo" + System.lineSeparator());
		}
	}

	@Test
	void refusesAnOpenRelayWithoutListening() throws Exception {
		try (RelayProcess relay = RelayProcess.fromClassPath("--port", "0", "--bind", "0.0.0.0")) {
			assertThat(relay.waitFor()).isEqualTo(2);
			assertThat(relay.errors()).startsWith("--bind: 0.0.0.0 is not a loopback address and no user is given")
				.endsWith("(expected: --users-file or --user, or --open to allow it)" + System.lineSeparator());
			assertThat(relay.readLine()).isNull();
		}
	}

	@Test
	void startsAnOpenRelayWhenToldAndWarns() throws Exception {
		// Listens on every address until terminated at once; nothing is sent anywhere
		try (RelayProcess relay = RelayProcess.fromClassPath("--port", "0", "--bind", "0.0.0.0", "--open")) {
			assertThat(relay.readLine()).startsWith("listening on 0.0.0.0:");
			relay.terminate();
			assertThat(relay.readLine()).startsWith("stopped: ");
			assertThat(relay.waitFor()).isZero();
			assertThat(relay.errors()).contains("WARNING").contains("on 0.0.0.0:").contains("open proxy");
		}
	}

	@Test
	void authenticatesTheUsersOfAFile(@TempDir Path folder) throws Exception {
		Path users = Files.writeString(folder.resolve("users"), "# local\nalice:secret\n");
		try (EmbeddedSocks5Relay relay = Socks5RelayMain.start(
				RelayArguments.parse("--port", "0", "--users-file", users.toString()),
				new PrintStream(OutputStream.nullOutputStream()), (started) -> {
				});
				Socks5UdpAssociation association = RelayClients.open(relay,
						(options) -> options.credentials(new Socks5Credentials("alice", "secret")))) {
			assertThat(association.isOpen()).isTrue();
			assertThat(relay.users()).containsOnlyKeys("alice");
		}
	}

	@Test
	void aBadUsersFileExitsWithTwoNamingTheLineNotThePassword(@TempDir Path folder) throws Exception {
		Path users = Files.writeString(folder.resolve("users"), "alice:secret\nhunter2\n");
		try (RelayProcess relay = RelayProcess.fromClassPath("--port", "0", "--users-file", users.toString())) {
			assertThat(relay.waitFor()).isEqualTo(2);
			assertThat(relay.errors())
				.isEqualTo(users + ":2: no ':' in the line (expected: NAME:PASSWORD)" + System.lineSeparator());
			assertThat(relay.readLine()).isNull();
		}
	}

	@Test
	void helpPrintsUsageAndExitsWithZero() throws Exception {
		try (RelayProcess relay = RelayProcess.fromClassPath("--help")) {
			assertThat(relay.readLine()).startsWith("usage: java -jar socks5-udp-relay.jar");
			assertThat(relay.waitFor()).isZero();
		}
	}

	@Test
	void aPortInUseExitsWithOne() throws Exception {
		try (EmbeddedSocks5Relay taken = EmbeddedSocks5Relay.builder().build().start();
				RelayProcess relay = RelayProcess.fromClassPath("--port", Integer.toString(taken.port()))) {
			assertThat(relay.waitFor()).isEqualTo(1);
			assertThat(relay.errors()).startsWith("cannot listen on 127.0.0.1:" + taken.port() + ": ");
		}
	}

}
