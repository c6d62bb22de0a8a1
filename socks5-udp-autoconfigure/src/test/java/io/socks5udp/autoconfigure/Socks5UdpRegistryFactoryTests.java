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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.socks5udp.core.registry.Socks5ConfigException;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.core.registry.Socks5ServerSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5UdpRegistryFactory}: wrong rules and unreadable files fail
 * startup with the property named.
 *
 * @author socks5-udp authors
 */
class Socks5UdpRegistryFactoryTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(Socks5UdpAutoConfiguration.class))
		.withPropertyValues("socks5.udp.associate-on-startup=false", "socks5.udp.use-socks5c-config=false",
				"socks5.udp.servers.corp.host=127.0.0.1");

	@Test
	void unknownServerName() {
		this.contextRunner
			.withPropertyValues("socks5.udp.rules[0].destination=10.0.0.0/8", "socks5.udp.rules[0].server=NONE",
					"socks5.udp.rules[1].destination=0.0.0.0/0", "socks5.udp.rules[1].server=crop")
			.run((context) -> {
				Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
				assertThat(failure.property()).isEqualTo("socks5.udp.rules[1].server");
				assertThat(failure.problem()).contains("unknown server name 'crop'").contains("corp");
				assertThat(failure.action()).contains("socks5.udp.servers");
				assertThat(failure).hasCauseInstanceOf(Socks5ConfigException.class);
			});
	}

	@Test
	void ruleWithAListOfServersNamesThemInOrder() {
		this.contextRunner.withPropertyValues("socks5.udp.servers.backup.host=127.0.0.2",
				"socks5.udp.rules[0].destination=10.0.0.0/8", "socks5.udp.rules[0].servers=corp,backup,127.0.0.3:1081",
				"socks5.udp.rules[1].destination=0.0.0.0/0", "socks5.udp.rules[1].server=corp")
			.run((context) -> {
				Socks5ServerSelection route = context.getBean(Socks5ServerRegistry.class).lookup("10.1.2.3");
				assertThat(route.servers()).extracting(Socks5ServerEndpoint::name)
					.containsExactly("corp", "backup", "127.0.0.3:1081");
				assertThat(route.isSpread()).isFalse();
				Socks5ServerSelection single = context.getBean(Socks5ServerRegistry.class).lookup("192.0.2.1");
				assertThat(single.servers()).extracting(Socks5ServerEndpoint::name).containsExactly("corp");
			});
	}

	@Test
	void ruleWithAListOfServersMaySpread() {
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.backup.host=127.0.0.2",
					"socks5.udp.rules[0].destination=10.0.0.0/8", "socks5.udp.rules[0].servers[0]=corp",
					"socks5.udp.rules[0].servers[1]=backup", "socks5.udp.rules[0].spread=true")
			.run((context) -> assertThat(context.getBean(Socks5ServerRegistry.class).lookup("10.1.2.3").isSpread())
				.isTrue());
	}

	@Test
	void unknownServerNameInAList() {
		this.contextRunner
			.withPropertyValues("socks5.udp.rules[0].destination=10.0.0.0/8", "socks5.udp.rules[0].servers=corp,crop")
			.run((context) -> {
				Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
				assertThat(failure.property()).isEqualTo("socks5.udp.rules[0].servers[1]");
				assertThat(failure.problem()).contains("unknown server name 'crop'");
			});
	}

	@Test
	void noneInAListOfServers() {
		this.contextRunner
			.withPropertyValues("socks5.udp.rules[0].destination=10.0.0.0/8", "socks5.udp.rules[0].servers=corp,NONE")
			.run((context) -> {
				Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
				assertThat(failure.property()).isEqualTo("socks5.udp.rules[0].servers[1]");
				assertThat(failure.problem()).contains("NONE in a list of servers").contains("never goes direct");
			});
	}

	@Test
	void repeatedServerInAList() {
		this.contextRunner
			.withPropertyValues("socks5.udp.rules[0].destination=10.0.0.0/8",
					"socks5.udp.rules[0].servers=corp,127.0.0.9:1080,corp")
			.run((context) -> {
				Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
				assertThat(failure.property()).isEqualTo("socks5.udp.rules[0].servers[2]");
				assertThat(failure.problem()).contains("'corp' is already in the list");
			});
	}

	@Test
	void malformedServerInAList() {
		this.contextRunner
			.withPropertyValues("socks5.udp.rules[0].destination=10.0.0.0/8",
					"socks5.udp.rules[0].servers=corp,proxy:99999")
			.run((context) -> assertThat(ConfigurationFailures.of(context).property())
				.isEqualTo("socks5.udp.rules[0].servers[1]"));
	}

	@Test
	void serverAndServersTogether() {
		this.contextRunner
			.withPropertyValues("socks5.udp.rules[0].destination=10.0.0.0/8", "socks5.udp.rules[0].server=corp",
					"socks5.udp.rules[0].servers=corp")
			.run((context) -> {
				Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
				assertThat(failure.property()).isEqualTo("socks5.udp.rules[0].server");
				assertThat(failure.problem()).contains("together with socks5.udp.rules[0].servers");
			});
	}

	@Test
	void spreadOverOneServer() {
		this.contextRunner
			.withPropertyValues("socks5.udp.rules[0].destination=10.0.0.0/8", "socks5.udp.rules[0].server=corp",
					"socks5.udp.rules[0].spread=true")
			.run((context) -> {
				Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
				assertThat(failure.property()).isEqualTo("socks5.udp.rules[0].spread");
				assertThat(failure.problem()).contains("two or more servers");
			});
	}

	@Test
	void badDestination() {
		this.contextRunner
			.withPropertyValues("socks5.udp.rules[0].destination=10.0.0.0/33", "socks5.udp.rules[0].server=corp")
			.run((context) -> {
				Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
				assertThat(failure.property()).isEqualTo("socks5.udp.rules[0].destination");
				assertThat(failure.value()).isEqualTo("10.0.0.0/33");
				assertThat(failure.problem()).contains("33");
			});
	}

	@Test
	void badServerField() {
		this.contextRunner
			.withPropertyValues("socks5.udp.rules[0].destination=10.0.0.0/8", "socks5.udp.rules[0].server=none")
			.run((context) -> {
				Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
				assertThat(failure.property()).isEqualTo("socks5.udp.rules[0].server");
				assertThat(failure.problem()).contains("NONE in upper case");
			});
	}

	@Test
	void ruleWithoutServer() {
		this.contextRunner.withPropertyValues("socks5.udp.rules[0].destination=10.0.0.0/8")
			.run((context) -> assertThat(ConfigurationFailures.of(context).property())
				.isEqualTo("socks5.udp.rules[0].server"));
	}

	@Test
	void missingConfigFile(@TempDir Path folder) {
		Path missing = folder.resolve("missing.conf");
		this.contextRunner.withPropertyValues("socks5.udp.config-file=" + missing).run((context) -> {
			Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
			assertThat(failure.property()).isEqualTo("socks5.udp.config-file");
			assertThat(failure.value()).isEqualTo(missing.toString());
			assertThat(failure.problem()).startsWith("cannot read '" + missing + "'");
			assertThat(failure).hasCauseInstanceOf(IOException.class);
		});
	}

	@Test
	void unreadableConfigFile(@TempDir Path folder) throws IOException {
		Path directory = Files.createDirectory(folder.resolve("a-directory.conf"));
		this.contextRunner.withPropertyValues("socks5.udp.config-file=" + directory).run((context) -> {
			Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
			assertThat(failure.property()).isEqualTo("socks5.udp.config-file");
			assertThat(failure.action()).contains("socks5.udp.config-file");
		});
	}

	@Test
	void malformedLineInConfigFile(@TempDir Path folder) throws IOException {
		Path file = Files.writeString(folder.resolve("socks5c.conf"), "10.0.0.0/8 NONE\n10.0.0.0/40 proxy\n",
				StandardCharsets.UTF_8);
		this.contextRunner.withPropertyValues("socks5.udp.config-file=" + file).run((context) -> {
			Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
			assertThat(failure.property()).isEqualTo("socks5.udp.config-file");
			assertThat(failure.problem()).contains(":2").contains("10.0.0.0/40");
			assertThat(failure.action()).startsWith("Correct line 2 of ");
		});
	}

}
