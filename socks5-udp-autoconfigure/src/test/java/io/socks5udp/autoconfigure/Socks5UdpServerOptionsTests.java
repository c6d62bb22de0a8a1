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

package io.socks5udp.autoconfigure;

import io.socks5udp.core.client.RelayAddressPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5UdpServerOptions}: wrong server settings fail startup with the
 * property named.
 *
 * @author socks5-udp authors
 */
class Socks5UdpServerOptionsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(Socks5UdpAutoConfiguration.class))
		.withPropertyValues("socks5.udp.associate-on-startup=false");

	@Test
	void portOutOfRange() {
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1", "socks5.udp.servers.corp.port=70000")
			.run((context) -> {
				Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
				assertThat(failure.property()).isEqualTo("socks5.udp.servers.corp.port");
				assertThat(failure.value()).isEqualTo("70000");
				assertThat(failure).isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessage("Property socks5.udp.servers.corp.port with value '70000' is invalid: "
							+ "port: 70000 (expected: 1-65535)");
				assertThat(failure.getName()).isEqualTo("socks5.udp.servers.corp.port");
				assertThat(failure.getValue()).isEqualTo("70000");
				assertThat(failure.getReason()).isEqualTo("port: 70000 (expected: 1-65535)");
				assertThat(failure.action()).contains("socks5.udp.servers.corp.port");
			});
	}

	@Test
	void missingHost() {
		this.contextRunner.withPropertyValues("socks5.udp.servers.corp.port=1080").run((context) -> {
			Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
			assertThat(failure.property()).isEqualTo("socks5.udp.servers.corp.host");
			assertThat(failure.problem()).isEqualTo("must be set");
		});
	}

	@Test
	void usernameWithoutPassword() {
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1", "socks5.udp.servers.corp.username=alice")
			.run((context) -> {
				Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
				assertThat(failure.property()).isEqualTo("socks5.udp.servers.corp.password");
				assertThat(failure.problem()).contains("RFC 1929");
			});
	}

	@Test
	void passwordWithoutUsername() {
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1", "socks5.udp.servers.corp.password=secret")
			.run((context) -> {
				Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
				assertThat(failure.property()).isEqualTo("socks5.udp.servers.corp.username");
				assertThat(failure.getMessage()).doesNotContain("secret");
			});
	}

	@Test
	void overlongPasswordIsNamedButNotShown() {
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1", "socks5.udp.servers.corp.username=alice",
					"socks5.udp.servers.corp.password=" + "p".repeat(256))
			.run((context) -> {
				Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
				assertThat(failure.property()).isEqualTo("socks5.udp.servers.corp.password");
				assertThat(failure.value()).isEqualTo("******");
				assertThat(failure.problem()).isEqualTo("length: 256 bytes (expected: 1-255 in UTF-8)");
			});
	}

	@Test
	void nonPositiveTimeout() {
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1", "socks5.udp.servers.corp.connect-timeout=0s")
			.run((context) -> assertThat(ConfigurationFailures.of(context).property())
				.isEqualTo("socks5.udp.servers.corp.connect-timeout"));
	}

	@Test
	void relayAddressThatIsNeitherAPolicyNorHostAndPort() {
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1",
					"socks5.udp.servers.corp.relay-address=trust-the-reply")
			.run((context) -> {
				Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
				assertThat(failure.property()).isEqualTo("socks5.udp.servers.corp.relay-address");
				assertThat(failure.problem())
					.startsWith("relay-address: 'trust-the-reply' (expected: replace-unspecified");
			});
	}

	@Test
	void relayAddressAcceptsBracketedIpv6() {
		assertThat(Socks5UdpServerOptions.relayAddressPolicy("corp", "[::1]:40000").fixedAddress().getHostString())
			.isEqualTo("::1");
		assertThat(Socks5UdpServerOptions.relayAddressPolicy("corp", "Trust-Reply"))
			.isEqualTo(RelayAddressPolicy.TRUST_REPLY);
	}

	@Test
	void reconnectSettingsOutOfRange() {
		this.contextRunner.withPropertyValues("socks5.udp.reconnect.jitter=2")
			.run((context) -> assertThat(ConfigurationFailures.of(context))
				.hasMessage("Property socks5.udp.reconnect.jitter with value '2.0' is invalid: "
						+ "jitter: 2.0 (expected: 0-1)"));
		this.contextRunner
			.withPropertyValues("socks5.udp.reconnect.initial-delay=1m", "socks5.udp.reconnect.max-delay=1s")
			.run((context) -> assertThat(ConfigurationFailures.of(context).property())
				.isEqualTo("socks5.udp.reconnect.max-delay"));
		this.contextRunner.withPropertyValues("socks5.udp.outage.max-wait=-1s")
			.run((context) -> assertThat(ConfigurationFailures.of(context).property())
				.isEqualTo("socks5.udp.outage.max-wait"));
	}

	@Test
	void negativeStableAfterNamesTheProperty() {
		this.contextRunner.withPropertyValues("socks5.udp.reconnect.stable-after=-1s")
			.run((context) -> assertThat(ConfigurationFailures.of(context)).hasMessage(
					"Property socks5.udp.reconnect.stable-after with value 'PT-1S' is invalid: stableAfter: PT-1S (expected: >= 0)"));
	}

}
