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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.socks5udp.autoconfigure.Socks5UdpConnectionDetails;
import io.socks5udp.autoconfigure.Socks5UdpConnectionDetails.Server;
import io.socks5udp.core.protocol.Socks5Credentials;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the embedded relay plugged in as the application's server through a bean of
 * connection details, as the package documentation shows.
 *
 * @author socks5-udp authors
 */
@SpringBootTest(properties = { "socks5.udp.servers.corp.host=127.0.0.1", "socks5.udp.servers.corp.port=9" })
@DirtiesContext
class EmbeddedRelayConnectionDetailsTests {

	@Autowired
	private Socks5UdpTemplate template;

	@Autowired
	private EmbeddedSocks5Relay relay;

	@Test
	void relayReplacesTheServersOfThePropertiesAndCarriesTheTraffic() {
		assertThat(this.template.associations()).containsOnlyKeys("relay");
		try (UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			Socks5UdpDatagram reply = this.template.sendAndReceive("127.0.0.1", echo.port(),
					"via the relay".getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(30));
			assertThat(StandardCharsets.US_ASCII.decode(reply.payload()).toString()).isEqualTo("via the relay");
		}
		assertThat(this.relay.counters().datagramsToDestinations()).isEqualTo(1);
		assertThat(this.relay.counters().datagramsToClients()).isEqualTo(1);
		assertThat(this.template.associations().get("relay").options().credentials().username())
			.isEqualTo("relay-user");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean(destroyMethod = "close")
		EmbeddedSocks5Relay relay() throws IOException {
			return EmbeddedSocks5Relay.builder().user("relay-user", "relay-test-password").build().start();
		}

		@Bean
		Socks5UdpConnectionDetails relayConnectionDetails(EmbeddedSocks5Relay relay) {
			Socks5Credentials user = relay.users().get("relay-user");
			return () -> Map.of("relay", Server.of(relay.host(), relay.port(), user.username(), user.password()));
		}

	}

}
