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
import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.dante.DanteContainer;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the credentials and the server name of a {@code @ServiceConnection} Dante
 * container reach the application, and that the per-server properties of that name still
 * apply.
 *
 * @author socks5-udp authors
 */
@ExtendWith({ OutputCaptureExtension.class, RequireDocker.class })
@Testcontainers
@SpringBootTest(properties = "socks5.udp.servers.corp.handshake-timeout=7s")
@DirtiesContext
class DanteServiceConnectionAuthenticationTests {

	private static final String PASSWORD = "wonderland-test";

	@Container
	@ServiceConnection
	static DanteContainer dante = new DanteContainer().withUsernameAuthentication()
		.withUser("alice", PASSWORD)
		.withServerName("corp");

	@Autowired
	private Socks5UdpTemplate template;

	@Autowired
	private Socks5UdpConnectionDetails connectionDetails;

	@Test
	void logsInAsTheContainersUserAndSendsThroughIt(CapturedOutput output) {
		try (UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			Socks5UdpDatagram reply = this.template.sendAndReceive("127.0.0.1", echo.port(),
					"authenticated".getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(30));
			assertThat(StandardCharsets.US_ASCII.decode(reply.payload()).toString()).isEqualTo("authenticated");
		}
		ManagedAssociation association = this.template.associations().get("corp");
		assertThat(association).isNotNull();
		assertThat(association.traffic().datagramsSent()).isPositive();
		Socks5AssociationOptions options = association.options();
		assertThat(options.credentials().username()).isEqualTo("alice");
		assertThat(options.handshakeTimeout()).isEqualTo(Duration.ofSeconds(7));
		assertThat(output.getAll()).doesNotContain(PASSWORD);
	}

	@Test
	void connectionDetailsMaskThePassword() {
		assertThat(this.connectionDetails.getServers()).containsOnlyKeys("corp");
		assertThat(this.connectionDetails.getServers().get("corp").getPassword()).isEqualTo(PASSWORD);
		assertThat(this.connectionDetails.toString()).contains("corp=127.0.0.1:" + dante.port())
			.contains("username alice, password ******")
			.doesNotContain(PASSWORD);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
