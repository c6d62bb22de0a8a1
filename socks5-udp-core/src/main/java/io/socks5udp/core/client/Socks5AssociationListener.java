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

import java.nio.ByteBuffer;

import io.socks5udp.core.protocol.Socks5Address;
import org.jspecify.annotations.Nullable;

/**
 * Receives the datagrams that arrive through an association's relay, on the association's
 * receive loop thread.
 *
 * @author socks5-udp authors
 * @see Socks5UdpAssociation#startReceiving(Socks5AssociationListener)
 */
@FunctionalInterface
public interface Socks5AssociationListener {

	/**
	 * Handle a datagram. The payload buffer is reused for the next datagram: it is valid
	 * only during this call, so copy what must be kept. An exception or error thrown here
	 * is logged and the receive loop goes on, unless it is
	 * {@link Socks5ListenerFailures#isFatal(Throwable) fatal}: then the association ends.
	 * @param source the address the datagram came from, as the relay reported it
	 * @param payload the payload without the SOCKS5 header, from the buffer's position to
	 * its limit (the position is not 0: the header lies before it)
	 */
	void onDatagram(Socks5Address source, ByteBuffer payload);

	/**
	 * Learn that a datagram was dropped and counted instead of delivered: malformed, a
	 * fragment, or from a source other than the relay. Called on the receive loop thread;
	 * does nothing by default.
	 * @param reason why it was dropped
	 * @param source where it came from when known: the sender of a foreign datagram;
	 * {@code null} for a datagram whose header could not be decoded
	 */
	default void onDrop(Socks5DropReason reason, @Nullable Socks5Address source) {
	}

}
