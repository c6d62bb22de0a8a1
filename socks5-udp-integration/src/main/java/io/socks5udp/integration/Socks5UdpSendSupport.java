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
import io.socks5udp.core.protocol.Socks5NoServerException;
import io.socks5udp.template.Socks5UdpTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.integration.expression.ExpressionUtils;
import org.springframework.integration.expression.FunctionExpression;
import org.springframework.messaging.Message;
import org.springframework.util.Assert;

/**
 * What the outbound channel adapter and the outbound gateway share: where a message goes
 * (a fixed destination, an expression or a function of the message) and how its payload
 * becomes the bytes of a datagram ({@code byte[]}, {@link ByteBuffer}, or a
 * {@link String} in a charset, UTF-8 by default).
 *
 * @author socks5-udp authors
 */
final class Socks5UdpSendSupport {

	private static final SpelExpressionParser PARSER = new SpelExpressionParser();

	private @Nullable Socks5Address destination;

	private @Nullable Expression destinationExpression;

	private Charset charset = StandardCharsets.UTF_8;

	private boolean requireServer;

	private volatile @Nullable EvaluationContext evaluationContext;

	void setDestination(Socks5Address destination) {
		Assert.notNull(destination, "'destination' must not be null");
		this.destination = destination;
		this.destinationExpression = null;
	}

	void setDestinationExpression(Expression destinationExpression) {
		Assert.notNull(destinationExpression, "'destinationExpression' must not be null");
		this.destinationExpression = destinationExpression;
		this.destination = null;
	}

	void setDestinationExpressionString(String destinationExpression) {
		Assert.hasText(destinationExpression, "'destinationExpression' must not be empty");
		setDestinationExpression(PARSER.parseExpression(destinationExpression));
	}

	void setDestinationFunction(Function<Message<?>, ?> destinationFunction) {
		Assert.notNull(destinationFunction, "'destinationFunction' must not be null");
		setDestinationExpression(new FunctionExpression<>(destinationFunction));
	}

	void setCharset(Charset charset) {
		Assert.notNull(charset, "'charset' must not be null");
		this.charset = charset;
	}

	void setRequireServer(boolean requireServer) {
		this.requireServer = requireServer;
	}

	/**
	 * Fail, when a server is required, for a destination that the registry sends
	 * directly.
	 * @param template the template whose registry routes the datagram
	 * @param destination the destination
	 * @throws Socks5NoServerException if a server is required and the route is direct
	 */
	void checkRoute(Socks5UdpTemplate template, Socks5Address destination) throws Socks5NoServerException {
		if (this.requireServer) {
			template.registry().requireServer(destination);
		}
	}

	void init(BeanFactory beanFactory) {
		Assert.state(this.destination != null || this.destinationExpression != null,
				"A destination, destination expression or destination function is required");
		this.evaluationContext = ExpressionUtils.createStandardEvaluationContext(beanFactory);
	}

	Socks5Address destination(Message<?> message) {
		if (this.destination != null) {
			return this.destination;
		}
		Assert.state(this.destinationExpression != null,
				"A destination, destination expression or destination function is required");
		EvaluationContext context = this.evaluationContext;
		if (context == null) {
			context = ExpressionUtils.createStandardEvaluationContext();
			this.evaluationContext = context;
		}
		Object value = this.destinationExpression.getValue(context, message);
		Assert.state(value != null, () -> "The destination expression evaluated to null for: " + message);
		return Socks5UdpDestinations.toAddress(value);
	}

	byte[] payload(Message<?> message) {
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

}
