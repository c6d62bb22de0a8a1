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

import io.socks5udp.template.Socks5UdpTemplate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The README's Spring Integration flows, as written there, in a configuration class.
 *
 * @author socks5-udp authors
 */
@Configuration(proxyBeanMethods = false)
class ReadmeFlowConfiguration {

	@Bean
	IntegrationFlow pingFlow(Socks5UdpTemplate template) {
		return IntegrationFlow.from("pings")
			// was .handle(Udp.outboundAdapter("127.0.0.1", 7))
			.handle(Socks5Udp.outboundAdapter(template, "127.0.0.1", 7))
			.get();
	}

	@Bean
	IntegrationFlow echoFlow(Socks5UdpTemplate template) {
		return IntegrationFlow.from(Socks5Udp.inboundAdapter(template))
			// messages with IpHeaders and Socks5UdpHeaders
			.channel("echoes")
			.get();
	}

}
