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

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.ip.IpHeaders;
import org.springframework.messaging.Message;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5UdpInboundChannelAdapter}: datagrams that come back from an echo
 * target through a local Dante, or directly, become messages with the source headers.
 *
 * @author socks5-udp authors
 */
@SpringJUnitConfig
class Socks5UdpInboundChannelAdapterTests {

	private static final long RECEIVE_TIMEOUT = 10_000;

	@Autowired
	private Socks5UdpTemplate template;

	@Autowired
	@Qualifier("echo")
	private UdpEchoServer echo;

	@Autowired
	@Qualifier("echoIpv6")
	private UdpEchoServer echoIpv6;

	@Autowired
	private QueueChannel received;

	@Autowired
	private Socks5UdpInboundChannelAdapter inbound;

	@Autowired
	private ListeningEvents listeningEvents;

	@Autowired
	private BeanFactory beanFactory;

	@BeforeAll
	static void requireDante() {
		TestEnvironment.requireDanted();
	}

	@BeforeEach
	void forgetEarlierMessages() {
		this.received.clear();
	}

	@Test
	void publishesListeningEventOnceRegistered() throws InterruptedException {
		assertThat(this.listeningEvents.latch.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
		Socks5UdpInboundChannelAdapterListeningEvent event = this.listeningEvents.event.get();
		assertThat(event.getSource()).isSameAs(this.inbound);
		assertThat(event.getServerNames()).isEmpty();
		assertThat(this.inbound.isListening()).isTrue();
	}

	@Test
	void relayedDatagramBecomesAMessageWithEveryHeader() {
		this.template.send(this.echo.address(), "ping".getBytes(StandardCharsets.US_ASCII));
		Message<?> message = this.received.receive(RECEIVE_TIMEOUT);
		assertThat(message).isNotNull();
		assertThat((byte[]) message.getPayload()).asString(StandardCharsets.US_ASCII).isEqualTo("ping");
		InetSocketAddress relay = this.template.associations()
			.get(DanteFlowConfiguration.SERVER)
			.route()
			.relayAddress();
		assertThat(relay.getAddress().isLoopbackAddress()).isTrue();
		assertThat(message.getHeaders()).containsEntry(IpHeaders.HOSTNAME, "127.0.0.1")
			.containsEntry(IpHeaders.IP_ADDRESS, "127.0.0.1")
			.containsEntry(IpHeaders.PORT, this.echo.port())
			.containsEntry(IpHeaders.PACKET_ADDRESS, this.echo.address())
			.containsEntry(Socks5UdpHeaders.SOURCE, Socks5Address.of(this.echo.address()))
			.containsEntry(Socks5UdpHeaders.SERVER_NAME, DanteFlowConfiguration.SERVER)
			.containsEntry(Socks5UdpHeaders.RELAY_ADDRESS, relay)
			.containsEntry(Socks5UdpHeaders.ADDRESS_TYPE, "IPV4");
	}

	@Test
	void directDatagramBecomesAMessageOfTheDirectRoute() {
		this.template.send(this.echoIpv6.address(), "direct".getBytes(StandardCharsets.US_ASCII));
		Message<?> message = this.received.receive(RECEIVE_TIMEOUT);
		assertThat(message).isNotNull();
		assertThat((byte[]) message.getPayload()).asString(StandardCharsets.US_ASCII).isEqualTo("direct");
		// As the ip module's adapters spell it: InetAddress.getHostAddress().
		assertThat(message.getHeaders()).containsEntry(IpHeaders.IP_ADDRESS, "0:0:0:0:0:0:0:1")
			.containsEntry(IpHeaders.PORT, this.echoIpv6.port())
			.containsEntry(Socks5UdpHeaders.SERVER_NAME, "DIRECT")
			.containsEntry(Socks5UdpHeaders.ADDRESS_TYPE, "IPV6")
			.doesNotContainKey(Socks5UdpHeaders.RELAY_ADDRESS);
	}

	@Test
	void serverNamesLimitWhatAnAdapterReceives() {
		QueueChannel relayedOnly = new QueueChannel();
		QueueChannel directOnly = new QueueChannel();
		QueueChannel everything = new QueueChannel();
		Socks5UdpInboundChannelAdapter relayedAdapter = adapter(relayedOnly, DanteFlowConfiguration.SERVER);
		Socks5UdpInboundChannelAdapter directAdapter = adapter(directOnly, "DIRECT");
		// Started last, so the template offers it each datagram after the other two.
		Socks5UdpInboundChannelAdapter lastAdapter = adapter(everything);
		try {
			this.template.send(this.echo.address(), "relayed".getBytes(StandardCharsets.US_ASCII));
			this.template.send(this.echoIpv6.address(), "direct".getBytes(StandardCharsets.US_ASCII));
			assertThat(everything.receive(RECEIVE_TIMEOUT)).isNotNull();
			assertThat(everything.receive(RECEIVE_TIMEOUT)).isNotNull();
			Message<?> relayed = relayedOnly.receive(0);
			assertThat(relayed).isNotNull();
			assertThat(relayed.getHeaders()).containsEntry(Socks5UdpHeaders.SERVER_NAME, DanteFlowConfiguration.SERVER);
			assertThat(relayedOnly.getQueueSize()).isZero();
			Message<?> direct = directOnly.receive(0);
			assertThat(direct).isNotNull();
			assertThat(direct.getHeaders()).containsEntry(Socks5UdpHeaders.SERVER_NAME, "DIRECT");
			assertThat(directOnly.getQueueSize()).isZero();
		}
		finally {
			relayedAdapter.stop();
			directAdapter.stop();
			lastAdapter.stop();
		}
		assertThat(lastAdapter.isListening()).isFalse();
	}

	private Socks5UdpInboundChannelAdapter adapter(QueueChannel output, String... serverNames) {
		Socks5UdpInboundChannelAdapter adapter = new Socks5UdpInboundChannelAdapter(this.template);
		adapter.setServerNames(serverNames);
		adapter.setOutputChannel(output);
		adapter.setBeanFactory(this.beanFactory);
		adapter.afterPropertiesSet();
		adapter.start();
		return adapter;
	}

	@Configuration(proxyBeanMethods = false)
	@Import(DanteFlowConfiguration.class)
	static class Config {

		@Bean
		ListeningEvents listeningEvents() {
			return new ListeningEvents();
		}

	}

	static class ListeningEvents implements ApplicationListener<Socks5UdpInboundChannelAdapterListeningEvent> {

		private final CountDownLatch latch = new CountDownLatch(1);

		private final AtomicReference<Socks5UdpInboundChannelAdapterListeningEvent> event = new AtomicReference<>();

		@Override
		public void onApplicationEvent(Socks5UdpInboundChannelAdapterListeningEvent event) {
			this.event.compareAndSet(null, event);
			this.latch.countDown();
		}

	}

}
