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
import io.socks5udp.health.Socks5UdpHealthContributor;
import io.socks5udp.health.Socks5UdpHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5UdpHealthContributorAutoConfiguration}.
 *
 * @author socks5-udp authors
 */
class Socks5UdpHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(Socks5UdpAutoConfiguration.class,
				Socks5UdpHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class))
		.withPropertyValues("socks5.udp.associate-on-startup=false", "socks5.udp.servers.corp.host=127.0.0.1",
				"socks5.udp.servers.lab.host=::1");

	@Test
	void registersASocks5UdpCompositeWithOneIndicatorPerServer() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(Socks5UdpHealthContributor.class);
			HealthContributor contributor = context.getBean(HealthContributorRegistry.class)
				.getContributor("socks5Udp");
			assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
			CompositeHealthContributor composite = (CompositeHealthContributor) contributor;
			assertThat(composite.stream().map((entry) -> entry.name())).containsExactly("corp", "lab");
			Socks5UdpHealthIndicator corp = (Socks5UdpHealthIndicator) composite.getContributor("corp");
			assertThat(corp.health().getStatus()).isEqualTo(Status.UNKNOWN);
		});
	}

	@Test
	void noContributorWhenDisabled() {
		this.contextRunner.withPropertyValues("management.health.socks5udp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Socks5UdpHealthContributor.class));
	}

	@Test
	void noContributorWithoutHealthSupport() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthContributor.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Socks5UdpHealthContributor.class));
	}

	@Test
	void noContributorWithoutTemplate() {
		this.contextRunner.withPropertyValues("socks5.udp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Socks5UdpHealthContributor.class));
	}

	@Test
	void backsOffToAUserContributor() {
		this.contextRunner.withUserConfiguration(UserContributor.class).run((context) -> {
			assertThat(context).doesNotHaveBean(Socks5UdpHealthContributor.class);
			assertThat(context.getBean(HealthContributorRegistry.class).getContributor("socks5Udp"))
				.isSameAs(context.getBean("socks5UdpHealthIndicator"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserContributor {

		@Bean
		HealthContributor socks5UdpHealthIndicator() {
			HealthIndicator indicator = () -> Health.up().build();
			return indicator;
		}

	}

}
