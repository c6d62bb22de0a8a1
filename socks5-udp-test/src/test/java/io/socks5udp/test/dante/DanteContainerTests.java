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

import java.io.IOException;
import java.time.Duration;

import io.socks5udp.core.client.Socks5AssociationOptionsBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AuthenticationException;
import io.socks5udp.core.protocol.Socks5Credentials;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DanteContainer}.
 *
 * @author socks5-udp authors
 */
class DanteContainerTests {

	@BeforeEach
	void requireDocker() {
		TestEnvironment.requireDocker();
	}

	@Test
	void listensOnTheConfiguredLoopbackPortWithHostNetworking() throws IOException {
		try (DanteContainer dante = new DanteContainer().withUdpIoTimeout(Duration.ofSeconds(30))) {
			dante.start();
			assertThat(dante.host()).isEqualTo("127.0.0.1");
			assertThat(dante.port()).isPositive();
			assertThat(dante.danteConfig().render()).contains("port = " + dante.port())
				.contains("timeout.io.udp: 30")
				.contains("logoutput: stderr");
			assertThat(dante.getLogs()).contains("running");
			try (Socks5UdpAssociation association = open(dante, null)) {
				assertThat(association.serverAddress().getPort()).isEqualTo(dante.port());
			}
		}
	}

	@Test
	void usersAddedToTheContainerCanLogIn() throws IOException {
		Socks5Credentials alice = new Socks5Credentials("alice", "wonderland-test");
		try (DanteContainer dante = new DanteContainer().withUsernameAuthentication()
			.withUser(alice.username(), alice.password()); UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			dante.start();
			try (Socks5UdpAssociation association = open(dante, alice)) {
				association.send(Socks5Address.of(echo.address()), new byte[] { 9 });
				Socks5UdpDatagram reply = association.receive(Duration.ofSeconds(5));
				assertThat(reply).isNotNull();
				assertThat(reply.address()).isEqualTo(Socks5Address.of(echo.address()));
			}
			try (Socks5UdpAssociation association = open(dante, DanteUsers.credentials())) {
				assertThat(association.isOpen()).isTrue();
			}
			assertThatExceptionOfType(Socks5AuthenticationException.class)
				.isThrownBy(() -> open(dante, new Socks5Credentials("alice", "not-her-password")));
		}
	}

	@Test
	void invalidUserNamesAreRejected() {
		DanteContainer dante = new DanteContainer();
		assertThatIllegalArgumentException().isThrownBy(() -> dante.withUser("root:x", "secret"))
			.withMessageContaining("username: root:x");
	}

	private static Socks5UdpAssociation open(DanteContainer dante, Socks5Credentials credentials) throws IOException {
		Socks5AssociationOptionsBuilder options = Socks5AssociationOptions.builder(dante.host(), dante.port());
		if (credentials != null) {
			options.credentials(credentials);
		}
		return Socks5UdpAssociation.open(options.build());
	}

}
