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

import java.io.IOException;
import java.time.Duration;

import io.socks5udp.autoconfigure.Socks5UdpAutoConfiguration;
import io.socks5udp.health.Socks5UdpHealthContributor;
import io.socks5udp.health.Socks5UdpHealthIndicator;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
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
import static org.awaitility.Awaitility.await;

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

	@Test
	void readinessGroupAsTheReadmeShowsItHasTheSocks5HealthAndLivenessHasNot() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(HealthEndpointAutoConfiguration.class,
					AvailabilityProbesAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class,
					ApplicationAvailabilityAutoConfiguration.class))
			.withPropertyValues("management.endpoint.health.probes.enabled=true",
					"management.endpoint.health.group.readiness.include=readinessState,socks5Udp")
			.run((context) -> {
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
				assertThat(groups.get("readiness").isMember("socks5Udp")).isTrue();
				assertThat(groups.get("liveness").isMember("livenessState")).isTrue();
				assertThat(groups.get("liveness").isMember("socks5Udp")).isFalse();
			});
	}

	@Test
	void readinessGroupCanHoldASingleServer() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(HealthEndpointAutoConfiguration.class,
					AvailabilityProbesAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class,
					ApplicationAvailabilityAutoConfiguration.class))
			.withPropertyValues("management.endpoint.health.probes.enabled=true",
					"management.endpoint.health.group.readiness.include=readinessState,socks5Udp/corp")
			.run((context) -> {
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("readiness").isMember("socks5Udp/corp")).isTrue();
				assertThat(groups.get("readiness").isMember("socks5Udp/lab")).isFalse();
			});
	}

	@Test
	void probesLeaveTheSocks5HealthOutUnlessIncluded() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(HealthEndpointAutoConfiguration.class,
					AvailabilityProbesAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class,
					ApplicationAvailabilityAutoConfiguration.class))
			.withPropertyValues("management.endpoint.health.probes.enabled=true")
			.run((context) -> {
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("readiness").isMember("socks5Udp")).isFalse();
				assertThat(groups.get("liveness").isMember("socks5Udp")).isFalse();
				assertThat(groups.getPrimary().isMember("socks5Udp")).isTrue();
			});
	}

	@Test
	void readinessFollowsTheSocks5HealthOnceIncludedWhileLivenessDoesNot() throws IOException {
		try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().build().start()) {
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(Socks5UdpAutoConfiguration.class,
						Socks5UdpHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class,
						HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
						AvailabilityProbesAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class,
						ApplicationAvailabilityAutoConfiguration.class))
				.withPropertyValues("socks5.udp.use-socks5c-config=false", "socks5.udp.servers.corp.warm=true",
						"management.endpoint.health.probes.enabled=true",
						"management.endpoint.health.group.readiness.include=readinessState,socks5Udp")
				.withPropertyValues(relay.springProperties("corp")
					.entrySet()
					.stream()
					.map((property) -> property.getKey() + "=" + property.getValue())
					.toArray(String[]::new))
				.run((context) -> {
					AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
					AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
					HealthEndpoint health = context.getBean(HealthEndpoint.class);
					awaitStatus(health, "readiness", Status.UP);
					relay.close();
					awaitStatus(health, "readiness", Status.DOWN);
					assertThat(health.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
				});
		}
	}

	private static void awaitStatus(HealthEndpoint health, String group, Status status) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> health.healthForPath(group).getStatus(), (actual) -> actual.equals(status));
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
