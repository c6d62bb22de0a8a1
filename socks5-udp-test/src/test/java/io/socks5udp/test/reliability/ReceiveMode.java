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
package io.socks5udp.test.reliability;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpDatagram;

/**
 * The ways of receiving from an association: polling with
 * {@link Socks5UdpAssociation#receive(Duration)} or into the caller's buffer with
 * {@link Socks5UdpAssociation#receive(ByteBuffer, Duration)}, and a receive loop handing
 * datagrams to a listener. Each has its own code path for drops, so failure tests run
 * against each.
 *
 * @author socks5-udp authors
 */
enum ReceiveMode {

	/** {@link Socks5UdpAssociation#receive(Duration)}. */
	POLL {

		@Override
		Receiver attach(Socks5UdpAssociation association) {
			return association::receive;
		}

	},

	/**
	 * {@link Socks5UdpAssociation#receive(ByteBuffer, Duration)}, into one buffer reused.
	 */
	POLL_INTO {

		@Override
		Receiver attach(Socks5UdpAssociation association) {
			ByteBuffer into = ByteBuffer.allocate(65536);
			return (timeout) -> {
				Socks5Address source = association.receive(into.clear(), timeout);
				return (source != null)
						? new Socks5UdpDatagram(source, ByteBuffer.allocate(into.position()).put(into.flip()).flip())
						: null;
			};
		}

	},

	/**
	 * {@link Socks5UdpAssociation#startReceiving}, the listener copying each datagram.
	 */
	LISTENER {

		@Override
		Receiver attach(Socks5UdpAssociation association) {
			BlockingQueue<Socks5UdpDatagram> received = new LinkedBlockingQueue<>();
			association.startReceiving((source, payload) -> received
				.add(new Socks5UdpDatagram(source, ByteBuffer.allocate(payload.remaining()).put(payload).flip())));
			return (timeout) -> {
				try {
					return received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException("interrupted", ex);
				}
			};
		}

	};

	/**
	 * Start receiving from an association in this mode.
	 * @param association the association
	 * @return what gives the datagrams received
	 */
	abstract Receiver attach(Socks5UdpAssociation association);

	/**
	 * Gives the datagrams an association received.
	 */
	@FunctionalInterface
	interface Receiver {

		/**
		 * Return the next datagram.
		 * @param timeout how long to wait
		 * @return the datagram, or {@code null} on timeout
		 * @throws IOException if receiving fails
		 */
		Socks5UdpDatagram next(Duration timeout) throws IOException;

	}

}
