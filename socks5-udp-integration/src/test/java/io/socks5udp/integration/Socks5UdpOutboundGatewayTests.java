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
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.template.Socks5UdpOperations;
import io.socks5udp.template.Socks5UdpReplyTimeoutException;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.MessageTimeoutException;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.MessageChannels;
import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5UdpOutboundGateway}: request/reply through a local Dante to an
 * echo target, and a destination that never answers.
 *
 * @author socks5-udp authors
 */
@SpringJUnitConfig
class Socks5UdpOutboundGatewayTests {

	private static final long RECEIVE_TIMEOUT = 10_000;

	@Autowired
	private Socks5UdpTemplate template;

	@Autowired
	@Qualifier("echo")
	private UdpEchoServer echo;

	@Autowired
	@Qualifier("requests")
	private MessageChannel requests;

	@Autowired
	@Qualifier("impatientRequests")
	private MessageChannel impatientRequests;

	@Autowired
	@Qualifier("asyncRequests")
	private MessageChannel asyncRequests;

	@Autowired
	@Qualifier("asyncImpatientRequests")
	private MessageChannel asyncImpatientRequests;

	@Autowired
	private QueueChannel replies;

	@Autowired
	private QueueChannel errors;

	@BeforeAll
	static void requireDante() {
		TestEnvironment.requireDanted();
	}

	@BeforeEach
	void forgetEarlierMessages() {
		this.replies.clear();
		this.errors.clear();
	}

	@Test
	void replyCarriesThePayloadAndTheInboundHeaders() {
		Message<String> request = MessageBuilder.withPayload("query")
			.setHeader("destination", Socks5Address.of(this.echo.address()))
			.setHeader("correlation", "q-1")
			.setHeader(MessageHeaders.ERROR_CHANNEL, this.errors)
			.build();
		this.requests.send(request);
		Message<?> reply = this.replies.receive(RECEIVE_TIMEOUT);
		assertThat(reply).isNotNull();
		assertThat((byte[]) reply.getPayload()).asString(StandardCharsets.UTF_8).isEqualTo("query");
		InetSocketAddress relay = this.template.associations()
			.get(DanteFlowConfiguration.SERVER)
			.route()
			.relayAddress();
		assertThat(reply.getHeaders()).containsEntry(IpHeaders.HOSTNAME, "127.0.0.1")
			.containsEntry(IpHeaders.IP_ADDRESS, "127.0.0.1")
			.containsEntry(IpHeaders.PORT, this.echo.port())
			.containsEntry(IpHeaders.PACKET_ADDRESS, this.echo.address())
			.containsEntry(Socks5UdpHeaders.SOURCE, Socks5Address.of(this.echo.address()))
			.containsEntry(Socks5UdpHeaders.SERVER_NAME, DanteFlowConfiguration.SERVER)
			.containsEntry(Socks5UdpHeaders.RELAY_ADDRESS, relay)
			.containsEntry(Socks5UdpHeaders.ADDRESS_TYPE, "IPV4")
			.containsEntry("correlation", "q-1");
	}

	@Test
	void unreachableDestinationLandsOnTheErrorChannelAsATimeout() throws SocketException {
		assertMissingReplyLandsOnTheErrorChannelAsATimeout(this.impatientRequests);
	}

