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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5NoServerException;
import io.socks5udp.core.registry.Socks5Destination;
import io.socks5udp.core.registry.Socks5ServerSelection;
import io.socks5udp.core.registry.Socks5Rule;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.core.registry.Socks5ServerResolver;
import io.socks5udp.core.registry.Socks5ServerSpec;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AbstractSocks5UdpOutboundHandler}: the outbound channel adapter and
 * the outbound gateway consult the registry once per message, whether or not they require
 * a server, against the embedded relay and an echo target on loopback.
 *
 * @author socks5-udp authors
 */
@SpringJUnitConfig
class AbstractSocks5UdpOutboundHandlerTests {

	private static final String SERVER = "relay";

	private static final long RECEIVE_TIMEOUT = 10_000;

	@Autowired
	private BeanFactory beanFactory;

	private final QueueChannel replies = new QueueChannel();

	private final BlockingQueue<Socks5Address> echoed = new LinkedBlockingQueue<>();

	private EmbeddedSocks5Relay relay;

	private UdpEchoServer echo;

	private UdpEchoServer directEcho;

	private CountingRegistry registry;

	private Socks5UdpTemplate template;

	@BeforeEach
	void start() throws IOException {
		this.relay = EmbeddedSocks5Relay.builder().build().start();
		this.echo = UdpEchoServer.startIpv4();
		this.directEcho = UdpEchoServer.startIpv6();
		Socks5ServerRegistry rules = Socks5ServerRegistry.builder()
			.rules("test",
					List.of(Socks5Rule.of(Socks5Destination.parse("127.0.0.1/32"), Socks5ServerSpec.named(SERVER))))
			.resolver(Socks5ServerResolver
				.of(Map.of(SERVER, Socks5ServerEndpoint.of(SERVER, this.relay.host(), this.relay.port()))))
			.build();
		this.registry = new CountingRegistry(rules);
		this.template = Socks5UdpTemplate.builder(this.registry)
			.server(SERVER, Socks5AssociationOptions.builder(this.relay.host(), this.relay.port()).name(SERVER).build())
			.build();
		this.template.addListener((source, payload, route) -> this.echoed.add(source));
		this.template.start();
	}

	@AfterEach
	void stop() {
		this.template.stop();
		this.relay.close();
		this.echo.close();
		this.directEcho.close();
	}

	@ParameterizedTest(name = "requireServer={0}")
	@ValueSource(booleans = { false, true })
	void adapterLooksUpEachDestinationOnce(boolean requireServer) throws InterruptedException {
		Socks5UdpOutboundChannelAdapter adapter = Socks5Udp.outboundAdapter(this.template, "headers['destination']")
			.requireServer(requireServer)
			.getObject();
		initialize(adapter);
		adapter.start();
		for (int i = 1; i <= 3; i++) {
			adapter.handleMessage(request("datagram " + i, this.echo.address()));
			assertThat(this.registry.lookups()).isEqualTo(i);
		}
		awaitEchoes(this.echo, 3);
	}

	@ParameterizedTest(name = "requireServer={0}")
	@ValueSource(booleans = { false, true })
	void gatewayLooksUpEachDestinationOnceAndNamesTheRelayOfTheReply(boolean requireServer) {
		Socks5UdpOutboundGateway gateway = Socks5Udp.outboundGateway(this.template, "headers['destination']")
			.requireServer(requireServer)
			.replyTimeout(Duration.ofMillis(RECEIVE_TIMEOUT))
			.getObject();
		gateway.setOutputChannel(this.replies);
		initialize(gateway);
		for (int i = 1; i <= 3; i++) {
			gateway.handleMessage(request("request " + i, this.echo.address()));
			assertThat(this.registry.lookups()).isEqualTo(i);
			Message<?> reply = this.replies.receive(0);
			assertThat(reply).isNotNull();
			assertThat((byte[]) reply.getPayload()).asString(StandardCharsets.UTF_8).isEqualTo("request " + i);
			assertThat(reply.getHeaders()).containsEntry(Socks5UdpHeaders.SERVER_NAME, SERVER)
				.containsEntry(Socks5UdpHeaders.RELAY_ADDRESS, this.relay.lastBoundAddress());
		}
	}

