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

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.template.Socks5UdpOperations;
import io.socks5udp.template.Socks5UdpRoutePolicy;

import org.jspecify.annotations.Nullable;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.integration.expression.ExpressionUtils;
import org.springframework.integration.expression.FunctionExpression;
import org.springframework.integration.handler.AbstractReplyProducingMessageHandler;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.util.Assert;

/**
 * What the outbound channel adapter and the outbound gateway share: the
 * {@link Socks5UdpOperations} they send through (the template), where a message goes (a
 * fixed destination, or an expression or a function of the message), how its payload
 * becomes the bytes of a datagram ({@code byte[]}, {@link ByteBuffer}, or a
 * {@link String} in a charset, UTF-8 by default), and whether it may leave without a
 * SOCKS5 server.
 * <p>
 * A reply-producing handler, as the outbound endpoints of the http and amqp modules are,
 * so that both accept a request handler advice chain (a retry while a server's
 * association is down, for one); the channel adapter simply produces no reply.
 * <p>
 * The destination may be a {@link Socks5Address}, an {@link java.net.InetSocketAddress}
 * (unresolved: sent as a domain name), a {@link java.net.URI} or a {@code String}
 * ({@code udp://host:port} as the ip module expects, or {@code host:port}).
 *
 * @author socks5-udp authors
 */
public abstract class AbstractSocks5UdpOutboundHandler extends AbstractReplyProducingMessageHandler {

	private static final SpelExpressionParser PARSER = new SpelExpressionParser();

	private final Socks5UdpOperations template;

	private @Nullable Socks5Address destination;

	private @Nullable Expression destinationExpression;

	private Charset charset = StandardCharsets.UTF_8;

	private Socks5UdpRoutePolicy routePolicy = Socks5UdpRoutePolicy.ALLOW_DIRECT;

	private volatile @Nullable EvaluationContext evaluationContext;

	/**
	 * Create a handler; set the destination before use.
	 * @param template the template that sends the datagrams: a
	 * {@link io.socks5udp.template.Socks5UdpTemplate}, or any other operations
	 */
	protected AbstractSocks5UdpOutboundHandler(Socks5UdpOperations template) {
		Assert.notNull(template, "'template' must not be null");
		this.template = template;
	}

	/**
	 * Send every message to this destination.
	 * @param host the destination host: an IP literal, or a host name that the server
	 * resolves
	 * @param port the destination port
	 */
	public void setDestination(String host, int port) {
		setDestination(Socks5Address.of(host, port));
	}

	/**
	 * Send every message to this destination.
	 * @param destination the destination
	 */
	public void setDestination(Socks5Address destination) {
		Assert.notNull(destination, "'destination' must not be null");
		this.destination = destination;
		this.destinationExpression = null;
	}

	/**
	 * Compute the destination of each message with an expression evaluated against the
	 * message.
	 * @param destinationExpression the expression
	 */
	public void setDestinationExpression(Expression destinationExpression) {
		Assert.notNull(destinationExpression, "'destinationExpression' must not be null");
		this.destinationExpression = destinationExpression;
		this.destination = null;
	}

	/**
	 * Compute the destination of each message with a SpEL expression evaluated against
	 * the message, such as {@code headers['ip_packetAddress']}.
	 * @param destinationExpression the SpEL expression
	 */
	public void setDestinationExpressionString(String destinationExpression) {
		Assert.hasText(destinationExpression, "'destinationExpression' must not be empty");
		setDestinationExpression(PARSER.parseExpression(destinationExpression));
	}

	/**
	 * Compute the destination of each message with a function.
	 * @param destinationFunction the function
	 */
	public void setDestinationFunction(Function<Message<?>, ?> destinationFunction) {
		Assert.notNull(destinationFunction, "'destinationFunction' must not be null");
		setDestinationExpression(new FunctionExpression<>(destinationFunction));
	}

	/**
	 * Set the charset that turns {@code String} payloads into bytes (default UTF-8).
	 * @param charset the charset
	 */
	public void setCharset(Charset charset) {
		Assert.notNull(charset, "'charset' must not be null");
		this.charset = charset;
	}

	/**
	 * Set whether every message must go through a SOCKS5 server: when {@code true}, a
	 * message whose destination the registry sends directly ({@code NONE}) fails with a
	 * {@link io.socks5udp.core.protocol.Socks5NoServerException} ({@code S5_ENOSERV})
	 * instead of going out as plain UDP. The registry is consulted once per message
	 * either way. Default {@code false}.
	 * @param requireServer whether a server is required
	 */
	public void setRequireServer(boolean requireServer) {
		this.routePolicy = requireServer ? Socks5UdpRoutePolicy.REQUIRE_SERVER : Socks5UdpRoutePolicy.ALLOW_DIRECT;
	}

	@Override
	protected void doInit() {
		Assert.state(this.destination != null || this.destinationExpression != null,
				"A destination, destination expression or destination function is required");
		this.evaluationContext = ExpressionUtils.createStandardEvaluationContext(getBeanFactory());
	}

	/**
	 * Return the template that sends the datagrams.
	 * @return the template
	 */
	protected Socks5UdpOperations getTemplate() {
		return this.template;
	}

	/**
	 * Return which routes the datagrams may take.
	 * @return the route policy
	 */
	protected Socks5UdpRoutePolicy getRoutePolicy() {
		return this.routePolicy;
	}

	/**
	 * Return where a message goes.
	 * @param message the message
	 * @return the destination
	 * @throws MessageHandlingException if the expression or function fails or gives
	 * nothing usable
	 */
	protected Socks5Address destination(Message<?> message) {
		Socks5Address fixed = this.destination;
		if (fixed != null) {
			return fixed;
		}
		try {
			Expression expression = this.destinationExpression;
			Assert.state(expression != null,
					"A destination, destination expression or destination function is required");
			Object value = expression.getValue(evaluationContext(), message);
			Assert.state(value != null, () -> "The destination expression evaluated to null for: " + message);
			return Socks5UdpDestinations.toAddress(value);
		}
		catch (RuntimeException ex) {
			throw new MessageHandlingException(message, "Failed to determine the destination in the [" + this + "]",
					ex);
		}
	}

	/**
	 * Return the bytes of a message's payload: a {@code byte[]} itself, the remaining
	 * bytes of a {@link ByteBuffer} (left unchanged), or a {@code String} encoded in the
	 * charset.
	 * @param message the message
	 * @return the bytes
	 * @throws IllegalArgumentException for any other payload type
	 */
	protected byte[] payload(Message<?> message) {
		Object payload = message.getPayload();
		if (payload instanceof byte[] bytes) {
			return bytes;
		}
		if (payload instanceof ByteBuffer buffer) {
			byte[] bytes = new byte[buffer.remaining()];
			buffer.duplicate().get(bytes);
			return bytes;
		}
		if (payload instanceof String text) {
			return text.getBytes(this.charset);
		}
		throw new IllegalArgumentException(
				"payload: " + payload.getClass().getName() + " (expected: byte[], ByteBuffer or String)");
	}

	private EvaluationContext evaluationContext() {
		EvaluationContext context = this.evaluationContext;
		if (context == null) {
			context = ExpressionUtils.createStandardEvaluationContext();
			this.evaluationContext = context;
		}
		return context;
	}

}