	@Test
	void asyncGatewayReturnsBeforeTheReplyAndSendsItWhenItComes() throws IOException {
		try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
			peer.setSoTimeout((int) RECEIVE_TIMEOUT);
			Socks5Address destination = Socks5Address.of((InetSocketAddress) peer.getLocalSocketAddress());
			Message<String> request = MessageBuilder.withPayload("async query")
				.setHeader("destination", destination)
				.setHeader(MessageHeaders.ERROR_CHANNEL, this.errors)
				.build();
			// The peer answers only once the send has returned: a gateway that waited for
			// the reply would time out first
			this.asyncRequests.send(request);
			DatagramPacket received = new DatagramPacket(new byte[64], 64);
			peer.receive(received);
			byte[] answer = "async answer".getBytes(StandardCharsets.UTF_8);
			peer.send(new DatagramPacket(answer, answer.length, received.getSocketAddress()));
			Message<?> reply = this.replies.receive(RECEIVE_TIMEOUT);
			assertThat(reply).isNotNull();
			assertThat((byte[]) reply.getPayload()).asString(StandardCharsets.UTF_8).isEqualTo("async answer");
			InetSocketAddress relay = this.template.associations()
				.get(DanteFlowConfiguration.SERVER)
				.route()
				.relayAddress();
			assertThat(reply.getHeaders()).containsEntry(Socks5UdpHeaders.SOURCE, destination)
				.containsEntry(Socks5UdpHeaders.SERVER_NAME, DanteFlowConfiguration.SERVER)
				.containsEntry(Socks5UdpHeaders.RELAY_ADDRESS, relay);
			assertThat(this.errors.receive(0)).isNull();
		}
	}

	@Test
	void asyncGatewaySendsAMissingReplyToTheErrorChannelAsATimeout() throws SocketException {
		assertMissingReplyLandsOnTheErrorChannelAsATimeout(this.asyncImpatientRequests);
	}

	private void assertMissingReplyLandsOnTheErrorChannelAsATimeout(MessageChannel requests) throws SocketException {
		InetSocketAddress nobody = closedPort();
		Message<String> request = MessageBuilder.withPayload("anyone?")
			.setHeader("destination", nobody)
			.setHeader(MessageHeaders.ERROR_CHANNEL, this.errors)
			.build();
		requests.send(request);
		Message<?> error = this.errors.receive(RECEIVE_TIMEOUT);
		assertThat(error).isNotNull();
		assertThat(error.getPayload()).isInstanceOf(MessageTimeoutException.class);
		MessageTimeoutException timeout = (MessageTimeoutException) error.getPayload();
		assertThat(timeout.getFailedMessage().getHeaders().getId()).isEqualTo(request.getHeaders().getId());
		assertThat(timeout).hasMessageContaining("No reply from 127.0.0.1:" + nobody.getPort())
			.cause()
			.isInstanceOf(Socks5UdpReplyTimeoutException.class);
	}

	private static InetSocketAddress closedPort() throws SocketException {
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
			return (InetSocketAddress) socket.getLocalSocketAddress();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@Import(DanteFlowConfiguration.class)
	static class Config {

		private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("gateway-test-");

		@Bean
		QueueChannel replies() {
			return new QueueChannel();
		}

		@Bean
		IntegrationFlow requestFlow(Socks5UdpTemplate template) {
			return IntegrationFlow.from(MessageChannels.executor("requests", this.executor))
				.handle(Socks5Udp.outboundGateway(template, "headers['destination']")
					.replyTimeout(Duration.ofSeconds(5)))
				.channel("replies")
				.get();
		}

		@Bean
		IntegrationFlow impatientRequestFlow(Socks5UdpTemplate template) {
			return IntegrationFlow.from(MessageChannels.executor("impatientRequests", this.executor))
				.handle(Socks5Udp.outboundGateway(template)
					.destination((message) -> message.getHeaders().get("destination"))
					.replyTimeout(Duration.ofMillis(300)))
				.channel("replies")
				.get();
		}

		@Bean
		IntegrationFlow asyncRequestFlow(Socks5UdpOperations template) {
			return IntegrationFlow.from("asyncRequests")
				.handle(Socks5Udp.outboundGateway(template, "headers['destination']"),
						(endpoint) -> endpoint.async(true))
				.channel("replies")
				.get();
		}

		@Bean
		IntegrationFlow asyncImpatientRequestFlow(Socks5UdpOperations template) {
			return IntegrationFlow.from("asyncImpatientRequests")
				.handle(Socks5Udp.outboundGateway(template, "headers['destination']")
					.replyTimeout(Duration.ofMillis(300)), (endpoint) -> endpoint.async(true))
				.channel("replies")
				.get();
		}

	}

}
