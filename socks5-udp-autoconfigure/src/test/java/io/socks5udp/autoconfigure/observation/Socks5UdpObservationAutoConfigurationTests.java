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

package io.socks5udp.autoconfigure.observation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.common.KeyValues;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.socks5udp.autoconfigure.Socks5UdpAutoConfiguration;
import io.socks5udp.autoconfigure.metrics.Socks5UdpMetricsAutoConfiguration;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.observation.DefaultSocks5UdpRequestObservationConvention;
import io.socks5udp.observation.Socks5UdpRequestObservationContext;
import io.socks5udp.observation.Socks5UdpRequestObservationConvention;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link Socks5UdpObservationAutoConfiguration}: with Boot's observation and
 * Prometheus auto-configuration, against the embedded relay, the Prometheus scrape shows
 * every socks5 meter once under a clean name, and the observations of the association and
 * of a request with the convention's keys.
 *
 * @author socks5-udp authors
 */
class Socks5UdpObservationAutoConfigurationTests {

	/** A Prometheus sample line: its name and its labels. */
	private static final Pattern SAMPLE = Pattern.compile("^(socks5_[a-z_]+)(\\{[^}]*\\})? ");

	/** A unit that a name carries twice, as in socks5_udp_bytes_sent_bytes_total. */
	private static final Pattern UNIT_TWICE = Pattern.compile("(bytes|seconds).*_\\1(_|$)");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(Socks5UdpAutoConfiguration.class,
				Socks5UdpMetricsAutoConfiguration.class, Socks5UdpObservationAutoConfiguration.class,
				ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, PrometheusMetricsExportAutoConfiguration.class));

	private EmbeddedSocks5Relay relay;

	private UdpEchoServer echo;

	@BeforeEach
	void startPeers() throws Exception {
		this.relay = EmbeddedSocks5Relay.builder().build().start();
		this.echo = UdpEchoServer.startIpv4();
	}

	@AfterEach
	void stopPeers() {
		this.relay.close();
		this.echo.close();
	}

	@Test
	void prometheusShowsEverySocks5MeterOnceWithACleanNameAndTheObservations() {
		this.contextRunner.withPropertyValues(properties()).run((context) -> {
			Socks5UdpTemplate template = context.getBean(Socks5UdpTemplate.class);
			Socks5Address echo = Socks5Address.of(this.echo.address());
			assertThat(
					template.sendAndReceive(echo, new byte[] { 1, 2, 3 }, Duration.ofSeconds(20)).payload().remaining())
				.isEqualTo(3);
			PrometheusMeterRegistry prometheus = context.getBean(PrometheusMeterRegistry.class);
			// The handshake timer and the association gauge are registered by the
			// template's opened listener, on the thread that associated, which may run
			// just
			// after the first datagram went out
			await().atMost(Duration.ofSeconds(20))
				.until(() -> prometheus.scrape().contains("# TYPE socks5_udp_handshake_seconds "));
			String scrape = prometheus.scrape();
			List<String> types = new ArrayList<>();
			for (String line : scrape.lines().toList()) {
				if (line.startsWith("# TYPE socks5_")) {
					types.add(line.split(" ")[2]);
				}
			}
			assertThat(types).doesNotHaveDuplicates()
				.contains("socks5_udp_datagrams_sent_total", "socks5_udp_datagrams_received_total",
						"socks5_udp_datagrams_dropped_total", "socks5_udp_sent_bytes_total",
						"socks5_udp_received_bytes_total", "socks5_udp_associations_active",
						"socks5_udp_handshake_seconds", "socks5_udp_associate_seconds", "socks5_udp_request_seconds");
			assertThat(types).noneMatch((name) -> UNIT_TWICE.matcher(name).find());
			Map<String, List<String>> samples = samples(scrape);
			assertThat(samples.keySet()).noneMatch((name) -> UNIT_TWICE.matcher(name).find())
				.contains("socks5_udp_sent_bytes_total", "socks5_udp_received_bytes_total")
				.doesNotContain("socks5_udp_bytes_sent_bytes_total", "socks5_udp_bytes_received_bytes_total");
			assertThat(samples.get("socks5_udp_sent_bytes_total")).contains("{server=\"corp\"} 3.0");
			assertThat(samples.get("socks5_udp_associate_seconds_count"))
				.anyMatch((sample) -> sample.contains("server=\"corp\"") && sample.contains("outcome=\"success\"")
						&& sample.contains("reassociation=\"false\"") && sample.contains("code=\"none\"")
						&& sample.matches(".* 1(\\.0)?"));
			assertThat(samples.get("socks5_udp_request_seconds_count"))
				.anyMatch((sample) -> sample.contains("server=\"corp\"") && sample.contains("outcome=\"success\"")
						&& sample.matches(".* 1(\\.0)?"));
		});
	}

	@Test
	void aConventionBeanReplacesTheDefault() {
		this.contextRunner.withPropertyValues(properties())
			.withBean(Socks5UdpRequestObservationConvention.class, TaggedRequestConvention::new)
			.run((context) -> {
				context.getBean(Socks5UdpTemplate.class)
					.sendAndReceive(Socks5Address.of(this.echo.address()), new byte[] { 1 }, Duration.ofSeconds(20));
				assertThat(context.getBean(PrometheusMeterRegistry.class).scrape()).contains("team=\"payments\"");
			});
	}

	@Test
	void nothingIsObservedWithoutAnObservationRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(Socks5UdpAutoConfiguration.class,
					Socks5UdpObservationAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(Socks5UdpTemplate.class)
				.doesNotHaveBean("socks5UdpObservationCustomizer"));
	}

	private String[] properties() {
		return this.relay.springProperties("corp")
			.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

	/** Each socks5 sample name with its samples, labels and value, in order. */
	private static Map<String, List<String>> samples(String scrape) {
		Map<String, List<String>> samples = new LinkedHashMap<>();
		for (String line : scrape.lines().toList()) {
			Matcher matcher = SAMPLE.matcher(line);
			if (matcher.find()) {
				samples.computeIfAbsent(matcher.group(1), (name) -> new ArrayList<>())
					.add(line.substring(matcher.group(1).length()));
			}
		}
		return samples;
	}

	/** A user's convention: the default one with a tag of its own. */
	static class TaggedRequestConvention extends DefaultSocks5UdpRequestObservationConvention {

		@Override
		public KeyValues getLowCardinalityKeyValues(Socks5UdpRequestObservationContext context) {
			return super.getLowCardinalityKeyValues(context).and("team", "payments");
		}

	}

}
