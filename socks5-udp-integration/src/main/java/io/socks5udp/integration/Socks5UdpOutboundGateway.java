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

import java.time.Duration;
import java.util.concurrent.CompletionException;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.template.Socks5UdpOperations;
import io.socks5udp.template.Socks5UdpReplyTimeoutException;
import io.socks5udp.template.Socks5UdpReply;

import org.springframework.integration.MessageTimeoutException;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.MessagingException;
import org.springframework.util.Assert;

/**
 * Outbound gateway for request/reply protocols such as DNS: sends the payload of each
 * request message as one datagram through a {@link Socks5UdpOperations} and waits, up to
 * the reply timeout, for the first datagram back from the same destination through the
 * same server. The reply is a {@code Message<byte[]>} with the same headers as the
 * messages of a {@link Socks5UdpInboundChannelAdapter}, naming the relay that carried it;
 * the request's headers are copied where the reply has none of its own.
 * <p>
 * The destination and the payload types are those of the
 * {@link Socks5UdpOutboundChannelAdapter}. A missing reply fails with a
 * {@link MessageTimeoutException} whose cause is the template's
 * {@link Socks5UdpReplyTimeoutException}; other failures with a
 * {@link MessageHandlingException} whose cause is the template's exception.
 * <p>
 * In {@link #setAsync(boolean) async} mode the gateway does not hold the calling thread
 * while it waits: the reply, or the failure for the error channel, is sent on the thread
 * that receives the reply (or on which the timeout fires), so a flow whose downstream
 * blocks should hand the reply to an executor channel.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpOutboundGateway extends AbstractSocks5UdpOutboundHandler {

	/**
	 * Default time to wait for a reply.
	 */
	public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(5);

	private Duration replyTimeout = DEFAULT_REPLY_TIMEOUT;

	/**
	 * Create a gateway; set the destination before use.
	 * @param template the template that sends the requests and receives the replies: a
	 * {@link io.socks5udp.template.Socks5UdpTemplate}, or any other operations
	 */
	public Socks5UdpOutboundGateway(Socks5UdpOperations template) {
		super(template);
	}

	/**
	 * Create a gateway that sends every request to one destination.
	 * @param template the template that sends the requests and receives the replies
	 * @param host the destination host: an IP literal, or a host name that the server
	 * resolves
	 * @param port the destination port
	 */
	public Socks5UdpOutboundGateway(Socks5UdpOperations template, String host, int port) {
		this(template);
		setDestination(host, port);
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
	protected Object handleRequestMessage(Message<?> requestMessage) {
		Socks5Address destination = destination(requestMessage);
		try {
			byte[] payload = payload(requestMessage);
			if (isAsync()) {
				return getTemplate().requestAsync(destination, payload, this.replyTimeout, getRoutePolicy())
					.handle((reply, failure) -> {
						if (failure != null) {
							throw new CompletionException(failure(requestMessage, destination, failure));
						}
						return toMessage(reply);
					});
			}
			return toMessage(getTemplate().request(destination, payload, this.replyTimeout, getRoutePolicy()));
		}
		catch (RuntimeException ex) {
			throw failure(requestMessage, destination, ex);
		}
	}

	private Message<byte[]> toMessage(Socks5UdpReply reply) {
		return Socks5UdpInboundMessages.toMessage(getMessageBuilderFactory(), reply.datagram().address(),
				reply.datagram().payload(), reply.route());
	}

	private MessagingException failure(Message<?> requestMessage, Socks5Address destination, Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (cause instanceof Socks5UdpReplyTimeoutException timeout) {
			return new MessageTimeoutException(requestMessage, timeout.getMessage() + " in the [" + this + "]",
					timeout);
		}
		return new MessageHandlingException(requestMessage,
				"Failed to send a request to " + destination + " in the [" + this + "]", cause);
	}

}
