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

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import org.jspecify.annotations.Nullable;

/**
 * The requests of {@code sendAndReceive} that wait for their reply. A datagram answers a
 * request when it arrives on the same server's route from the request's destination; the
 * first such datagram wins and is not passed to listeners.
 * <p>
 * Relays usually report the source of a reply as an address even when the request named a
 * domain. The name is not resolved locally to compare (that would leak it to the local
 * resolver, which SOCKS users often avoid on purpose): such a request is answered by the
 * first datagram from the destination's port on that server's route. On the direct route
 * the name was resolved to send, and the reply must come from that address.
 *
 * @author socks5-udp authors
 */
final class PendingReplies {

	private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();

	Pending register(String serverName, Socks5Address destination, @Nullable InetSocketAddress resolved) {
		Pending request = new Pending(serverName, destination, resolved);
		this.pending.add(request);
		return request;
	}

	void remove(Pending request) {
		this.pending.remove(request);
	}

	/**
	 * Offer a received datagram to the waiting requests.
	 * @param source the datagram's source
	 * @param payload the payload, valid during this call only
	 * @param route the route it came through
	 * @return whether a request took the datagram
	 */
	boolean offer(Socks5Address source, ByteBuffer payload, Socks5UdpRoute route) {
		if (this.pending.isEmpty()) {
			return false;
		}
		for (Pending request : this.pending) {
			if (request.matches(source, route)) {
				ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
				copy.put(payload.duplicate()).flip();
				if (request.reply.complete(new Socks5UdpDatagram(source, copy))) {
					this.pending.remove(request);
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * A request waiting for its reply.
	 */
	static final class Pending {

		private final String serverName;

		private final Socks5Address destination;

		private final @Nullable InetSocketAddress resolved;

		private final CompletableFuture<Socks5UdpDatagram> reply = new CompletableFuture<>();

		private Pending(String serverName, Socks5Address destination, @Nullable InetSocketAddress resolved) {
			this.serverName = serverName;
			this.destination = destination;
			this.resolved = resolved;
		}

		CompletableFuture<Socks5UdpDatagram> reply() {
			return this.reply;
		}

		private boolean matches(Socks5Address source, Socks5UdpRoute route) {
			if (!this.serverName.equals(route.serverName()) || source.port() != this.destination.port()) {
				return false;
			}
			if (!this.destination.isDomain()) {
				return this.destination.equals(source);
			}
			if (source.isDomain()) {
				return source.host().equalsIgnoreCase(this.destination.host());
			}
			return (this.resolved == null) || this.resolved.getAddress().equals(source.inetAddress());
		}

	}

}
