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
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.core.registry.Socks5Route;
import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.Socks5UdpReplyTimeoutException;
import io.socks5udp.template.Socks5UdpRoute;
import io.socks5udp.template.Socks5UdpTemplate;

import org.springframework.expression.Expression;
import org.springframework.integration.MessageTimeoutException;
import org.springframework.integration.handler.AbstractReplyProducingMessageHandler;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.util.Assert;

/**
 * Outbound gateway for request/reply protocols such as DNS: sends the payload of each
 * request message as one datagram through a {@link Socks5UdpTemplate} and waits, up to
 * the reply timeout, for the first datagram back from the same destination through the
 * same route. The reply is a {@code Message<byte[]>} with the same headers as the
 * messages of a {@link Socks5UdpInboundChannelAdapter}; the request's headers are copied
 * where the reply has none of its own.
 * <p>
 * The destination and the payload types are those of the
 * {@link Socks5UdpOutboundChannelAdapter}. A missing reply fails with a
 * {@link MessageTimeoutException} whose cause is the template's
 * {@link Socks5UdpReplyTimeoutException}; other failures with a
 * {@link MessageHandlingException} whose cause is the template's exception.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpOutboundGateway extends AbstractReplyProducingMessageHandler {

	/**
	 * Default time to wait for a reply.
	 */
	public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(5);

	private final Socks5UdpTemplate template;

	private final Socks5UdpSendSupport sendSupport = new Socks5UdpSendSupport();

	private Duration replyTimeout = DEFAULT_REPLY_TIMEOUT;

	/**
	 * Create a gateway; set the destination before use.
	 * @param template the template that sends the requests and receives the replies
	 */
	public Socks5UdpOutboundGateway(Socks5UdpTemplate template) {
		Assert.notNull(template, "'template' must not be null");
		this.template = template;
	}

	/**
	 * Create a gateway that sends every request to one destination.
	 * @param template the template that sends the requests and receives the replies
	 * @param host the destination host: an IP literal, or a host name that the server
	 * resolves
	 * @param port the destination port
	 */
	public Socks5UdpOutboundGateway(Socks5UdpTemplate template, String host, int port) {
		this(template);
		setDestination(host, port);
	}

	/**
	 * Send every request to this destination.
	 * @param host the destination host: an IP literal, or a host name that the server
	 * resolves
	 * @param port the destination port
	 */
	public void setDestination(String host, int port) {
		this.sendSupport.setDestination(Socks5Address.of(host, port));
	}

	/**
	 * Send every request to this destination.
	 * @param destination the destination
	 */
	public void setDestination(Socks5Address destination) {
		this.sendSupport.setDestination(destination);
	}

	/**
	 * Compute the destination of each request with an expression evaluated against the
	 * message.
	 * @param destinationExpression the expression
	 */
	public void setDestinationExpression(Expression destinationExpression) {
		this.sendSupport.setDestinationExpression(destinationExpression);
	}

	/**
	 * Compute the destination of each request with a SpEL expression evaluated against
	 * the message.
	 * @param destinationExpression the SpEL expression
	 */
	public void setDestinationExpressionString(String destinationExpression) {
		this.sendSupport.setDestinationExpressionString(destinationExpression);
	}

	/**
	 * Compute the destination of each request with a function.
	 * @param destinationFunction the function
	 */
	public void setDestinationFunction(Function<Message<?>, ?> destinationFunction) {
		this.sendSupport.setDestinationFunction(destinationFunction);
	}

	/**
	 * Set the charset that turns {@code String} payloads into bytes (default UTF-8).
	 * @param charset the charset
	 */
	public void setCharset(Charset charset) {
		this.sendSupport.setCharset(charset);
	}

	/**
	 * Set whether every request must go through a SOCKS5 server, as
	 * {@link Socks5UdpOutboundChannelAdapter#setRequireServer(boolean)} does.
	 * @param requireServer whether a server is required
	 */
	public void setRequireServer(boolean requireServer) {
		this.sendSupport.setRequireServer(requireServer);
	}

	/**
	 * Set how long to wait for each reply (default 5 seconds).
	 * @param replyTimeout the timeout, positive
	 */
	public void setReplyTimeout(Duration replyTimeout) {
		Assert.isTrue(replyTimeout != null && !replyTimeout.isNegative() && !replyTimeout.isZero(),
				() -> "replyTimeout: " + replyTimeout + " (expected: positive)");
		this.replyTimeout = replyTimeout;
	}

	/**
	 * Return how long the gateway waits for each reply.
	 * @return the reply timeout
	 */
	public Duration getReplyTimeout() {
		return this.replyTimeout;
	}

	@Override
	public String getComponentType() {
		return "socks5udp:outbound-gateway";
	}

	@Override
	protected void doInit() {
		this.sendSupport.init(getBeanFactory());
	}

	@Override
	protected Object handleRequestMessage(Message<?> requestMessage) {
		Socks5Address destination = destination(requestMessage);
		Socks5UdpDatagram reply;
		try {
			this.sendSupport.checkRoute(this.template, destination);
			reply = this.template.sendAndReceive(destination, this.sendSupport.payload(requestMessage),
					this.replyTimeout);
		}
		catch (Socks5UdpReplyTimeoutException ex) {
			throw new MessageTimeoutException(requestMessage, ex.getMessage() + " in the [" + this + "]", ex);
		}
		catch (Exception ex) {
			throw new MessageHandlingException(requestMessage,
					"Failed to send a request to " + destination + " in the [" + this + "]", ex);
		}
		ByteBuffer payload = reply.payload();
		return Socks5UdpInboundMessages.toMessage(getMessageBuilderFactory(), reply.address(), payload,
				routeOf(destination));
	}

	private Socks5Address destination(Message<?> message) {
		try {
			return this.sendSupport.destination(message);
		}
		catch (RuntimeException ex) {
			throw new MessageHandlingException(message, "Failed to determine the destination in the [" + this + "]",
					ex);
		}
	}

	private Socks5UdpRoute routeOf(Socks5Address destination) {
		Socks5Route route = this.template.registry().lookup(destination);
		if (route.isDirect()) {
			return Socks5UdpRoute.DIRECT;
		}
		// Not direct, so a server
		String serverName = Objects.requireNonNull(route.server()).name();
		ManagedAssociation association = this.template.associations().get(serverName);
		Socks5UdpRoute current = (association != null) ? association.route() : null;
		return (current != null) ? current : new Socks5UdpRoute(serverName, null);
	}

}
