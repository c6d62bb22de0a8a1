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
import java.nio.ByteBuffer;
import java.time.Duration;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.template.Socks5UdpOperations;
import io.socks5udp.template.Socks5UdpReply;
import io.socks5udp.template.Socks5UdpRoute;
import io.socks5udp.template.Socks5UdpRoutePolicy;
import io.socks5udp.template.Socks5UdpTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.handler.AbstractMessageHandler;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link Socks5Udp} and the specs it makes. Nothing here sends: the template is
 * never started.
 *
 * @author socks5-udp authors
 */
@SpringJUnitConfig
class Socks5UdpTests {

	@Autowired
	private BeanFactory beanFactory;

	private final Socks5UdpTemplate template = Socks5UdpTemplate.builder(Socks5ServerRegistry.direct()).build();

	@Test
	void inboundAdapterWithServerNames() {
		Socks5UdpInboundChannelAdapter adapter = Socks5Udp.inboundAdapter(this.template)
			.serverNames("corp", "DIRECT")
			.getObject();
		assertThat(adapter.getServerNames()).containsExactly("corp", "DIRECT");
		assertThat(adapter.isListening()).isFalse();
	}

	@Test
	void inboundAdapterReceivesFromEveryRouteByDefault() {
		assertThat(Socks5Udp.inboundAdapter(this.template).getObject().getServerNames()).isEmpty();
	}

	@Test
	void outboundAdapterNeedsADestination() {
		Socks5UdpOutboundChannelAdapter adapter = Socks5Udp.outboundAdapter(this.template).getObject();
		assertThatIllegalStateException().isThrownBy(() -> initialize(adapter))
			.withMessage("A destination, destination expression or destination function is required");
	}

	@Test
	void outboundAdapterWithInvalidFixedDestination() {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5Udp.outboundAdapter(this.template, "::1", 70000))
			.withMessage("port: 70000 (expected: 0-65535)");
	}

	@Test
	void stoppedOutboundAdapterRefusesToSend() {
		Socks5UdpOutboundChannelAdapter adapter = Socks5Udp.outboundAdapter(this.template, "127.0.0.1", 53).getObject();
		initialize(adapter);
		assertThat(adapter.isRunning()).isFalse();
		assertThatExceptionOfType(MessageDeliveryException.class)
			.isThrownBy(() -> adapter.handleMessage(new GenericMessage<>(new byte[] { 1 })))
			.withMessageContaining("is not running");
	}

	@Test
	void outboundAdapterRejectsAPayloadItCannotSend() {
		Socks5UdpOutboundChannelAdapter adapter = Socks5Udp.outboundAdapter(this.template, "127.0.0.1", 53).getObject();
		initialize(adapter);
		adapter.start();
		assertThatExceptionOfType(MessageHandlingException.class)
			.isThrownBy(() -> adapter.handleMessage(new GenericMessage<>(42)))
			.withMessageContaining("Failed to send a datagram to 127.0.0.1:53")
			.havingCause()
			.isInstanceOf(IllegalArgumentException.class)
			.withMessage("payload: java.lang.Integer (expected: byte[], ByteBuffer or String)");
	}

	@Test
	void outboundAdapterReportsADestinationExpressionThatGivesNothingUsable() {
		Socks5UdpOutboundChannelAdapter adapter = Socks5Udp.outboundAdapter(this.template, "headers['nowhere']")
			.getObject();
		initialize(adapter);
		adapter.start();
		assertThatExceptionOfType(MessageHandlingException.class)
			.isThrownBy(() -> adapter.handleMessage(new GenericMessage<>(new byte[] { 1 })))
			.withMessageContaining("Failed to determine the destination")
			.havingCause()
			.withMessageContaining("The destination expression evaluated to null");
	}

	@Test
	void outboundGatewayReplyTimeout() {
		Socks5UdpOutboundGateway gateway = Socks5Udp.outboundGateway(this.template, "127.0.0.1", 53)
			.replyTimeout(Duration.ofMillis(250))
			.getObject();
		assertThat(gateway.getReplyTimeout()).isEqualTo(Duration.ofMillis(250));
		assertThat(Socks5Udp.outboundGateway(this.template, (message) -> "udp://127.0.0.1:53")
			.getObject()
			.getReplyTimeout()).isEqualTo(Socks5UdpOutboundGateway.DEFAULT_REPLY_TIMEOUT);
	}

	@Test
	void outboundGatewayRejectsANonPositiveReplyTimeout() {
		Socks5UdpOutboundGatewaySpec spec = Socks5Udp.outboundGateway(this.template, "127.0.0.1", 53);
		assertThatIllegalArgumentException().isThrownBy(() -> spec.replyTimeout(Duration.ZERO))
			.withMessage("replyTimeout: PT0S (expected: positive)");
	}

	@Test
	void outboundEndpointsSendThroughAnyOperationsSuchAsAMock() {
		Socks5UdpOperations operations = mock(Socks5UdpOperations.class);
		Socks5Address destination = Socks5Address.of("127.0.0.1", 53);
		Socks5UdpRoute route = new Socks5UdpRoute("corp", new InetSocketAddress("127.0.0.1", 40000));
		Socks5UdpDatagram answer = new Socks5UdpDatagram(destination, ByteBuffer.wrap(new byte[] { 42 }));
		given(operations.request(eq(destination), any(), any(), eq(Socks5UdpRoutePolicy.REQUIRE_SERVER)))
			.willReturn(new Socks5UdpReply(answer, route));
		Socks5UdpOutboundGateway gateway = Socks5Udp.outboundGateway(operations, "127.0.0.1", 53)
			.requireServer(true)
			.getObject();
		QueueChannel replies = new QueueChannel();
		gateway.setOutputChannel(replies);
		initialize(gateway);
		gateway.handleMessage(new GenericMessage<>(new byte[] { 1 }));
		Message<?> reply = replies.receive(0);
		assertThat(reply).isNotNull();
		assertThat(reply.getPayload()).isEqualTo(new byte[] { 42 });
		assertThat(reply.getHeaders()).containsEntry(Socks5UdpHeaders.SERVER_NAME, "corp")
			.containsEntry(Socks5UdpHeaders.RELAY_ADDRESS, route.relayAddress());
		Socks5UdpOutboundChannelAdapter adapter = Socks5Udp.outboundAdapter(operations, "127.0.0.1", 53).getObject();
		initialize(adapter);
		adapter.start();
		adapter.handleMessage(new GenericMessage<>("datagram"));
		then(operations).should().send(eq(destination), any(ByteBuffer.class), eq(Socks5UdpRoutePolicy.ALLOW_DIRECT));
	}

	private void initialize(AbstractMessageHandler handler) {
		handler.setBeanFactory(this.beanFactory);
		handler.afterPropertiesSet();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class Config {

	}

}
