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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.socks5udp.core.protocol.Socks5AuthenticationException;
import io.socks5udp.core.protocol.Socks5Credentials;
import io.socks5udp.core.protocol.Socks5Errno;
import io.socks5udp.core.protocol.Socks5Exception;
import io.socks5udp.core.protocol.Socks5NoServerException;
import io.socks5udp.core.protocol.Socks5ReplyException;
import io.socks5udp.template.Socks5UdpServerUnavailableException;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.dante.DanteConfig;
import io.socks5udp.test.dante.DanteSocksMethod;
import io.socks5udp.test.dante.DanteUsers;
import io.socks5udp.test.dante.LocalDante;
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
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.MessageChannels;
import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.MessagingException;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5UdpOutboundChannelAdapter}: flows that send through a local
 * Dante to an echo target, whose replies come back through the inbound adapter, and
 * failures that reach the error channel with their SOCKS5 cause.
 *
 * @author socks5-udp authors
 */
@SpringJUnitConfig
class Socks5UdpOutboundChannelAdapterTests {

	private static final long RECEIVE_TIMEOUT = 10_000;

	@Autowired
	@Qualifier("echo")
	private UdpEchoServer echo;

	@Autowired
	@Qualifier("echoIpv6")
	private UdpEchoServer echoIpv6;

	@Autowired
	private QueueChannel received;

	@Autowired
	private QueueChannel errors;

	@Autowired
	@Qualifier("toEcho")
	private MessageChannel toEcho;

	@Autowired
	@Qualifier("toHeaderDestination")
	private MessageChannel toHeaderDestination;

	@Autowired
	@Qualifier("proxyOnly")
	private MessageChannel proxyOnly;

	@Autowired
	@Qualifier("withWrongPassword")
	private MessageChannel withWrongPassword;

	@Autowired
	@Qualifier("toRefusingServer")
	private MessageChannel toRefusingServer;

	@BeforeAll
	static void requireDante() {
		TestEnvironment.requireDanted();
	}

	@BeforeEach
	void forgetEarlierMessages() {
		this.received.clear();
		this.errors.clear();
	}

	@Test
	void byteArrayPayloadGoesThroughDanteAndComesBack() {
		byte[] payload = { 0, 1, 2, (byte) 0xFF };
		send(this.toEcho, payload, Map.of());
		Message<?> reply = this.received.receive(RECEIVE_TIMEOUT);
		assertThat(reply).isNotNull();
		assertThat(reply.getPayload()).isEqualTo(payload);
		assertThat(reply.getHeaders()).containsEntry(IpHeaders.PORT, this.echo.port())
			.containsEntry(Socks5UdpHeaders.SERVER_NAME, DanteFlowConfiguration.SERVER);
		assertThat(this.echo.lastPayload()).isEqualTo(payload);
	}

	@Test
	void stringPayloadIsEncodedWithTheConfiguredCharset() {
		send(this.toEcho, "café", Map.of());
		Message<?> reply = this.received.receive(RECEIVE_TIMEOUT);
		assertThat(reply).isNotNull();
		assertThat(reply.getPayload()).isEqualTo("café".getBytes(StandardCharsets.ISO_8859_1));
	}

	@Test
	void byteBufferPayloadSendsItsRemainingBytesAndIsLeftUnchanged() {
		ByteBuffer payload = ByteBuffer.wrap("--slice--".getBytes(StandardCharsets.US_ASCII), 2, 5);
		send(this.toEcho, payload, Map.of());
		Message<?> reply = this.received.receive(RECEIVE_TIMEOUT);
		assertThat(reply).isNotNull();
		assertThat((byte[]) reply.getPayload()).asString(StandardCharsets.US_ASCII).isEqualTo("slice");
		assertThat(payload.position()).isEqualTo(2);
		assertThat(payload.remaining()).isEqualTo(5);
	}

	@Test
	void destinationExpressionAcceptsTheUriStringOfTheIpModule() {
		send(this.toHeaderDestination, "expression", Map.of("destination", "udp://127.0.0.1:" + this.echo.port()));
		Message<?> reply = this.received.receive(RECEIVE_TIMEOUT);
		assertThat(reply).isNotNull();
		assertThat((byte[]) reply.getPayload()).asString(StandardCharsets.UTF_8).isEqualTo("expression");
		assertThat(reply.getHeaders()).containsEntry(IpHeaders.PORT, this.echo.port());
	}

	@Test
	void destinationWithoutServerLandsOnTheErrorChannelWhenAServerIsRequired() {
		Message<?> request = send(this.proxyOnly, "nope", Map.of("destination", this.echoIpv6.address()));
		MessagingException error = nextError();
		assertThat(error.getFailedMessage().getHeaders().getId()).isEqualTo(request.getHeaders().getId());
		assertThat(error).hasMessageContaining("Failed to send a datagram to [::1]:" + this.echoIpv6.port())
			.rootCause()
			.isInstanceOf(Socks5NoServerException.class)
			.hasMessageContaining("no SOCKS5 server for [::1]:" + this.echoIpv6.port());
		assertThat(errno(error)).isEqualTo(Socks5Errno.S5_ENOSERV);
		assertThat(this.echoIpv6.datagramCount()).isZero();
	}

