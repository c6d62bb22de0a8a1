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

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.template.Socks5UdpOperations;

import org.jspecify.annotations.Nullable;
import org.springframework.integration.support.management.ManageableLifecycle;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.MessagingException;

/**
 * Outbound channel adapter: sends the payload of each message ({@code byte[]},
 * {@link ByteBuffer}, or a {@link String} in the configured charset) as one datagram
 * through a {@link Socks5UdpOperations}, whose registry chooses the server (or none) for
 * the destination. The SOCKS5 counterpart of the ip module's
 * {@code UnicastSendingMessageHandler}.
 * <p>
 * The destination is fixed, or computed from each message by an expression or a function
 * (see {@link AbstractSocks5UdpOutboundHandler}). Failures (no server when one is
 * {@link #setRequireServer(boolean) required}, the server's reply codes, an association
 * that is down) become {@link MessagingException}s whose cause is the template's
 * exception, so that they reach the flow's error channel. It produces no reply.
 * <p>
 * Sends are refused while the adapter is stopped; the endpoint that consumes its input
 * channel starts and stops it.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpOutboundChannelAdapter extends AbstractSocks5UdpOutboundHandler implements ManageableLifecycle {

	private volatile boolean running;

	/**
	 * Create an adapter; set the destination before use.
	 * @param template the template that sends the datagrams: a
	 * {@link io.socks5udp.template.Socks5UdpTemplate}, or any other operations
	 */
	public Socks5UdpOutboundChannelAdapter(Socks5UdpOperations template) {
		super(template);
		setRequiresReply(false);
	}

	/**
	 * Create an adapter that sends every message to one destination.
	 * @param template the template that sends the datagrams
	 * @param host the destination host: an IP literal, or a host name that the server
	 * resolves
	 * @param port the destination port
	 */
	public Socks5UdpOutboundChannelAdapter(Socks5UdpOperations template, String host, int port) {
		this(template);
		setDestination(host, port);
	}

	@Override
	public String getComponentType() {
		return "socks5udp:outbound-channel-adapter";
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
	protected @Nullable Object handleRequestMessage(Message<?> message) {
		if (!this.running) {
			throw new MessageDeliveryException(message, "Datagram not sent: " + this + " is not running");
		}
		Socks5Address destination = destination(message);
		try {
			ByteBuffer payload = (message.getPayload() instanceof ByteBuffer buffer) ? buffer.duplicate()
					: ByteBuffer.wrap(payload(message));
			getTemplate().send(destination, payload, getRoutePolicy());
		}
		catch (RuntimeException ex) {
			throw new MessageHandlingException(message,
					"Failed to send a datagram to " + destination + " in the [" + this + "]", ex);
		}
		return null;
	}

}
