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

package io.socks5udp.autoconfigure.testcontainers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.socks5udp.autoconfigure.Socks5UdpConnectionDetails;
import io.socks5udp.autoconfigure.Socks5UdpConnectionDetails.Server;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.dante.DanteContainer;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a {@code @ServiceConnection} Dante container is the server of an application
 * that sets no {@code socks5.udp} property at all.
 *
 * @author socks5-udp authors
 */
@ExtendWith(RequireDocker.class)
@Testcontainers
@SpringBootTest
@DirtiesContext
class DanteServiceConnectionTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Container
	@ServiceConnection
	static DanteContainer dante = new DanteContainer();

	@Autowired
	private Socks5UdpTemplate template;

	@Autowired
	private Socks5UdpConnectionDetails connectionDetails;

	private UdpEchoServer echo;

	@BeforeEach
	void startEchoServer() {
		this.echo = UdpEchoServer.startIpv4();
	}

	@AfterEach
	void stopEchoServer() {
		this.echo.close();
	}

	@Test
	void sendsThroughTheContainerWithoutProperties() {
		Socks5UdpDatagram reply = this.template.sendAndReceive("127.0.0.1", this.echo.port(),
				"via the container".getBytes(StandardCharsets.US_ASCII), TIMEOUT);
		assertThat(StandardCharsets.US_ASCII.decode(reply.payload()).toString()).isEqualTo("via the container");
		assertThat(reply.address()).isEqualTo(Socks5Address.of(this.echo.address()));
		assertThat(this.echo.datagramCount()).isEqualTo(1);
		ManagedAssociation association = this.template.associations().get("dante");
		assertThat(association).isNotNull();
		assertThat(association.serverAddress()).isEqualTo("127.0.0.1:" + dante.port());
		assertThat(association.traffic().datagramsSent()).isPositive();
		assertThat(association.traffic().datagramsReceived()).isPositive();
		assertThat(this.template.directTraffic().datagramsSent()).isZero();
	}

	@Test
	void connectionDetailsNameTheContainerAsTheOnlyServer() {
		assertThat(this.connectionDetails.getServers()).containsOnlyKeys("dante");
		Server server = this.connectionDetails.getServers().get("dante");
		assertThat(server.getHost()).isEqualTo("127.0.0.1");
		assertThat(server.getPort()).isEqualTo(dante.port());
		assertThat(server.getUsername()).isNull();
		assertThat(server.getPassword()).isNull();
		assertThat(this.connectionDetails)
			.hasToString("DanteContainerConnectionDetails[dante=127.0.0.1:" + dante.port() + "]");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
