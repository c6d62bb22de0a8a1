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

package io.socks5udp.template;

import java.net.SocketTimeoutException;
import java.time.Duration;

import io.socks5udp.core.protocol.Socks5Address;

/**
 * Thrown by {@link Socks5UdpTemplate#sendAndReceive(Socks5Address, byte[], Duration)}
 * when no reply arrives in time; the cause is a {@link SocketTimeoutException}.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpReplyTimeoutException extends Socks5UdpException {

	private static final long serialVersionUID = 1L;

	private final transient Socks5Address destination;

	private final Duration timeout;

	/**
	 * Create an exception.
	 * @param destination the destination that did not reply
	 * @param route the route the request took
	 * @param timeout how long the template waited
	 */
	public Socks5UdpReplyTimeoutException(Socks5Address destination, Socks5UdpRoute route, Duration timeout) {
		super("No reply from " + destination + " via " + route.describe() + " within " + timeout.toMillis() + " ms",
				new SocketTimeoutException("Timed out after " + timeout.toMillis() + " ms"));
		this.destination = destination;
		this.timeout = timeout;
	}

	/**
	 * Return the destination that did not reply.
	 * @return the destination
	 */
	public Socks5Address destination() {
		return this.destination;
	}

	/**
	 * Return how long the template waited for the reply.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

}
