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
import java.util.function.Function;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.template.Socks5UdpTemplate;

import org.springframework.expression.Expression;
import org.springframework.integration.handler.AbstractMessageHandler;
import org.springframework.integration.support.management.ManageableLifecycle;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.MessagingException;
import org.springframework.util.Assert;

/**
 * Outbound channel adapter: sends the payload of each message ({@code byte[]},
 * {@link ByteBuffer}, or a {@link String} in the configured charset) as one datagram
 * through a {@link Socks5UdpTemplate}, whose registry chooses the server (or none) for
 * the destination. The SOCKS5 counterpart of the ip module's
 * {@code UnicastSendingMessageHandler}.
 * <p>
 * The destination is fixed, or computed from each message by an expression or a function,
 * which may return a {@link Socks5Address}, an {@link java.net.InetSocketAddress}
 * (unresolved: sent as a domain name), a {@link java.net.URI} or a {@code String}
 * ({@code udp://host:port} as the ip module expects, or {@code host:port}). Failures (no
 * server when one is {@link #setRequireServer(boolean) required}, the server's reply
 * codes, an association that is down) become {@link MessagingException}s whose cause is
 * the template's exception, so that they reach the flow's error channel.
 * <p>
 * Sends are refused while the adapter is stopped; the endpoint that consumes its input
 * channel starts and stops it.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpOutboundChannelAdapter extends AbstractMessageHandler implements ManageableLifecycle {

	private final Socks5UdpTemplate template;

	private final Socks5UdpSendSupport sendSupport = new Socks5UdpSendSupport();

	private volatile boolean running;

	/**
	 * Create an adapter; set the destination before use.
	 * @param template the template that sends the datagrams
	 */
	public Socks5UdpOutboundChannelAdapter(Socks5UdpTemplate template) {
		Assert.notNull(template, "'template' must not be null");
		this.template = template;
	}

	/**
	 * Create an adapter that sends every message to one destination.
	 * @param template the template that sends the datagrams
	 * @param host the destination host: an IP literal, or a host name that the server
	 * resolves
	 * @param port the destination port
	 */
	public Socks5UdpOutboundChannelAdapter(Socks5UdpTemplate template, String host, int port) {
		this(template);
		setDestination(host, port);
	}

	/**
	 * Send every message to this destination.
	 * @param host the destination host: an IP literal, or a host name that the server
	 * resolves
	 * @param port the destination port
	 */
	public void setDestination(String host, int port) {
		this.sendSupport.setDestination(Socks5Address.of(host, port));
	}

	/**
	 * Send every message to this destination.
	 * @param destination the destination
	 */
	public void setDestination(Socks5Address destination) {
		this.sendSupport.setDestination(destination);
	}

	/**
	 * Compute the destination of each message with an expression evaluated against the
	 * message.
	 * @param destinationExpression the expression
	 */
	public void setDestinationExpression(Expression destinationExpression) {
		this.sendSupport.setDestinationExpression(destinationExpression);
	}

	/**
	 * Compute the destination of each message with a SpEL expression evaluated against
	 * the message, such as {@code headers['ip_packetAddress']}.
	 * @param destinationExpression the SpEL expression
	 */
	public void setDestinationExpressionString(String destinationExpression) {
		this.sendSupport.setDestinationExpressionString(destinationExpression);
	}

	/**
	 * Compute the destination of each message with a function.
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
	 * Set whether every message must go through a SOCKS5 server: when {@code true}, a
	 * message whose destination the registry sends directly ({@code NONE}) fails with a
	 * {@link io.socks5udp.core.protocol.Socks5NoServerException} ({@code S5_ENOSERV})
	 * instead of going out as plain UDP. Default {@code false}.
	 * @param requireServer whether a server is required
	 */
	public void setRequireServer(boolean requireServer) {
		this.sendSupport.setRequireServer(requireServer);
	}

	@Override
	public String getComponentType() {
		return "socks5udp:outbound-channel-adapter";
	}

	@Override
	protected void onInit() {
		super.onInit();
		this.sendSupport.init(getBeanFactory());
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	protected void handleMessageInternal(Message<?> message) {
		if (!this.running) {
			throw new MessageDeliveryException(message, "Datagram not sent: " + this + " is not running");
		}
		Socks5Address destination = destination(message);
		try {
			this.sendSupport.checkRoute(this.template, destination);
			if (message.getPayload() instanceof ByteBuffer buffer) {
				this.template.send(destination, buffer.duplicate());
			}
			else {
				this.template.send(destination, this.sendSupport.payload(message));
			}
		}
		catch (Exception ex) {
			throw new MessageHandlingException(message,
					"Failed to send a datagram to " + destination + " in the [" + this + "]", ex);
		}
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

}
