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
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import io.socks5udp.template.Socks5UdpTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5UdpProperties}: the metadata the configuration processor
 * generates documents every property, and its hints name values that work.
 *
 * @author socks5-udp authors
 */
class Socks5UdpPropertiesTests {

	@Test
	void metadataDescribesEveryProperty() throws IOException {
		Map<String, Map<String, Object>> properties = properties();
		assertThat(properties).containsKeys("socks5.udp.enabled", "socks5.udp.servers", "socks5.udp.rules",
				"socks5.udp.config-file", "socks5.udp.use-socks5c-config", "socks5.udp.associate-on-startup",
				"socks5.udp.fail-fast", "socks5.udp.reconnect.initial-delay", "socks5.udp.reconnect.max-delay",
				"socks5.udp.reconnect.multiplier", "socks5.udp.reconnect.jitter", "socks5.udp.reconnect.stable-after",
				"socks5.udp.outage.send-policy", "socks5.udp.outage.max-wait", "management.health.socks5udp.enabled");
		assertThat(properties.values()).allSatisfy((property) -> assertThat((String) property.get("description"))
			.as("description of " + property.get("name"))
			.isNotBlank()
			.doesNotStartWith("The ")
			.doesNotStartWith("A "));
	}

	@Test
	void metadataCarriesTheDefaults() throws IOException {
		Map<String, Map<String, Object>> properties = properties();
		assertThat(properties.get("socks5.udp.enabled")).containsEntry("defaultValue", true);
		assertThat(properties.get("socks5.udp.fail-fast")).containsEntry("defaultValue", false);
		assertThat(properties.get("socks5.udp.reconnect.initial-delay")).containsEntry("defaultValue", "100ms");
		assertThat(properties.get("socks5.udp.reconnect.max-delay")).containsEntry("defaultValue", "30s");
		assertThat(properties.get("socks5.udp.reconnect.multiplier")).containsEntry("defaultValue", 2);
		assertThat(properties.get("socks5.udp.reconnect.jitter")).containsEntry("defaultValue", 0.2);
		assertThat(properties.get("socks5.udp.reconnect.stable-after")).containsEntry("defaultValue", "5s");
		assertThat(properties.get("socks5.udp.idle-timeout")).containsEntry("defaultValue", "5m");
		assertThat(properties.get("socks5.udp.resolve-names-locally")).containsEntry("defaultValue", true);
		assertThat(properties.get("socks5.udp.associate-on-startup")).containsEntry("defaultValue", false)
			.containsKey("deprecation");
		assertThat(properties.get("socks5.udp.outage.send-policy")).containsEntry("defaultValue", "fail");
		assertThat(properties.get("socks5.udp.outage.max-wait")).containsEntry("defaultValue", "1s");
	}

	@Test
	void serverAndRuleEntriesHaveTheDocumentedFieldNames() {
		Socks5UdpProperties.Server server = new Socks5UdpProperties.Server();
		assertThat(server.getPort()).isEqualTo(1080);
		assertThat(server.getConnectTimeout()).hasSeconds(5);
		assertThat(server.getHandshakeTimeout()).hasSeconds(5);
		assertThat(server.getRelayAddress()).isEqualTo("replace-unspecified");
		assertThat(server.getAssociateAddress()).hasToString("LOCAL");
		assertThat(server.isConnectedChannel()).isTrue();
	}

	@Test
	void metadataHintsTheValuesOfEveryEnumLikeProperty() throws IOException {
		Map<String, Map<String, Object>> hints = hints();
		assertThat(values(hints, "socks5.udp.servers.*.relay-address")).contains("replace-unspecified", "always-server",
				"trust-reply");
		assertThat(values(hints, "socks5.udp.servers.*.associate-address")).containsExactly("local", "zeros");
		assertThat(values(hints, "socks5.udp.outage.send-policy")).containsExactly("fail", "wait");
		assertThat(values(hints, "socks5.udp.rules[*].server")).containsExactly("NONE");
		// Open lists: a host:port, a server's name, any destination
		assertThat(providers(hints, "socks5.udp.servers.*.relay-address")).containsExactly("any");
		assertThat(providers(hints, "socks5.udp.rules[*].server")).containsExactly("any");
		assertThat(providers(hints, "socks5.udp.rules[*].destination")).containsExactly("any");
		assertThat(providers(hints, "socks5.udp.config-file")).containsExactly("handle-as");
		assertThat(hints.values()).filteredOn((hint) -> hint.containsKey("values"))
			.allSatisfy((hint) -> assertThat(JsonPath.<List<String>>read(hint, "$.values[*].description"))
				.as("descriptions of the values of " + hint.get("name"))
				.allSatisfy((description) -> assertThat(description).isNotBlank()));
	}

	@Test
	void everyHintedValueStartsTheTemplate() throws IOException {
		Map<String, Map<String, Object>> hints = hints();
		ApplicationContextRunner contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(Socks5UdpAutoConfiguration.class))
			.withPropertyValues("socks5.udp.associate-on-startup=false", "socks5.udp.use-socks5c-config=false",
					"socks5.udp.servers.corp.host=127.0.0.1", "socks5.udp.rules[0].destination=0.0.0.0/0",
					"socks5.udp.rules[0].server=corp");
		List<String> tried = new ArrayList<>();
		hints.forEach((name, hint) -> {
			String property = name.replace("[*]", "[0]").replace("*", "corp");
			for (String value : values(hints, name)) {
				contextRunner.withPropertyValues(property + "=" + value)
					.run((context) -> assertThat(context).as(property + "=" + value)
						.hasNotFailed()
						.hasSingleBean(Socks5UdpTemplate.class));
				tried.add(property + "=" + value);
			}
		});
		assertThat(tried).hasSizeGreaterThanOrEqualTo(11);
	}

	private static List<String> values(Map<String, Map<String, Object>> hints, String name) {
		assertThat(hints).containsKey(name);
		return hints.get(name).containsKey("values") ? JsonPath.read(hints.get(name), "$.values[*].value") : List.of();
	}

	private static List<String> providers(Map<String, Map<String, Object>> hints, String name) {
		assertThat(hints).containsKey(name);
		return JsonPath.read(hints.get(name), "$.providers[*].name");
	}

	private Map<String, Map<String, Object>> properties() throws IOException {
		return byName(metadata(), "$.properties");
	}

	private Map<String, Map<String, Object>> hints() throws IOException {
		return byName(metadata(), "$.hints");
	}

	private static Map<String, Map<String, Object>> byName(String json, String path) {
		List<Map<String, Object>> items = JsonPath.read(json, path);
		return items.stream().collect(Collectors.toMap((item) -> (String) item.get("name"), (item) -> item));
	}

	private String metadata() throws IOException {
		for (URL url : Collections
			.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			String json;
			try (InputStream stream = url.openStream()) {
				json = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			}
			List<Map<String, Object>> properties = JsonPath.read(json, "$.properties");
			if (properties.stream().anyMatch((property) -> "socks5.udp.enabled".equals(property.get("name")))) {
				return json;
			}
		}
		throw new AssertionError("No spring-configuration-metadata.json with socks5.udp properties");
	}

}