	@Test
	void wrongPasswordLandsOnTheErrorChannel() {
		send(this.withWrongPassword, "secret", Map.of());
		MessagingException error = nextError();
		assertThat(error).hasCauseInstanceOf(Socks5UdpServerUnavailableException.class)
			.rootCause()
			.isInstanceOf(Socks5AuthenticationException.class);
		assertThat(errno(error)).isEqualTo(Socks5Errno.S5_EAUTH);
	}

	@Test
	void replyCodeOfTheServerLandsOnTheErrorChannel() {
		send(this.toRefusingServer, "refused", Map.of());
		MessagingException error = nextError();
		assertThat(error).hasCauseInstanceOf(Socks5UdpServerUnavailableException.class);
		Socks5ReplyException reply = find(error, Socks5ReplyException.class);
		assertThat(reply).isNotNull();
		assertThat(reply.errno()).isEqualTo(Socks5Errno.S5_EPERM);
	}

	private Message<?> send(MessageChannel channel, Object payload, Map<String, Object> headers) {
		Message<?> message = MessageBuilder.withPayload(payload)
			.copyHeaders(headers)
			.setHeader(MessageHeaders.ERROR_CHANNEL, this.errors)
			.build();
		assertThat(channel.send(message)).isTrue();
		return message;
	}

	private MessagingException nextError() {
		Message<?> errorMessage = this.errors.receive(RECEIVE_TIMEOUT);
		assertThat(errorMessage).isNotNull();
		assertThat(errorMessage.getPayload()).isInstanceOf(MessagingException.class);
		return (MessagingException) errorMessage.getPayload();
	}

	private static Socks5Errno errno(Throwable error) {
		Socks5Exception socks5 = find(error, Socks5Exception.class);
		return (socks5 != null) ? socks5.errno() : null;
	}

	private static <T extends Throwable> T find(Throwable error, Class<T> type) {
		for (Throwable candidate = error; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		return null;
	}

	@Configuration(proxyBeanMethods = false)
	@Import(DanteFlowConfiguration.class)
	static class Config {

		private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("outbound-test-");

		@Bean
		IntegrationFlow toEchoFlow(Socks5UdpTemplate template, @Qualifier("echo") UdpEchoServer echo) {
			return IntegrationFlow.from(MessageChannels.executor("toEcho", this.executor))
				.handle(Socks5Udp.outboundAdapter(template, echo.host(), echo.port())
					.charset(StandardCharsets.ISO_8859_1))
				.get();
		}

		@Bean
		IntegrationFlow toHeaderDestinationFlow(Socks5UdpTemplate template) {
			return IntegrationFlow.from(MessageChannels.executor("toHeaderDestination", this.executor))
				.handle(Socks5Udp.outboundAdapter(template, "headers['destination']"))
				.get();
		}

		@Bean
		IntegrationFlow proxyOnlyFlow(Socks5UdpTemplate template) {
			return IntegrationFlow.from(MessageChannels.executor("proxyOnly", this.executor))
				.handle(Socks5Udp.outboundAdapter(template)
					.destination((message) -> message.getHeaders().get("destination"))
					.requireServer(true))
				.get();
		}

		@Bean(destroyMethod = "close")
		LocalDante passwordDante() throws IOException {
			return LocalDante.start(DanteConfig.builder().socksMethod(DanteSocksMethod.USERNAME).build());
		}

		@Bean
		Socks5UdpTemplate wrongPasswordTemplate(@Qualifier("passwordDante") LocalDante passwordDante)
				throws IOException {
			return DanteFlowConfiguration.templateVia("password", passwordDante,
					new Socks5Credentials(DanteUsers.USERNAME, "not-the-password"));
		}

		@Bean
		IntegrationFlow withWrongPasswordFlow(@Qualifier("wrongPasswordTemplate") Socks5UdpTemplate template,
				@Qualifier("echo") UdpEchoServer echo) {
			return IntegrationFlow.from(MessageChannels.executor("withWrongPassword", this.executor))
				.handle(Socks5Udp.outboundAdapter(template, echo.host(), echo.port()))
				.get();
		}

		@Bean(destroyMethod = "close")
		LocalDante refusingDante() throws IOException {
			return LocalDante.start(DanteConfig.builder().commands("connect").build());
		}

		@Bean
		Socks5UdpTemplate refusingTemplate(@Qualifier("refusingDante") LocalDante refusingDante) throws IOException {
			return DanteFlowConfiguration.templateVia("refusing", refusingDante, null);
		}

		@Bean
		IntegrationFlow toRefusingServerFlow(@Qualifier("refusingTemplate") Socks5UdpTemplate template,
				@Qualifier("echo") UdpEchoServer echo) {
			return IntegrationFlow.from(MessageChannels.executor("toRefusingServer", this.executor))
				.handle(Socks5Udp.outboundAdapter(template, echo.host(), echo.port()))
				.get();
		}

	}

}
