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
import java.nio.file.Path;

import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.template.Socks5UdpOperations;
import io.socks5udp.template.Socks5UdpTemplate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The README's "Without Spring Boot" configuration, as written there.
 *
 * @author socks5-udp authors
 */
@Configuration
@EnableIntegration
class ProxiedUdpConfiguration {

	@Bean
	Socks5UdpTemplate socks5UdpTemplate(@Value("${socks5c.conf}") Path rules) throws IOException {
		// socks5c.conf records: "10.0.0.0/8 NONE", "0.0.0.0/0 proxy.example.com:1080"
		Socks5ServerRegistry registry = Socks5ServerRegistry.builder().file(rules).build();
		return Socks5UdpTemplate.builder(registry).build();
	}

	@Bean
	IntegrationFlow outboundPings(Socks5UdpOperations template, @Value("${pings.host}") String host,
			@Value("${pings.port}") int port) {
		return IntegrationFlow.from("pings").handle(Socks5Udp.outboundAdapter(template, host, port)).get();
	}

}
