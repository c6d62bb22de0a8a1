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
import java.util.List;
import java.util.Map;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5AssociationOptionsBuilder;
import io.socks5udp.core.protocol.Socks5Credentials;
import io.socks5udp.core.registry.Socks5Destination;
import io.socks5udp.core.registry.Socks5Rule;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.core.registry.Socks5ServerResolver;
import io.socks5udp.core.registry.Socks5ServerSpec;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.support.UdpEchoServer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * What the flow tests share: a local Dante, an IPv4 and an IPv6 echo target, a template
 * that sends {@code 127.0.0.1} through Dante (server {@value #SERVER}) and everything
 * else directly, and an inbound adapter whose messages land in {@code received} and whose
 * errors land in {@code errors}. The Dante and the template are primary beans, so that
 * tests may add others.
 *
 * @author socks5-udp authors
 */
@Configuration(proxyBeanMethods = false)
@EnableIntegration
class DanteFlowConfiguration {

	static final String SERVER = "dante";

	@Bean(destroyMethod = "close")
	@Primary
	LocalDante dante() throws IOException {
		return LocalDante.start();
	}

	@Bean(destroyMethod = "close")
	UdpEchoServer echo() {
		return UdpEchoServer.startIpv4();
	}

	@Bean(destroyMethod = "close")
	UdpEchoServer echoIpv6() {
		return UdpEchoServer.startIpv6();
	}

	@Bean
	@Primary
	Socks5UdpTemplate template(LocalDante dante) throws IOException {
		return templateVia(SERVER, dante, null);
	}

	@Bean
	QueueChannel received() {
		return new QueueChannel();
	}

	@Bean
	QueueChannel errors() {
		return new QueueChannel();
	}

	@Bean
	IntegrationFlow inboundFlow(Socks5UdpTemplate template, QueueChannel received, QueueChannel errors) {
		return IntegrationFlow.from(Socks5Udp.inboundAdapter(template).id("inbound").errorChannel(errors))
			.channel(received)
			.get();
	}

	/**
	 * Return a template that sends datagrams for {@code 127.0.0.1} through a Dante and
	 * the others directly.
	 * @param name the logical name of the server
	 * @param dante the Dante
	 * @param credentials the credentials to present, or {@code null} for none
	 * @return the template, not started
	 * @throws IOException never, the registry reads no file
	 */
	static Socks5UdpTemplate templateVia(String name, LocalDante dante, Socks5Credentials credentials)
			throws IOException {
		Socks5ServerRegistry registry = Socks5ServerRegistry.builder()
			.rules("test",
					List.of(Socks5Rule.of(Socks5Destination.parse("127.0.0.1/32"), Socks5ServerSpec.named(name))))
			.resolver(Socks5ServerResolver.of(Map.of(name, Socks5ServerEndpoint.of(name, dante.host(), dante.port()))))
			.build();
		Socks5AssociationOptionsBuilder options = Socks5AssociationOptions.builder(dante.host(), dante.port())
			.name(name);
		if (credentials != null) {
			options.credentials(credentials);
		}
		return Socks5UdpTemplate.builder(registry).server(name, options.build()).build();
	}

}
