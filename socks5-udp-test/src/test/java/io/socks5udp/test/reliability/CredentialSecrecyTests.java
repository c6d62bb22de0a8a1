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
package io.socks5udp.test.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5AuthenticationException;
import io.socks5udp.core.protocol.Socks5Credentials;
import io.socks5udp.test.dante.DanteConfig;
import io.socks5udp.test.dante.DanteSocksMethod;
import io.socks5udp.test.dante.DanteUsers;
import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Passwords never leave the core in text: not in {@code toString()} of credentials,
 * options or associations, not in exception messages (a wrong password against the
 * embedded relay and against Dante), and not in anything the core logs at any level
 * during a successful handshake, a failed one and the end of an association.
 *
 * @author socks5-udp authors
 */
@Timeout(30)
class CredentialSecrecyTests {

	private static final String USERNAME = "alice";

	private final String password = "pw-" + UUID.randomUUID();

	private final String wrongPassword = "wrong-" + UUID.randomUUID();

	@Test
	void toStringNeverShowsThePassword() {
		Socks5Credentials credentials = new Socks5Credentials(USERNAME, this.password);
		Socks5AssociationOptions options = Socks5AssociationOptions.builder("127.0.0.1", 1080)
			.credentials(credentials)
			.build();
		assertThat(credentials.toString()).contains(USERNAME).doesNotContain(this.password);
		assertThat(options.toString()).contains(USERNAME).doesNotContain(this.password);
	}

	@Test
	void invalidCredentialsDoNotShowThePasswordInTheirException() {
		String tooLong = this.password + "x".repeat(Socks5Credentials.MAX_LENGTH);
		assertThatIllegalArgumentException().isThrownBy(() -> new Socks5Credentials(USERNAME, tooLong))
			.satisfies((ex) -> assertThat(CapturedLog.stackTrace(ex)).doesNotContain(this.password));
	}

	@Test
	void embeddedRelayHandshakesNeverRevealThePassword() throws IOException {
		try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().user(USERNAME, this.password).build().start();
				UdpEchoServer echo = UdpEchoServer.startIpv4();
				CapturedLog log = CapturedLog.start()) {
			String name = AssociationThreads.uniqueName("secret");
			Socks5Credentials right = new Socks5Credentials(USERNAME, this.password);
			try (Socks5UdpAssociation association = open(relay.host(), relay.port(), name, right)) {
				RelayPortTests.assertRoundTrip(association, echo);
				assertThat(association.toString()).doesNotContain(this.password);
				relay.closeControlConnections();
				assertThat(association.closeFuture()).succeedsWithin(Duration.ofSeconds(5));
			}
			assertWrongPasswordIsRefusedWithoutShowingIt(relay.host(), relay.port(), right);
			assertLogged(log, name, right.password());
		}
	}

	@Test
	void danteHandshakesNeverRevealThePassword() throws IOException {
		TestEnvironment.requireDanted();
		TestEnvironment.requireTestUser();
		DanteConfig config = DanteConfig.builder().socksMethod(DanteSocksMethod.USERNAME).build();
		try (LocalDante dante = LocalDante.start(config);
				UdpEchoServer echo = UdpEchoServer.startIpv4();
				CapturedLog log = CapturedLog.start()) {
			String name = AssociationThreads.uniqueName("dante-secret");
			Socks5Credentials right = DanteUsers.credentials();
			try (Socks5UdpAssociation association = open(dante.host(), dante.port(), name, right)) {
				RelayPortTests.assertRoundTrip(association, echo);
				assertThat(association.toString()).doesNotContain(right.password());
			}
			assertWrongPasswordIsRefusedWithoutShowingIt(dante.host(), dante.port(), right);
			assertLogged(log, name, right.password());
		}
	}

	private void assertWrongPasswordIsRefusedWithoutShowingIt(String host, int port, Socks5Credentials right) {
		Socks5Credentials wrong = new Socks5Credentials(right.username(), this.wrongPassword);
		Socks5AuthenticationException refused = catchThrowableOfType(Socks5AuthenticationException.class,
				() -> Socks5UdpAssociation.open(Socks5AssociationOptions.builder(host, port)
					.name(AssociationThreads.uniqueName("wrong-password"))
					.credentials(wrong)
					.build()));
		assertThat(refused).as("refusal of a wrong password").isNotNull();
		assertThat(refused.getMessage()).contains(right.username());
		assertThat(CapturedLog.stackTrace(refused)).doesNotContain(this.wrongPassword).doesNotContain(right.password());
	}

	private void assertLogged(CapturedLog log, String associationName, String rightPassword) {
		assertThat(log.text()).as("the core's log, captured at every level").contains(associationName);
		assertThat(log.lines()).noneMatch((line) -> line.contains(rightPassword))
			.noneMatch((line) -> line.contains(this.wrongPassword));
	}

	private static Socks5UdpAssociation open(String host, int port, String name, Socks5Credentials credentials)
			throws IOException {
		return Socks5UdpAssociation
			.open(Socks5AssociationOptions.builder(host, port).name(name).credentials(credentials).build());
	}

}
