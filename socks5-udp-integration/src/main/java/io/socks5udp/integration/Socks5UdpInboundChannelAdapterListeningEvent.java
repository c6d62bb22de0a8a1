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

import java.util.List;

import org.springframework.integration.ip.event.IpIntegrationEvent;

/**
 * Published by a {@link Socks5UdpInboundChannelAdapter} once it is registered with the
 * template and can receive datagrams, the counterpart of the ip module's
 * {@code UdpServerListeningEvent}: wait for it rather than for a fixed time before
 * sending datagrams that the adapter should see.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpInboundChannelAdapterListeningEvent extends IpIntegrationEvent {

	private static final long serialVersionUID = 1L;

	private final transient List<String> serverNames;

	/**
	 * Create an event.
	 * @param adapter the adapter that can now receive
	 * @param serverNames the servers the adapter receives from, empty for all of them
	 */
	public Socks5UdpInboundChannelAdapterListeningEvent(Socks5UdpInboundChannelAdapter adapter,
			List<String> serverNames) {
		super(adapter);
		this.serverNames = List.copyOf(serverNames);
	}

	/**
	 * Return the names of the servers whose datagrams the adapter receives.
	 * @return the server names, empty when the adapter receives from every server
	 */
	public List<String> getServerNames() {
		return this.serverNames;
	}

}
