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
import java.time.Duration;
import java.util.function.Function;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.template.Socks5UdpTemplate;

import org.springframework.expression.Expression;
import org.springframework.integration.dsl.MessageHandlerSpec;
import org.springframework.messaging.Message;

/**
 * Java DSL spec of a {@link Socks5UdpOutboundGateway}, made by
 * {@link Socks5Udp#outboundGateway(Socks5UdpTemplate)} and its variants.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpOutboundGatewaySpec
		extends MessageHandlerSpec<Socks5UdpOutboundGatewaySpec, Socks5UdpOutboundGateway> {

	/**
	 * Create a spec; a destination must be set before use.
	 * @param template the template
	 */
	protected Socks5UdpOutboundGatewaySpec(Socks5UdpTemplate template) {
		this.target = new Socks5UdpOutboundGateway(template);
	}

	/**
	 * Send every request to this destination.
	 * @param host the destination host: an IP literal, or a host name that the server
	 * resolves
	 * @param port the destination port
	 * @return the spec
	 */
	public Socks5UdpOutboundGatewaySpec destination(String host, int port) {
		this.target.setDestination(host, port);
		return this;
	}

	/**
	 * Send every request to this destination.
	 * @param destination the destination
	 * @return the spec
	 */
	public Socks5UdpOutboundGatewaySpec destination(Socks5Address destination) {
		this.target.setDestination(destination);
		return this;
	}

	/**
	 * Compute the destination of each request with a SpEL expression, which may return a
	 * {@code Socks5Address}, an {@code InetSocketAddress}, a {@code URI} or a
	 * {@code host:port} or {@code udp://host:port} string.
	 * @param destinationExpression the SpEL expression
	 * @return the spec
	 */
	public Socks5UdpOutboundGatewaySpec destinationExpression(String destinationExpression) {
		this.target.setDestinationExpressionString(destinationExpression);
		return this;
	}

	/**
	 * Compute the destination of each request with an expression.
	 * @param destinationExpression the expression
	 * @return the spec
	 */
	public Socks5UdpOutboundGatewaySpec destinationExpression(Expression destinationExpression) {
		this.target.setDestinationExpression(destinationExpression);
		return this;
	}

	/**
	 * Compute the destination of each request with a function.
	 * @param destinationFunction the function
	 * @return the spec
	 */
	public Socks5UdpOutboundGatewaySpec destination(Function<Message<?>, ?> destinationFunction) {
		this.target.setDestinationFunction(destinationFunction);
		return this;
	}

	/**
	 * Set the charset that turns {@code String} payloads into bytes (default UTF-8).
	 * @param charset the charset
	 * @return the spec
	 */
	public Socks5UdpOutboundGatewaySpec charset(Charset charset) {
		this.target.setCharset(charset);
		return this;
	}

	/**
	 * Set whether every request must go through a SOCKS5 server ({@code S5_ENOSERV}
	 * otherwise).
	 * @param requireServer whether a server is required
	 * @return the spec
	 */
	public Socks5UdpOutboundGatewaySpec requireServer(boolean requireServer) {
		this.target.setRequireServer(requireServer);
		return this;
	}

	/**
	 * Set how long to wait for each reply (default 5 seconds).
	 * @param replyTimeout the timeout
	 * @return the spec
	 */
	public Socks5UdpOutboundGatewaySpec replyTimeout(Duration replyTimeout) {
		this.target.setReplyTimeout(replyTimeout);
		return this;
	}

}
