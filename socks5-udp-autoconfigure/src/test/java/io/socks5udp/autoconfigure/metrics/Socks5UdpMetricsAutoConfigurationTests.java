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

package io.socks5udp.autoconfigure.metrics;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.socks5udp.autoconfigure.Socks5UdpAutoConfiguration;
import io.socks5udp.metrics.Socks5UdpMetrics;
import io.socks5udp.template.Socks5UdpTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link Socks5UdpMetricsAutoConfiguration}.
 *
 * @author socks5-udp authors
 */
class Socks5UdpMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(Socks5UdpAutoConfiguration.class,
				Socks5UdpMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
		.withPropertyValues("socks5.udp.associate-on-startup=false", "socks5.udp.servers.corp.host=127.0.0.1");

	@Test
	void metersAreBoundToTheRegistry() throws IOException {
		// Warm, so that corp's first association attempt (refused: nothing listens there)
		// happens at start: a server's meters appear at its first attempt
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.corp.port=" + closedPort(), "socks5.udp.servers.corp.warm=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(Socks5UdpMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(20))
					.until(() -> registry.find("socks5.udp.associations.active").tag("server", "corp").gauge() != null);
				assertThat(registry.get("socks5.udp.datagrams.sent").tag("server", "corp").functionCounter().count())
					.isZero();
				assertThat(registry.get("socks5.udp.datagrams.sent").tag("server", "DIRECT").functionCounter().count())
					.isZero();
				assertThat(registry.get("socks5.udp.associations.active").tag("server", "corp").gauge().value())
					.isZero();
				assertThat(registry.get("socks5.udp.datagrams.dropped").tag("server", "corp").functionCounters())
					.hasSize(5);
			});
	}

	@Test
	void aServerNothingHasNeededHasNoMeters() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("socks5.udp.datagrams.sent").tag("server", "DIRECT").functionCounter())
				.isNotNull();
			assertThat(registry.find("socks5.udp.datagrams.sent").tag("server", "corp").functionCounter()).isNull();
			assertThat(registry.find("socks5.udp.associations.active").tag("server", "corp").gauge()).isNull();
			assertThat(registry.find("socks5.udp.handshake").tag("server", "corp").timer()).isNull();
		});
	}

	@Test
	void noMetersWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Socks5UdpTemplate.class)
				.doesNotHaveBean(Socks5UdpMetrics.class));
	}

	@Test
	void noMetersWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(Socks5UdpAutoConfiguration.class, Socks5UdpMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(Socks5UdpTemplate.class)
				.doesNotHaveBean(Socks5UdpMetrics.class));
	}

	@Test
	void noMetersWithoutTemplate() {
		this.contextRunner.withPropertyValues("socks5.udp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Socks5UdpMetrics.class));
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
