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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.registry.Socks5ConfigParser;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.core.registry.Socks5ServerResolver;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.relay.MalformedDatagram;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.ErrorMessage;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that datagrams a {@link Socks5UdpInboundChannelAdapter}'s template drops reach
 * the adapter's error channel, naming the reason: hostile datagrams come from the
 * embedded relay's fault injection, through a real association.
 *
 * @author socks5-udp authors
 */
@SpringJUnitConfig
class Socks5UdpInboundChannelAdapterDropTests {

	private static final long RECEIVE_TIMEOUT = 10_000;

	@Autowired
	private BeanFactory beanFactory;

	private EmbeddedSocks5Relay relay;

	private UdpEchoServer echo;

	private Socks5UdpTemplate template;

	@BeforeEach
	void start() throws IOException {
		this.relay = EmbeddedSocks5Relay.builder().build().start();
		this.echo = UdpEchoServer.startIpv4();
		Socks5ServerRegistry registry = Socks5ServerRegistry.builder()
			.rules("test", List.of(Socks5ConfigParser.withLogicalNames().parseRule("test", 1, "0.0.0.0/0", "relay")))
			.resolver(Socks5ServerResolver
				.of(Map.of("relay", Socks5ServerEndpoint.of("relay", "127.0.0.1", this.relay.port()))))
			.build();
		this.template = Socks5UdpTemplate.builder(registry)
			.server("relay",
					Socks5AssociationOptions.builder(this.relay.host(), this.relay.port()).name("relay").build())
			.build();
		this.template.start();
	}

	@AfterEach
	void stop() {
		this.template.stop();
		this.relay.close();
		this.echo.close();
	}

	@Test
	void hostileDatagramsFromTheRelayLandOnTheErrorChannelWithTheirReason() throws IOException {
		QueueChannel output = new QueueChannel();
		QueueChannel errors = new QueueChannel();
		Socks5UdpInboundChannelAdapter adapter = new Socks5UdpInboundChannelAdapter(this.template);
		adapter.setOutputChannel(output);
		adapter.setErrorChannel(errors);
		adapter.setBeanFactory(this.beanFactory);
		adapter.afterPropertiesSet();
		adapter.start();
		try {
			// One good round trip first: the relay learns where the client receives
			this.template.send(this.echo.address(), "hello".getBytes(StandardCharsets.US_ASCII));
			assertThat(output.receive(RECEIVE_TIMEOUT)).isNotNull();
			this.relay.sendMalformed(MalformedDatagram.FRAGMENTED, 1);
			this.relay.sendMalformed(MalformedDatagram.SHORT, 1);
			assertThat(reason(errors.receive(RECEIVE_TIMEOUT))).isEqualTo(Socks5DropReason.FRAGMENT);
			assertThat(reason(errors.receive(RECEIVE_TIMEOUT))).isEqualTo(Socks5DropReason.MALFORMED);
			this.template.send(this.echo.address(), "still here".getBytes(StandardCharsets.US_ASCII));
			Message<?> after = output.receive(RECEIVE_TIMEOUT);
			assertThat(after).isNotNull();
			assertThat((byte[]) after.getPayload()).asString(StandardCharsets.US_ASCII).isEqualTo("still here");
		}
		finally {
			adapter.stop();
		}
	}

	private static Socks5DropReason reason(Message<?> error) {
		assertThat(error).isInstanceOf(ErrorMessage.class);
		assertThat(error.getPayload()).isInstanceOf(Socks5UdpDatagramDroppedException.class);
		Socks5UdpDatagramDroppedException drop = (Socks5UdpDatagramDroppedException) error.getPayload();
		assertThat(drop.getServerName()).isEqualTo("relay");
		return drop.getReason();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class Config {

	}

}
