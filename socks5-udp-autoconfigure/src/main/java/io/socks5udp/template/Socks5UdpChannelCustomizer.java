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
 * Callback to customize the UDP channel of the direct route (socket options such as
 * buffer sizes, or binding it to a chosen local address) before the template binds it. A
 * channel the customizer binds is left as bound; an unbound one is bound to an ephemeral
 * port on the wildcard address.
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
