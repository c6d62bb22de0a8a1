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

import io.socks5udp.template.Socks5UdpOperations;

/**
 * Java DSL spec of a {@link Socks5UdpOutboundGateway}, made by
 * {@link Socks5Udp#outboundGateway(Socks5UdpOperations)} and its variants. For replies
 * that do not hold the sending thread, set the endpoint async:
 * {@code .handle(Socks5Udp.outboundGateway(template, host, port), (e) -> e.async(true))}.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpOutboundGatewaySpec
		extends AbstractSocks5UdpOutboundSpec<Socks5UdpOutboundGatewaySpec, Socks5UdpOutboundGateway> {

	/**
	 * Create a spec; a destination must be set before use.
	 * @param template the template that sends the requests and receives the replies
	 */
	protected Socks5UdpOutboundGatewaySpec(Socks5UdpOperations template) {
		super(new Socks5UdpOutboundGateway(template));
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