	@Test
	void adapterThatRequiresAServerRefusesADirectDestinationAfterOneLookup() {
		Socks5UdpOutboundChannelAdapter adapter = Socks5Udp.outboundAdapter(this.template, "headers['destination']")
			.requireServer(true)
			.getObject();
		initialize(adapter);
		adapter.start();
		assertThatExceptionOfType(MessageHandlingException.class)
			.isThrownBy(() -> adapter.handleMessage(request("direct?", this.directEcho.address())))
			.withRootCauseInstanceOf(Socks5NoServerException.class);
		assertThat(this.registry.lookups()).isOne();
		assertThat(this.directEcho.datagramCount()).isZero();
	}

	@Test
	void gatewayThatRequiresAServerRefusesADirectDestinationAfterOneLookup() {
		Socks5UdpOutboundGateway gateway = Socks5Udp.outboundGateway(this.template, "headers['destination']")
			.requireServer(true)
			.getObject();
		gateway.setOutputChannel(this.replies);
		initialize(gateway);
		assertThatExceptionOfType(MessageHandlingException.class)
			.isThrownBy(() -> gateway.handleMessage(request("direct?", this.directEcho.address())))
			.withRootCauseInstanceOf(Socks5NoServerException.class);
		assertThat(this.registry.lookups()).isOne();
		assertThat(this.directEcho.datagramCount()).isZero();
	}

	@Test
	void adapterSendsDirectlyWhereTheRulesSaySoWithOneLookup() throws InterruptedException {
		Socks5UdpOutboundChannelAdapter adapter = Socks5Udp.outboundAdapter(this.template, "headers['destination']")
			.getObject();
		initialize(adapter);
		adapter.start();
		adapter.handleMessage(request("direct", this.directEcho.address()));
		assertThat(this.registry.lookups()).isOne();
		awaitEchoes(this.directEcho, 1);
	}

	private void initialize(AbstractSocks5UdpOutboundHandler handler) {
		handler.setBeanFactory(this.beanFactory);
		handler.afterPropertiesSet();
	}

	private static Message<String> request(String payload, InetSocketAddress destination) {
		return new GenericMessage<>(payload, Map.of("destination", Socks5Address.of(destination)));
	}

	private void awaitEchoes(UdpEchoServer echo, int count) throws InterruptedException {
		for (int i = 0; i < count; i++) {
			Socks5Address source = this.echoed.poll(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS);
			assertThat(source).as("echo %d", i + 1).isEqualTo(Socks5Address.of(echo.address()));
		}
	}

	/**
	 * A registry that counts its lookups, whichever form they take.
	 */
	private static final class CountingRegistry implements Socks5ServerRegistry {

		private final Socks5ServerRegistry delegate;

		private final AtomicInteger lookups = new AtomicInteger();

		CountingRegistry(Socks5ServerRegistry delegate) {
			this.delegate = delegate;
		}

		int lookups() {
			return this.lookups.get();
		}

		@Override
		public Socks5ServerSelection lookup(Socks5Address destination) {
			this.lookups.incrementAndGet();
			return this.delegate.lookup(destination);
		}

		@Override
		public Socks5ServerSelection lookup(InetSocketAddress destination) {
			this.lookups.incrementAndGet();
			return this.delegate.lookup(destination);
		}

		@Override
		public Socks5ServerSelection lookup(InetAddress destination) {
			this.lookups.incrementAndGet();
			return this.delegate.lookup(destination);
		}

		@Override
		public Socks5ServerSelection lookup(String host) {
			this.lookups.incrementAndGet();
			return this.delegate.lookup(host);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class Config {

	}

}
