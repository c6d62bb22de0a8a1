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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link LocalDante}.
 *
 * @author socks5-udp authors
 */
class LocalDanteTests {

	@BeforeEach
	void requireDanted() {
		TestEnvironment.requireDanted();
	}

	@Test
	void startsOnAFreePortAndLogsThatItRuns() throws IOException {
		try (LocalDante dante = LocalDante.start()) {
			assertThat(dante.isAlive()).isTrue();
			assertThat(dante.host()).isEqualTo("127.0.0.1");
			assertThat(dante.port()).isPositive();
			assertThat(dante.config().port()).isEqualTo(dante.port());
			assertThat(dante.logFile()).exists();
			assertThat(dante.log()).contains("Dante/server").contains("running");
		}
	}

	@Test
	void killEndsTheAssociationsAndRestartServesTheSamePort() throws IOException {
		try (LocalDante dante = LocalDante.start(); UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			int port = dante.port();
			long pid = dante.pid();
			try (Socks5UdpAssociation before = open(dante)) {
				assertRoundTrip(before, echo);
				dante.kill();
				assertThat(dante.isAlive()).isFalse();
				assertThat(before.closeFuture()).succeedsWithin(Duration.ofSeconds(5)).isNotNull();
			}
			dante.restart();
			assertThat(dante.isAlive()).isTrue();
			assertThat(dante.port()).isEqualTo(port);
			assertThat(dante.pid()).isNotEqualTo(pid);
			try (Socks5UdpAssociation after = open(dante)) {
				assertRoundTrip(after, echo);
			}
		}
	}

	@Test
	void stopEndsDanteAndItsAssociations() throws IOException {
		try (LocalDante dante = LocalDante.start(); Socks5UdpAssociation association = open(dante)) {
			dante.stop();
			assertThat(dante.isAlive()).isFalse();
			assertThat(association.closeFuture()).succeedsWithin(Duration.ofSeconds(5)).isNotNull();
			assertThat(dante.log()).contains("exiting on signal 15");
		}
	}

	@Test
	void portChosenByTheCallerIsUsed() throws IOException {
		int port = LoopbackPorts.findFree();
		try (LocalDante dante = LocalDante.start(DanteConfig.builder().port(port).build())) {
			assertThat(dante.port()).isEqualTo(port);
			try (Socks5UdpAssociation association = open(dante)) {
				assertThat(association.serverAddress().getPort()).isEqualTo(port);
			}
		}
	}

	@Test
	void configurationDanteRejectsFailsWithItsMessage() {
		DanteConfig config = DanteConfig.builder().commands("no-such-command").build();
		assertThatIOException().isThrownBy(() -> LocalDante.start(config))
			.withMessageContaining("Dante did not start")
			.withMessageContaining("syntax error");
	}

	private static Socks5UdpAssociation open(LocalDante dante) throws IOException {
		return Socks5UdpAssociation.open(Socks5AssociationOptions.builder(dante.host(), dante.port()).build());
	}

	private static void assertRoundTrip(Socks5UdpAssociation association, UdpEchoServer echo) throws IOException {
		association.send(Socks5Address.of(echo.address()), new byte[] { 4, 2 });
		Socks5UdpDatagram reply = association.receive(Duration.ofSeconds(5));
		assertThat(reply).isNotNull();
		assertThat(reply.payload().remaining()).isEqualTo(2);
		assertThat(reply.address()).isEqualTo(Socks5Address.of(echo.address()));
	}

}
