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

import java.util.function.Function;

import io.socks5udp.template.Socks5UdpOperations;

import org.springframework.messaging.Message;

/**
 * Java DSL factory of the SOCKS5 UDP endpoints, shaped like the ip module's {@code Udp}:
 * a flow that used {@code Udp.outboundAdapter("host", port)} sends through the SOCKS5
 * servers of a template with {@code Socks5Udp.outboundAdapter(template, "host", port)}.
 *
 * @author socks5-udp authors
 */
public final class Socks5Udp {

	private Socks5Udp() {
	}

	/**
	 * Create an inbound channel adapter for the datagrams that arrive through any route
	 * of a template.
	 * @param template the template
	 * @return the spec
	 */
	public static Socks5UdpInboundChannelAdapterSpec inboundAdapter(Socks5UdpOperations template) {
		return new Socks5UdpInboundChannelAdapterSpec(template);
	}

	/**
	 * Create an outbound channel adapter; set its destination on the spec.
	 * @param template the template
	 * @return the spec
	 */
	public static Socks5UdpOutboundChannelAdapterSpec outboundAdapter(Socks5UdpOperations template) {
		return new Socks5UdpOutboundChannelAdapterSpec(template);
	}

	/**
	 * Create an outbound channel adapter that sends to one destination.
	 * @param template the template
	 * @param host the destination host
	 * @param port the destination port
	 * @return the spec
	 */
	public static Socks5UdpOutboundChannelAdapterSpec outboundAdapter(Socks5UdpOperations template, String host,
			int port) {
		return outboundAdapter(template).destination(host, port);
	}

	/**
	 * Create an outbound channel adapter whose destination a SpEL expression computes
	 * from each message.
	 * @param template the template
	 * @param destinationExpression the SpEL expression
	 * @return the spec
	 */
	public static Socks5UdpOutboundChannelAdapterSpec outboundAdapter(Socks5UdpOperations template,
			String destinationExpression) {
		return outboundAdapter(template).destinationExpression(destinationExpression);
	}

	/**
	 * Create an outbound channel adapter whose destination a function computes from each
	 * message.
	 * @param template the template
	 * @param destinationFunction the function
	 * @return the spec
	 */
	public static Socks5UdpOutboundChannelAdapterSpec outboundAdapter(Socks5UdpOperations template,
			Function<Message<?>, ?> destinationFunction) {
		return outboundAdapter(template).destination(destinationFunction);
	}

	/**
	 * Create an outbound gateway; set its destination on the spec.
	 * @param template the template
	 * @return the spec
	 */
	public static Socks5UdpOutboundGatewaySpec outboundGateway(Socks5UdpOperations template) {
		return new Socks5UdpOutboundGatewaySpec(template);
	}

	/**
	 * Create an outbound gateway that sends requests to one destination.
	 * @param template the template
	 * @param host the destination host
	 * @param port the destination port
	 * @return the spec
	 */
	public static Socks5UdpOutboundGatewaySpec outboundGateway(Socks5UdpOperations template, String host, int port) {
		return outboundGateway(template).destination(host, port);
	}

	/**
	 * Create an outbound gateway whose destination a SpEL expression computes from each
	 * request.
	 * @param template the template
	 * @param destinationExpression the SpEL expression
	 * @return the spec
	 */
	public static Socks5UdpOutboundGatewaySpec outboundGateway(Socks5UdpOperations template,
			String destinationExpression) {
		return outboundGateway(template).destinationExpression(destinationExpression);
	}

	/**
	 * Create an outbound gateway whose destination a function computes from each request.
	 * @param template the template
	 * @param destinationFunction the function
	 * @return the spec
	 */
	public static Socks5UdpOutboundGatewaySpec outboundGateway(Socks5UdpOperations template,
			Function<Message<?>, ?> destinationFunction) {
		return outboundGateway(template).destination(destinationFunction);
	}

}
