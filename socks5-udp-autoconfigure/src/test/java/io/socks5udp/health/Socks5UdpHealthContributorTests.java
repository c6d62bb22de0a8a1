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

package io.socks5udp.health;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.template.Socks5UdpServerUnavailableException;
import io.socks5udp.template.Socks5UdpTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.HealthContributors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Socks5UdpHealthContributor}.
 *
 * @author socks5-udp authors
 */
class Socks5UdpHealthContributorTests {

	private Socks5UdpTemplate template;

	@AfterEach
	void stop() {
		if (this.template != null) {
			this.template.stop();
		}
	}

	@Test
	void hasOneIndicatorPerServerByName() {
		this.template = Socks5UdpTemplate.builder(Socks5ServerRegistry.direct())
			.server("a", Socks5AssociationOptions.builder("127.0.0.1", 1080).name("a").build())
			.server("b", Socks5AssociationOptions.builder("127.0.0.1", 1081).name("b").build())
			.associateOnStartup(false)
			.build();
		Socks5UdpHealthContributor composite = new Socks5UdpHealthContributor(this.template);
		assertThat(composite.stream().map(HealthContributors.Entry::name)).containsExactly("a", "b");
		assertThat(composite.getContributor("a")).isInstanceOf(Socks5UdpHealthIndicator.class)
			.isSameAs(composite.getContributor("a"));
		assertThat(composite.getContributor("c")).isNull();
	}

	@Test
	void serverFirstUsedThroughARuleAppears() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		String server = "127.0.0.1:" + closedPort;
		this.template = Socks5UdpTemplate
			.builder(Socks5ServerRegistry.builder().text("socks5c.conf", "127.0.0.1/32 " + server + "\n").build())
			.build();
		this.template.start();
		Socks5UdpHealthContributor composite = new Socks5UdpHealthContributor(this.template);
		assertThat(composite.stream()).isEmpty();
		assertThatExceptionOfType(Socks5UdpServerUnavailableException.class)
			.isThrownBy(() -> this.template.send("127.0.0.1", 7, "x".getBytes(StandardCharsets.US_ASCII)));
		assertThat(composite.stream().map(HealthContributors.Entry::name)).containsExactly(server);
	}

}
