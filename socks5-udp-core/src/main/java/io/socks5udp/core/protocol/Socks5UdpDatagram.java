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
package io.socks5udp.core.protocol;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A datagram received through a relay: the address it came from (the relay's DST fields)
 * and its payload, without the SOCKS5 header.
 *
 * @param address the source address as the relay reported it
 * @param payload the payload, from its position to its limit
 * @author socks5-udp authors
 */
public record Socks5UdpDatagram(Socks5Address address, ByteBuffer payload) {

	/**
	 * Create a datagram.
	 * @param address the source address
	 * @param payload the payload
	 */
	public Socks5UdpDatagram {
		Objects.requireNonNull(address, "'address' must not be null");
		Objects.requireNonNull(payload, "'payload' must not be null");
	}

}
