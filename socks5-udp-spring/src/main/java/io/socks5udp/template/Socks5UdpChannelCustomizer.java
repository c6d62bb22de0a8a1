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

import java.io.IOException;
import java.nio.channels.DatagramChannel;

/**
 * Callback to customize the template's UDP channels with socket options such as buffer
 * sizes or traffic class: the channel of the direct route before the template binds it,
 * and the channel of every association with a SOCKS5 server once it is bound (to the
 * control connection's local address) and before it is connected to the relay.
 * <p>
 * The direct route's channel may also be bound here, to a chosen local address: a channel
 * the customizer binds is left as bound, an unbound one is bound to an ephemeral port on
 * the wildcard address. An association's channel is already bound
 * ({@code channel.getLocalAddress() != null}); binding it again fails the association.
 *
 * @author socks5-udp authors
 */
@FunctionalInterface
public interface Socks5UdpChannelCustomizer {

	/**
	 * Customize the channel.
	 * @param channel the channel, open and in blocking mode
	 * @throws IOException if a socket option cannot be set
	 */
	void customize(DatagramChannel channel) throws IOException;

}
