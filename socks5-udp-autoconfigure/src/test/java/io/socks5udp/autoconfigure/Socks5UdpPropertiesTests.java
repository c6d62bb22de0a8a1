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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5UdpProperties}: the metadata the configuration processor
 * generates documents every property.
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

	private Map<String, Map<String, Object>> properties() throws IOException {
		for (URL url : Collections
			.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			String json;
			try (InputStream stream = url.openStream()) {
				json = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			}
			List<Map<String, Object>> properties = JsonPath.read(json, "$.properties");
			if (properties.stream().anyMatch((property) -> "socks5.udp.enabled".equals(property.get("name")))) {
				return properties.stream()
					.collect(Collectors.toMap((property) -> (String) property.get("name"), (property) -> property));
			}
		}
		throw new AssertionError("No spring-configuration-metadata.json with socks5.udp properties");
	}

}
