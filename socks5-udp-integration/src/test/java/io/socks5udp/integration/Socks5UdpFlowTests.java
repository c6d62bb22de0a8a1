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

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.template.Socks5UdpTraffic;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.MessageHandlerSpec;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.integration.dsl.context.IntegrationFlowContext.IntegrationFlowRegistration;
import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.ip.dsl.Udp;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A flow written for plain UDP with the ip module's {@code Udp.outboundAdapter} keeps
 * working, unchanged but for its endpoint, with {@link Socks5Udp#outboundAdapter}: its
 * datagrams then go through Dante, and their echoes come back to the inbound adapter.
 *
 * @author socks5-udp authors
 */
@SpringJUnitConfig
class Socks5UdpFlowTests {

	private static final long RECEIVE_TIMEOUT = 10_000;

	@Autowired
	private IntegrationFlowContext flowContext;

	@Autowired
	private Socks5UdpTemplate template;

	@Autowired
	@Qualifier("echo")
	private UdpEchoServer echo;

	@Autowired
	private QueueChannel received;

	@BeforeAll
	static void requireDante() {
		TestEnvironment.requireDanted();
	}

	@BeforeEach
	void forgetEarlierMessages() {
		this.received.clear();
	}

	@Test
	void fixedDestinationFlowSwitchesFromUdpToSocks5() {
		assertFlowSwitches(Udp.outboundAdapter(this.echo.host(), this.echo.port()),
				Socks5Udp.outboundAdapter(this.template, this.echo.host(), this.echo.port()));
	}

	@Test
	void destinationExpressionFlowSwitchesFromUdpToSocks5() {
		assertFlowSwitches(Udp.outboundAdapter("headers['target']"),
				Socks5Udp.outboundAdapter(this.template, "headers['target']"));
	}

	@Test
	void destinationFunctionFlowSwitchesFromUdpToSocks5() {
		assertFlowSwitches(Udp.outboundAdapter((message) -> message.getHeaders().get("target")),
				Socks5Udp.outboundAdapter(this.template, (message) -> message.getHeaders().get("target")));
	}

	private void assertFlowSwitches(MessageHandlerSpec<?, ? extends MessageHandler> udp,
			MessageHandlerSpec<?, ? extends MessageHandler> socks5) {
		Socks5UdpTraffic throughDante = this.template.associations().get(DanteFlowConfiguration.SERVER).traffic();
		long relayedBefore = throughDante.datagramsSent();
		long echoedBefore = this.echo.datagramCount();
		send(register(udp), "plain");
		await().atMost(Duration.ofMillis(RECEIVE_TIMEOUT)).until(() -> this.echo.datagramCount() > echoedBefore);
		assertThat(this.echo.lastPayload()).asString(StandardCharsets.UTF_8).isEqualTo("PLAIN");
		assertThat(throughDante.datagramsSent()).isEqualTo(relayedBefore);
		send(register(socks5), "relayed");
		Message<?> echoed = this.received.receive(RECEIVE_TIMEOUT);
		assertThat(echoed).isNotNull();
		assertThat((byte[]) echoed.getPayload()).asString(StandardCharsets.UTF_8).isEqualTo("RELAYED");
		assertThat(echoed.getHeaders()).containsEntry(IpHeaders.PORT, this.echo.port())
			.containsEntry(Socks5UdpHeaders.SERVER_NAME, DanteFlowConfiguration.SERVER);
		assertThat(this.echo.lastPayload()).asString(StandardCharsets.UTF_8).isEqualTo("RELAYED");
		assertThat(throughDante.datagramsSent()).isEqualTo(relayedBefore + 1);
	}

	private IntegrationFlowRegistration register(MessageHandlerSpec<?, ? extends MessageHandler> endpoint) {
		return this.flowContext.registration(uppercaseAndSend(endpoint)).register();
	}

	/**
	 * The flow under test: written once, used with either endpoint.
	 */
	private static <H extends MessageHandler> IntegrationFlow uppercaseAndSend(MessageHandlerSpec<?, H> endpoint) {
		return (flow) -> flow.transform(String.class, String::toUpperCase).handle(endpoint);
	}

	private void send(IntegrationFlowRegistration registration, String payload) {
		try {
			registration.getInputChannel()
				.send(MessageBuilder.withPayload(payload)
					.setHeader("target", "udp://" + this.echo.host() + ":" + this.echo.port())
					.build());
		}
		finally {
			registration.destroy();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@Import(DanteFlowConfiguration.class)
	static class Config {

	}

}
