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

import java.util.concurrent.Executor;

import io.socks5udp.template.Socks5UdpOperations;

import org.springframework.integration.dsl.MessageProducerSpec;

/**
 * Java DSL spec of a {@link Socks5UdpInboundChannelAdapter}, made by
 * {@link Socks5Udp#inboundAdapter(Socks5UdpOperations)}.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpInboundChannelAdapterSpec
		extends MessageProducerSpec<Socks5UdpInboundChannelAdapterSpec, Socks5UdpInboundChannelAdapter> {

	/**
	 * Create a spec of an adapter for a template's datagrams.
	 * @param template the template
	 */
	protected Socks5UdpInboundChannelAdapterSpec(Socks5UdpOperations template) {
		super(new Socks5UdpInboundChannelAdapter(template));
	}

	/**
	 * Receive only the datagrams relayed by these servers.
	 * @param serverNames the logical server names, {@code DIRECT} for the direct route
	 * @return the spec
	 * @see Socks5UdpInboundChannelAdapter#setServerNames(String...)
	 */
	public Socks5UdpInboundChannelAdapterSpec serverNames(String... serverNames) {
		this.target.setServerNames(serverNames);
		return this;
	}

	/**
	 * Send the messages on this executor instead of the template's receive thread.
	 * @param taskExecutor the executor
	 * @return the spec
	 * @see Socks5UdpInboundChannelAdapter#setTaskExecutor(Executor)
	 */
	public Socks5UdpInboundChannelAdapterSpec taskExecutor(Executor taskExecutor) {
		this.target.setTaskExecutor(taskExecutor);
		return this;
	}

}
