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

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.socks5udp.autoconfigure.Socks5UdpAutoConfiguration;
import io.socks5udp.core.registry.ReloadableSocks5ServerRegistry;
import io.socks5udp.metrics.Socks5UdpMetrics;
import io.socks5udp.observation.Socks5UdpTelemetryNames;
import io.socks5udp.template.Socks5UdpTemplate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the Micrometer meters of the {@link Socks5UdpTemplate}.
 *
 * @author socks5-udp authors
 */
@AutoConfiguration(after = Socks5UdpAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ Socks5UdpTemplate.class, MeterRegistry.class })
@ConditionalOnBean({ Socks5UdpTemplate.class, MeterRegistry.class })
public final class Socks5UdpMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Socks5UdpMetrics socks5UdpMetrics(Socks5UdpTemplate template) {
		return new Socks5UdpMetrics(template);
	}

	/**
	 * Meters of a watched socks5c.conf file: {@code socks5.udp.registry.reloads}
	 * (counter, tag {@code outcome}: {@code success} or {@code failure}) and
	 * {@code socks5.udp.registry.rules} (gauge, the rules in use).
	 * @param registry the reloadable registry
	 * @return the binder
	 */
	@Bean
	@ConditionalOnBean(ReloadableSocks5ServerRegistry.class)
	@ConditionalOnMissingBean(name = "socks5UdpRegistryMetrics")
	MeterBinder socks5UdpRegistryMetrics(ReloadableSocks5ServerRegistry registry) {
		return (meters) -> {
			FunctionCounter
				.builder(Socks5UdpTelemetryNames.REGISTRY_RELOADS, registry, (r) -> r.reloadStatus().reloads())
				.tag(Socks5UdpTelemetryNames.OUTCOME, Socks5UdpTelemetryNames.SUCCESS)
				.description("Reloads of the watched socks5c.conf file that put new rules in use")
				.register(meters);
			FunctionCounter
				.builder(Socks5UdpTelemetryNames.REGISTRY_RELOADS, registry, (r) -> r.reloadStatus().failedReloads())
				.tag(Socks5UdpTelemetryNames.OUTCOME, Socks5UdpTelemetryNames.FAILURE)
				.description("Reloads of the watched socks5c.conf file that failed or were refused")
				.register(meters);
			Gauge.builder(Socks5UdpTelemetryNames.REGISTRY_RULES, registry, (r) -> r.reloadStatus().ruleCount())
				.description("Rules in use from the watched socks5c.conf file and the properties")
				.register(meters);
		};
	}

}
