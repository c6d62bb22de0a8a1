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

package io.socks5udp.integration;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.template.Socks5UdpRoute;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.GenericMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the README: its Java snippets stand, as written, in the test sources named by
 * their {@code <!-- snippet: Name -->} markers, so that they compile; the flows start,
 * the "Without Spring Boot" configuration sends through the embedded relay, and a Boot
 * application processes flows only with Boot's Spring Integration auto-configuration, as
 * the README says.
 *
 * @author socks5-udp authors
 */
class ReadmeSnippetsTests {

	private static final Path README = Path.of("..", "README.md");

	private static final Path SOURCES = Path.of("src", "test", "java", "io", "socks5udp", "integration");

	private static final Pattern JAVA_BLOCK = Pattern.compile("(?:<!-- snippet: (\\w+) -->\\n)?^```java\\n(.*?)\\n```$",
			Pattern.DOTALL | Pattern.MULTILINE);

	private static final long RECEIVE_TIMEOUT_SECONDS = 10;

	@Test
	void everySpringSnippetStandsInTheTestSourceItNames() throws IOException {
		Matcher blocks = JAVA_BLOCK.matcher(Files.readString(README));
		List<String> names = new ArrayList<>();
		while (blocks.find()) {
			String name = blocks.group(1);
			String snippet = blocks.group(2);
			if (name == null) {
				assertThat(snippet).as("a Spring snippet of the README without a snippet marker")
					.doesNotContain("IntegrationFlow", "Socks5Udp.", "Socks5UdpTemplate", "Socks5UdpOperations");
				continue;
			}
			names.add(name);
			String source = Files.readString(SOURCES.resolve(name + ".java"));
			assertThat(withoutIndentation(source)).as("%s.java holds the README's snippet", name)
				.contains(withoutIndentation(snippet));
		}
		assertThat(names).containsExactlyInAnyOrder("DnsOverProxy", "ReadmeFlowConfiguration",
				"ReadmeGatewayConfiguration", "ProxiedUdpConfiguration");
	}

	@Test
	void flowsOfTheReadmeStartWithTheirChannels() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
				IntegrationWithTemplate.class, ReadmeFlowConfiguration.class, ReadmeGatewayConfiguration.class,
				DnsOverProxy.class)) {
			assertThat(context.getBeansOfType(MessageChannel.class)).containsKeys("pings", "echoes", "dnsQueries",
					"dnsAnswers");
		}
	}

	@Test
	void withoutSpringBootPingsGoThroughTheServerOfTheRules(@TempDir Path directory) throws Exception {
		try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().build().start();
				UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			String server = "127.0.0.1:" + relay.port();
			Path rules = Files.writeString(directory.resolve("socks5c.conf"), "127.0.0.1/32 " + server + "\n");
			try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
				context.getEnvironment()
					.getPropertySources()
					.addFirst(new MapPropertySource("test", Map.of("socks5c.conf", rules.toString(), "pings.host",
							echo.host(), "pings.port", String.valueOf(echo.port()))));
				context.register(ProxiedUdpConfiguration.class);
				context.refresh();
				BlockingQueue<Echo> echoes = new LinkedBlockingQueue<>();
				context.getBean(Socks5UdpTemplate.class)
					.addListener((source, payload, route) -> echoes.add(new Echo(source, text(payload), route)));
				context.getBean("pings", MessageChannel.class)
					.send(new GenericMessage<>("ping".getBytes(StandardCharsets.US_ASCII)));
				Echo back = echoes.poll(RECEIVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
				assertThat(back).isNotNull();
				assertThat(back.text()).isEqualTo("ping");
				assertThat(back.source()).isEqualTo(Socks5Address.of(echo.address()));
				assertThat(back.route().serverName()).isEqualTo(server);
				assertThat(relay.counters().datagramsToDestinations()).isOne();
			}
		}
	}

	@Test
	void springBootProcessesFlowsOnlyWithItsIntegrationAutoConfiguration() {
		ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Template.class,
				ReadmeFlowConfiguration.class);
		runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("pings"));
		runner.withConfiguration(AutoConfigurations.of(IntegrationAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().hasBean("pings").hasBean("echoes"));
	}

	private static String withoutIndentation(String text) {
		return text.lines().map(String::stripLeading).collect(Collectors.joining("\n"));
	}

	private static String text(ByteBuffer payload) {
		return StandardCharsets.US_ASCII.decode(payload).toString();
	}

	private record Echo(Socks5Address source, String text, Socks5UdpRoute route) {

	}

	@Configuration(proxyBeanMethods = false)
	static class Template {

		@Bean
		Socks5UdpTemplate template() {
			return Socks5UdpTemplate.builder(Socks5ServerRegistry.direct()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class IntegrationWithTemplate extends Template {

	}

}
