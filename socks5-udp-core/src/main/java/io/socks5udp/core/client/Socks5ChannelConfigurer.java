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
package io.socks5udp.core.client;

import java.io.IOException;
import java.nio.channels.DatagramChannel;

/**
 * Configures the UDP channel of an association (socket options such as receive buffer
 * size or traffic class), once it is bound and before it is connected to the relay.
 *
 * @author socks5-udp authors
 * @see Socks5AssociationOptionsBuilder#channelConfigurer(Socks5ChannelConfigurer)
 */
@FunctionalInterface
public interface Socks5ChannelConfigurer {

	/**
	 * Configure the channel.
	 * @param channel the association's UDP channel, bound; the association puts it in
	 * non-blocking mode afterwards, whatever mode the configurer leaves
	 * @throws IOException if an option cannot be set; the association then fails to open
	 */
	void configure(DatagramChannel channel) throws IOException;

}
