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

import io.socks5udp.template.Socks5UdpOperations;

/**
 * Java DSL spec of an {@link Socks5UdpOutboundChannelAdapter}, made by
 * {@link Socks5Udp#outboundAdapter(Socks5UdpOperations)} and its variants.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpOutboundChannelAdapterSpec
		extends AbstractSocks5UdpOutboundSpec<Socks5UdpOutboundChannelAdapterSpec, Socks5UdpOutboundChannelAdapter> {

	/**
	 * Create a spec; a destination must be set before use.
	 * @param template the template that sends the datagrams
	 */
	protected Socks5UdpOutboundChannelAdapterSpec(Socks5UdpOperations template) {
		super(new Socks5UdpOutboundChannelAdapter(template));
	}

}
