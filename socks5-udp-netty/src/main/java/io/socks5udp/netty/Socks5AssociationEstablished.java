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
package io.socks5udp.netty;

import java.net.InetSocketAddress;
import java.util.Objects;

import io.socks5udp.core.protocol.Socks5Address;

/**
 * User event fired through a channel's pipeline by {@link Socks5DatagramHandler} each
 * time the server grants an association: datagrams written from now on go to this relay.
 *
 * @param relay the relay address datagrams are sent to
 * @param bound BND.ADDR and BND.PORT as the server replied
 * @param generation 1 for the channel's first association, 2 for the next one, and so on
 * @author socks5-udp authors
 */
public record Socks5AssociationEstablished(InetSocketAddress relay, Socks5Address bound, int generation) {

	/**
	 * Create the event, checking its arguments.
	 * @param relay the relay address
	 * @param bound BND as replied
	 * @param generation the association's number on this channel, from 1
	 */
	public Socks5AssociationEstablished {
		Objects.requireNonNull(relay, "'relay' must not be null");
		Objects.requireNonNull(bound, "'bound' must not be null");
		if (generation < 1) {
			throw new IllegalArgumentException("generation: " + generation + " (expected: >= 1)");
		}
	}

}
