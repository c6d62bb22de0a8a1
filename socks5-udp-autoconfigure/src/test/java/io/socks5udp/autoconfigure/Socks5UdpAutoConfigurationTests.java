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
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.socks5udp.core.client.AssociateAddressPolicy;
import io.socks5udp.core.client.RelayAddressPolicy;
import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.nativeio.NativeSockets;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.registry.Socks5ServerSelection;
import io.socks5udp.core.registry.Socks5RuleSet;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.Socks5AssociationOptionsCustomizer;
import io.socks5udp.template.Socks5UdpChannelCustomizer;
import io.socks5udp.template.Socks5UdpStartupException;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.template.Socks5UdpTemplateCustomizer;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link Socks5UdpAutoConfiguration}.
 *
 * @author socks5-udp authors
 */
class Socks5UdpAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(Socks5UdpAutoConfiguration.class))
		.withPropertyValues("socks5.udp.associate-on-startup=false", "socks5.udp.use-socks5c-config=false");

	@Test
	void templateRegistryAndConnectionDetailsByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(Socks5UdpTemplate.class)
				.hasSingleBean(Socks5ServerRegistry.class)
				.hasSingleBean(PropertiesSocks5UdpConnectionDetails.class)
				.hasBean("socks5UdpSanitizingFunction");
			Socks5UdpTemplate template = context.getBean(Socks5UdpTemplate.class);
			assertThat(template.isRunning()).isTrue();
			assertThat(template.associations()).isEmpty();
			assertThat(template.registry().lookup(Socks5Address.of("127.0.0.1", 53)).isDirect()).isTrue();
		});
	}

	@Test
	void nothingWhenDisabled() {
		this.contextRunner.withPropertyValues("socks5.udp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Socks5UdpTemplate.class)
				.doesNotHaveBean(Socks5ServerRegistry.class)
				.doesNotHaveBean(Socks5UdpConnectionDetails.class));
	}

	@Test
	void backsOffToUserBeans() {
		this.contextRunner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context).hasSingleBean(Socks5UdpTemplate.class).hasSingleBean(Socks5ServerRegistry.class);
			assertThat(context.getBean(Socks5UdpTemplate.class)).isSameAs(context.getBean("userTemplate"));
			assertThat(context.getBean(Socks5ServerRegistry.class)).isSameAs(context.getBean("userRegistry"));
		});
	}

	@Test
	void connectionDetailsBeanSuppliesTheServersAndPropertiesTheirSettings() {
		this.contextRunner.withUserConfiguration(UserConnectionDetails.class)
			.withPropertyValues("socks5.udp.servers.corp.connect-timeout=2s")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesSocks5UdpConnectionDetails.class);
				ManagedAssociation corp = context.getBean(Socks5UdpTemplate.class).associations().get("corp");
				assertThat(corp.options().host()).isEqualTo("127.0.0.1");
				assertThat(corp.options().port()).isEqualTo(21080);
				assertThat(corp.options().credentials().username()).isEqualTo("svc");
				assertThat(corp.options().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
			});
	}

	@Test
	void serverPropertiesBecomeAssociationOptions() {
		this.contextRunner.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1",
				"socks5.udp.servers.corp.port=1081", "socks5.udp.servers.corp.username=alice",
				"socks5.udp.servers.corp.password=secret", "socks5.udp.servers.corp.connect-timeout=750ms",
				"socks5.udp.servers.corp.handshake-timeout=3s", "socks5.udp.servers.corp.relay-address=127.0.0.1:40000",
				"socks5.udp.servers.corp.associate-address=zeros", "socks5.udp.servers.corp.connected-channel=false",
				"socks5.udp.servers.edge.host=::1", "socks5.udp.servers.edge.relay-address=always-server")
			.run((context) -> {
				Map<String, ManagedAssociation> associations = context.getBean(Socks5UdpTemplate.class).associations();
				assertThat(associations).containsOnlyKeys("corp", "edge");
				Socks5AssociationOptions corp = associations.get("corp").options();
				assertThat(corp.name()).isEqualTo("corp");
				assertThat(corp.port()).isEqualTo(1081);
				assertThat(corp.credentials().username()).isEqualTo("alice");
				assertThat(corp.credentials().password()).isEqualTo("secret");
				assertThat(corp.connectTimeout()).isEqualTo(Duration.ofMillis(750));
				assertThat(corp.handshakeTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(corp.relayAddressPolicy())
					.isEqualTo(RelayAddressPolicy.fixed(InetSocketAddress.createUnresolved("127.0.0.1", 40000)));
				assertThat(corp.associateAddressPolicy()).isEqualTo(AssociateAddressPolicy.ZEROS);
				assertThat(corp.connectedChannel()).isFalse();
				Socks5AssociationOptions edge = associations.get("edge").options();
				assertThat(edge.port()).isEqualTo(1080);
				assertThat(edge.credentials()).isNull();
				assertThat(edge.relayAddressPolicy()).isEqualTo(RelayAddressPolicy.ALWAYS_SERVER);
				assertThat(edge.associateAddressPolicy()).isEqualTo(AssociateAddressPolicy.LOCAL);
				assertThat(edge.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
			});
	}

	@Test
	void batchedIoThatCannotRunFailsStartupNamingTheProperty() {
		// The autoconfigure tests run on Java 17, where batched I/O cannot (it needs 22)
		String unavailable = NativeSockets.unavailableReason();
		assumeTrue(unavailable != null, "batched I/O can run here: nothing to refuse");
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1", "socks5.udp.servers.corp.batched-io=true")
			.run((context) -> {
				Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
				assertThat(failure.property()).isEqualTo("socks5.udp.servers.corp.batched-io");
				assertThat(failure.getMessage()).contains(unavailable);
				assertThat(failure.action()).contains("Java 22 or later");
			});
	}

	@Test
	void batchedIoOnAChannelThatIsNotConnectedFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1", "socks5.udp.servers.corp.batched-io=true",
					"socks5.udp.servers.corp.connected-channel=false")
			.run((context) -> {
				Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
				assertThat(failure.property()).isEqualTo("socks5.udp.servers.corp.batched-io");
				assertThat(failure.getMessage()).contains("connectedChannel: false");
			});
	}

	@Test
	void singleServerWithoutRulesCarriesAllTraffic() {
		this.contextRunner.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1").run((context) -> {
			Socks5ServerRegistry registry = context.getBean(Socks5ServerRegistry.class);
			assertThat(serverFor(registry, "192.0.2.1")).isEqualTo("corp");
			assertThat(serverFor(registry, "2001:db8::1")).isEqualTo("corp");
			assertThat(serverFor(registry, "dns.example.com")).isEqualTo("corp");
		});
	}

	@Test
	void singleServerWithOneRuleFollowsTheRulesAlone() {
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1", "socks5.udp.rules[0].destination=10.0.0.0/8",
					"socks5.udp.rules[0].server=corp")
			.run((context) -> {
				Socks5ServerRegistry registry = context.getBean(Socks5ServerRegistry.class);
				assertThat(serverFor(registry, "10.1.2.3")).isEqualTo("corp");
				assertThat(serverFor(registry, "192.0.2.1")).isEqualTo("NONE");
				assertThat(serverFor(registry, "dns.example.com")).isEqualTo("NONE");
			});
	}

	@Test
	void noServersAndNoRulesLeaveEverythingDirect() {
		this.contextRunner.run((context) -> {
			Socks5ServerRegistry registry = context.getBean(Socks5ServerRegistry.class);
			assertThat(serverFor(registry, "192.0.2.1")).isEqualTo("NONE");
			assertThat(serverFor(registry, "2001:db8::1")).isEqualTo("NONE");
		});
	}

	@Test
	void twoServersWithoutRulesLeaveEverythingDirect() {
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.a.host=127.0.0.1", "socks5.udp.servers.b.host=127.0.0.1")
			.run((context) -> assertThat(serverFor(context.getBean(Socks5ServerRegistry.class), "192.0.2.1"))
				.isEqualTo("NONE"));
	}

	@Test
	void rulePropertiesRouteByBestMatch() {
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1", "socks5.udp.servers.lab.host=::1",
					"socks5.udp.rules[0].destination=10.0.0.0/8", "socks5.udp.rules[0].server=NONE",
					"socks5.udp.rules[1].destination=.example.com", "socks5.udp.rules[1].server=lab",
					"socks5.udp.rules[2].destination=0.0.0.0/0", "socks5.udp.rules[2].server=corp")
			.run((context) -> {
				Socks5ServerRegistry registry = context.getBean(Socks5ServerRegistry.class);
				assertThat(serverFor(registry, "10.1.2.3")).isEqualTo("NONE");
				assertThat(serverFor(registry, "192.0.2.1")).isEqualTo("corp");
				assertThat(serverFor(registry, "dns.example.com")).isEqualTo("lab");
			});
	}

	@Test
	void configFileAddsRulesAfterThePropertiesAndItsServersGetAssociations(@TempDir Path folder) throws IOException {
		Path file = Files.writeString(folder.resolve("socks5c.conf"),
				"# corporate rules\n10.0.0.0/8 127.0.0.1:1081\n192.0.2.0/24 127.0.0.1:1082\n", StandardCharsets.UTF_8);
		this.contextRunner
			.withPropertyValues("socks5.udp.config-file=" + file, "socks5.udp.rules[0].destination=192.0.2.0/24",
					"socks5.udp.rules[0].server=NONE")
			.run((context) -> {
				Socks5ServerRegistry registry = context.getBean(Socks5ServerRegistry.class);
				assertThat(serverFor(registry, "10.1.2.3")).isEqualTo("127.0.0.1:1081");
				assertThat(serverFor(registry, "192.0.2.1")).isEqualTo("NONE");
				assertThat(context.getBean(Socks5UdpTemplate.class).associations()).containsKeys("127.0.0.1:1081");
			});
	}

	@Test
	void configFileFromTheClasspath() {
		this.contextRunner.withPropertyValues("socks5.udp.config-file=classpath:io/socks5udp/autoconfigure/test.conf")
			.run((context) -> assertThat(serverFor(context.getBean(Socks5ServerRegistry.class), "198.51.100.7"))
				.isEqualTo("127.0.0.1:1090"));
	}

	@Test
	void socks5cConfigEnvironmentVariableIsHonouredUnlessSwitchedOff(@TempDir Path folder) throws IOException {
		Path file = Files.writeString(folder.resolve("env.conf"), "198.51.100.0/24 127.0.0.1:1083\n",
				StandardCharsets.UTF_8);
		ApplicationContextRunner withVariable = this.contextRunner
			.withPropertyValues("socks5.udp.use-socks5c-config=true")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("env", Map.of("SOCKS5C_CONFIG", file.toString()))));
		withVariable.run((context) -> assertThat(serverFor(context.getBean(Socks5ServerRegistry.class), "198.51.100.7"))
			.isEqualTo("127.0.0.1:1083"));
		withVariable.withPropertyValues("socks5.udp.use-socks5c-config=false")
			.run((context) -> assertThat(serverFor(context.getBean(Socks5ServerRegistry.class), "198.51.100.7"))
				.isEqualTo("NONE"));
	}

	@Test
	void emptySocks5cConfigDisablesSocks() {
		this.contextRunner.withPropertyValues("socks5.udp.use-socks5c-config=true")
			.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("env", Map.of("SOCKS5C_CONFIG", ""))))
			.run((context) -> {
				Socks5ServerRegistry registry = context.getBean(Socks5ServerRegistry.class);
				assertThat(((Socks5RuleSet) registry).isDisabled()).isTrue();
				assertThat(serverFor(registry, "192.0.2.1")).isEqualTo("NONE");
			});
	}

	@Test
	void customizersAreApplied() throws Exception {
		try (UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			this.contextRunner.withUserConfiguration(Customizers.class)
				.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1",
						"socks5.udp.rules[0].destination=127.0.0.0/8", "socks5.udp.rules[0].server=NONE")
				.run((context) -> {
					Socks5UdpTemplate template = context.getBean(Socks5UdpTemplate.class);
					assertThat(template.associations().get("corp").options().connectedChannel()).isFalse();
					Customizers customizers = context.getBean(Customizers.class);
					assertThat(customizers.templateCustomized).isTrue();
					template.send(echo.address(), "x".getBytes(StandardCharsets.US_ASCII));
					assertThat(customizers.channelCustomized.get(20, TimeUnit.SECONDS)).isTrue();
				});
		}
	}

	@Test
	void optionsCustomizersReachAServerThatOnlyARuleNames() {
		this.contextRunner.withUserConfiguration(Customizers.class)
			.withPropertyValues("socks5.udp.rules[0].destination=10.0.0.0/8",
					"socks5.udp.rules[0].server=127.0.0.1:1090")
			.run((context) -> {
				Socks5UdpTemplate template = context.getBean(Socks5UdpTemplate.class);
				assertThat(template.associations()).containsOnlyKeys("127.0.0.1:1090");
				assertThat(template.associations().get("127.0.0.1:1090").options().connectedChannel()).isFalse();
			});
	}

	@Test
	void failFastStopsStartupWhenAServerIsUnreachable() throws IOException {
		int closedPort = closedPort();
		this.contextRunner
			.withPropertyValues("socks5.udp.associate-on-startup=true", "socks5.udp.fail-fast=true",
					"socks5.udp.servers.corp.host=127.0.0.1", "socks5.udp.servers.corp.port=" + closedPort)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ConnectException.class);
				assertThat(context.getStartupFailure()).hasCauseInstanceOf(Socks5UdpStartupException.class);
			});
	}

	@Test
	void unreachableServerDoesNotBlockStartupWithoutFailFast() throws IOException {
		int closedPort = closedPort();
		this.contextRunner
			.withPropertyValues("socks5.udp.associate-on-startup=true", "socks5.udp.servers.corp.host=127.0.0.1",
					"socks5.udp.servers.corp.port=" + closedPort)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(Socks5UdpTemplate.class));
	}

	@Test
	void passwordsAreMaskedForActuatorEndpoints() {
		this.contextRunner.run((context) -> {
			SanitizingFunction function = context.getBean("socks5UdpSanitizingFunction", SanitizingFunction.class);
			assertThat(sanitize(function, "socks5.udp.servers.corp.password", "secret"))
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(sanitize(function, "socks5.udp.servers.corp.username", "alice")).isEqualTo("alice");
			assertThat(sanitize(function, "socks5.udp.servers.corp.host", "proxy")).isEqualTo("proxy");
		});
	}

	@Test
	void passwordsAreMaskedInEveryRelaxedFormOfTheirKey() {
		this.contextRunner.run((context) -> {
			SanitizingFunction function = context.getBean("socks5UdpSanitizingFunction", SanitizingFunction.class);
			for (String key : new String[] { "SOCKS5_UDP_SERVERS_CORP_PASSWORD", "socks5_udp_servers_corp_password",
					"SOCKS5_UDP_SERVERS_corp_PASSWORD", "socks5.udp.servers[corp].password",
					"socks5.udp.servers.corp.Password", "socks5-udp.servers.corp.password" }) {
				assertThat(sanitize(function, key, "secret")).as(key).isEqualTo(SanitizableData.SANITIZED_VALUE);
			}
			assertThat(sanitize(function, "SOCKS5_UDP_SERVERS_CORP_USERNAME", "alice")).isEqualTo("alice");
			assertThat(sanitize(function, "SOCKS5_UDP_SERVERS_PASSWORDS_HOST", "proxy")).isEqualTo("proxy");
		});
	}

	@Test
	void passwordIsMaskedInConfigpropsEvenWhenValuesAreShown() {
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1", "socks5.udp.servers.corp.username=alice",
					"socks5.udp.servers.corp.password=secret")
			.run((context) -> {
				List<SanitizingFunction> functions = context.getBeanProvider(SanitizingFunction.class)
					.orderedStream()
					.toList();
				assertThat(corpProperties(context, functions)).containsEntry("username", "alice")
					.containsEntry("password", SanitizableData.SANITIZED_VALUE);
				assertThat(corpProperties(context, List.of())).as("without the function")
					.containsEntry("password", "secret");
				EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(), functions, Show.ALWAYS);
				assertThat(env.environmentEntry("socks5.udp.servers.corp.password").getProperty().getValue())
					.isEqualTo(SanitizableData.SANITIZED_VALUE);
				assertThat(env.environmentEntry("socks5.udp.servers.corp.username").getProperty().getValue())
					.isEqualTo("alice");
			});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> corpProperties(ApplicationContext context, List<SanitizingFunction> functions) {
		ConfigurationPropertiesReportEndpoint endpoint = new ConfigurationPropertiesReportEndpoint(functions,
				Show.ALWAYS);
		endpoint.setApplicationContext(context);
		Map<String, Object> properties = endpoint.configurationPropertiesWithPrefix("socks5.udp")
			.getContexts()
			.values()
			.iterator()
			.next()
			.getBeans()
			.values()
			.iterator()
			.next()
			.getProperties();
		return (Map<String, Object>) ((Map<String, Object>) properties.get("servers")).get("corp");
	}

	@Test
	void noSanitizingFunctionWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).hasSingleBean(Socks5UdpTemplate.class)
				.doesNotHaveBean("socks5UdpSanitizingFunction"));
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static Object sanitize(SanitizingFunction function, String key, String value) {
		return function.applyUnlessFiltered(new SanitizableData(null, key, value)).getValue();
	}

	private static String serverFor(Socks5ServerRegistry registry, String host) {
		Socks5ServerSelection route = registry.lookup(host);
		return route.isDirect() ? "NONE" : route.server().name();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		@Bean
		Socks5ServerRegistry userRegistry() {
			return Socks5ServerRegistry.direct();
		}

		@Bean
		Socks5UdpTemplate userTemplate(Socks5ServerRegistry registry) {
			return Socks5UdpTemplate.builder(registry).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnectionDetails {

		@Bean
		Socks5UdpConnectionDetails testConnectionDetails() {
			return () -> Map.of("corp", Socks5UdpConnectionDetails.Server.of("127.0.0.1", 21080, "svc", "pw"));
		}

	}

	@Test
	void autoConfigurationMetadataCarriesTheConditions() throws IOException {
		// Written by spring-boot-autoconfigure-processor, so that Boot can skip the class
		// without loading it when the template is not on the class path
		Properties metadata = new Properties();
		for (URL url : Collections
			.list(getClass().getClassLoader().getResources("META-INF/spring-autoconfigure-metadata.properties"))) {
			try (InputStream stream = url.openStream()) {
				metadata.load(stream);
			}
		}
		assertThat(metadata).containsEntry(Socks5UdpAutoConfiguration.class.getName() + ".ConditionalOnClass",
				Socks5UdpTemplate.class.getName());
	}

	@Configuration(proxyBeanMethods = false)
	static class Customizers {

		final CompletableFuture<Boolean> channelCustomized = new CompletableFuture<>();

		volatile boolean templateCustomized;

		@Bean
		Socks5AssociationOptionsCustomizer unconnected() {
			return (name, options) -> options.connectedChannel(false);
		}

		@Bean
		Socks5UdpTemplateCustomizer flagging() {
			return (template) -> this.templateCustomized = true;
		}

		@Bean
		Socks5UdpChannelCustomizer receiveBuffer() {
			return (channel) -> {
				channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
				this.channelCustomized.complete(true);
			};
		}

	}

}
