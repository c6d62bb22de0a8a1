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

package io.socks5udp.autoconfigure.health;

import io.socks5udp.autoconfigure.Socks5UdpAutoConfiguration;
import io.socks5udp.core.registry.ReloadableSocks5ServerRegistry;
import io.socks5udp.health.Socks5UdpFailoverHealthIndicator;
import io.socks5udp.health.Socks5UdpHealthContributor;
import io.socks5udp.health.Socks5UdpRegistryHealthIndicator;
import io.socks5udp.template.Socks5UdpTemplate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code socks5Udp} health contributor: one indicator per
 * SOCKS5 server, reporting the association's cached state; and, when the socks5c.conf
 * file is watched, the {@code socks5UdpRegistry} indicator of its reloads. Disabled with
 * {@code management.health.socks5udp.enabled=false}.
 *
 * @author socks5-udp authors
 */
@AutoConfiguration(after = Socks5UdpAutoConfiguration.class)
@ConditionalOnClass({ Socks5UdpTemplate.class, HealthContributor.class })
@ConditionalOnBean(Socks5UdpTemplate.class)
@ConditionalOnEnabledHealthIndicator("socks5udp")
public final class Socks5UdpHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "socks5UdpHealthIndicator", "socks5UdpHealthContributor" })
	Socks5UdpHealthContributor socks5UdpHealthContributor(Socks5UdpTemplate template) {
		return new Socks5UdpHealthContributor(template);
	}

	@Bean
	@ConditionalOnMissingBean(name = "socks5UdpFailoverHealthIndicator")
	Socks5UdpFailoverHealthIndicator socks5UdpFailoverHealthIndicator(Socks5UdpTemplate template) {
		return new Socks5UdpFailoverHealthIndicator(template);
	}

	@Bean
	@ConditionalOnBean(ReloadableSocks5ServerRegistry.class)
	@ConditionalOnMissingBean(name = "socks5UdpRegistryHealthIndicator")
	Socks5UdpRegistryHealthIndicator socks5UdpRegistryHealthIndicator(ReloadableSocks5ServerRegistry registry) {
		return new Socks5UdpRegistryHealthIndicator(registry);
	}

}
