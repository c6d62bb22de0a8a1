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

import java.nio.charset.Charset;
import java.util.function.Function;

import io.socks5udp.core.protocol.Socks5Address;

import org.springframework.expression.Expression;
import org.springframework.integration.dsl.MessageHandlerSpec;
import org.springframework.messaging.Message;

/**
 * Java DSL spec parent of the outbound endpoints: what the outbound channel adapter and
 * the outbound gateway have in common (destination, charset, whether a server is
 * required), as the ip module's {@code AbstractUdpOutboundChannelAdapterSpec} is for its
 * UDP adapters.
 *
 * @param <S> the type of the spec
 * @param <H> the type of the handler
 * @author socks5-udp authors
 */
public abstract class AbstractSocks5UdpOutboundSpec<S extends AbstractSocks5UdpOutboundSpec<S, H>, H extends AbstractSocks5UdpOutboundHandler>
		extends MessageHandlerSpec<S, H> {

	/**
	 * Create a spec of a handler.
	 * @param handler the handler to configure
	 */
	protected AbstractSocks5UdpOutboundSpec(H handler) {
		this.target = handler;
	}

	/**
	 * Send every message to this destination.
	 * @param host the destination host: an IP literal, or a host name that the server
	 * resolves
	 * @param port the destination port
	 * @return the spec
	 */
	public S destination(String host, int port) {
		this.target.setDestination(host, port);
		return _this();
	}

	/**
	 * Send every message to this destination.
	 * @param destination the destination
	 * @return the spec
	 */
	public S destination(Socks5Address destination) {
		this.target.setDestination(destination);
		return _this();
	}

	/**
	 * Compute the destination of each message with a SpEL expression, which may return a
	 * {@code Socks5Address}, an {@code InetSocketAddress}, a {@code URI} or a
	 * {@code host:port} or {@code udp://host:port} string.
	 * @param destinationExpression the SpEL expression
	 * @return the spec
	 */
	public S destinationExpression(String destinationExpression) {
		this.target.setDestinationExpressionString(destinationExpression);
		return _this();
	}

	/**
	 * Compute the destination of each message with an expression.
	 * @param destinationExpression the expression
	 * @return the spec
	 */
	public S destinationExpression(Expression destinationExpression) {
		this.target.setDestinationExpression(destinationExpression);
		return _this();
	}

	/**
	 * Compute the destination of each message with a function.
	 * @param destinationFunction the function
	 * @return the spec
	 */
	public S destination(Function<Message<?>, ?> destinationFunction) {
		this.target.setDestinationFunction(destinationFunction);
		return _this();
	}

	/**
	 * Set the charset that turns {@code String} payloads into bytes (default UTF-8).
	 * @param charset the charset
	 * @return the spec
	 */
	public S charset(Charset charset) {
		this.target.setCharset(charset);
		return _this();
	}

	/**
	 * Set whether every message must go through a SOCKS5 server ({@code S5_ENOSERV}
	 * otherwise).
	 * @param requireServer whether a server is required
	 * @return the spec
	 */
	public S requireServer(boolean requireServer) {
		this.target.setRequireServer(requireServer);
		return _this();
	}

}
