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

import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import org.jspecify.annotations.Nullable;

/**
 * The requests of {@code sendAndReceive} that wait for their reply. A datagram answers a
 * request when it arrives on the same server's route from the request's destination; the
 * first such datagram wins and is not passed to listeners. The reply keeps the route it
 * came through.
 * <p>
 * Relays usually report the source of a reply as an address even when the request named a
 * domain. Such a request is answered only from an address the name resolves to here
 * ({@link InetAddress#getAllByName(String)}, looked up when the request is registered and
 * cached as the JDK caches names), or from the same name if the relay reports names; a
 * name that does not resolve here is answered by the same name only. Any other source on
 * the destination's port is not the reply and goes to the listeners. On the direct route
 * the name was resolved to send, and the reply must come from that address.
 *
 * @author socks5-udp authors
 */
final class PendingReplies {

	private static final InetAddress[] NONE = new InetAddress[0];

	private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();

	private final HostResolver resolver;

	PendingReplies() {
		this(InetAddress::getAllByName);
	}

	PendingReplies(HostResolver resolver) {
		this.resolver = resolver;
	}

	/**
	 * Register a request before it is sent.
	 * @param serverName the server its route names, or
	 * {@value Socks5UdpRoute#DIRECT_NAME}
	 * @param destination where it goes
	 * @param resolved the address a domain destination was sent to directly, or
	 * {@code null} to resolve the name here
	 * @return the request
	 */
	Pending register(String serverName, Socks5Address destination, @Nullable InetSocketAddress resolved) {
		Pending request = new Pending(serverName, destination, replyAddresses(destination, resolved));
		this.pending.add(request);
		// However the reply ends (answered, timed out, cancelled by its caller), the
		// entry goes: a cancelled request neither stays nor takes a later datagram
		request.reply.whenComplete((reply, failure) -> this.pending.remove(request));
		return request;
	}

	private InetAddress[] replyAddresses(Socks5Address destination, @Nullable InetSocketAddress resolved) {
		if (!destination.isDomain()) {
			return NONE;
		}
		if (resolved != null) {
			return new InetAddress[] { resolved.getAddress() };
		}
		try {
			return this.resolver.addresses(destination.host());
		}
		catch (UnknownHostException | SecurityException ex) {
			// Then only a reply from the same name can be told from a stranger's
			return NONE;
		}
	}

	void remove(Pending request) {
		this.pending.remove(request);
	}

	int size() {
		return this.pending.size();
	}

	/**
	 * Wait for the reply to a request that was sent, then forget the request.
	 * @param request the request
	 * @param route the route it went out on
	 * @param timeout how long to wait
	 * @return the reply, with the route it came through
	 * @throws Socks5UdpReplyTimeoutException if none came in time
	 */
	Socks5UdpReply await(Pending request, Socks5UdpRoute route, Duration timeout) {
		try {
			return request.reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new Socks5UdpReplyTimeoutException(request.destination, route, timeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Socks5UdpException("Interrupted while waiting for a reply from " + request.destination,
					new InterruptedIOException("Interrupted"));
		}
		catch (ExecutionException ex) {
			throw new Socks5UdpException("No reply from " + request.destination,
					new Socks5AssociationClosedException("Request abandoned", ex.getCause()));
		}
		finally {
			remove(request);
		}
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
				if (request.reply.complete(new Socks5UdpReply(new Socks5UdpDatagram(source, copy), route))) {
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

		private final InetAddress[] addresses;

		private final CompletableFuture<Socks5UdpReply> reply = new CompletableFuture<>();

		private Pending(String serverName, Socks5Address destination, InetAddress[] addresses) {
			this.serverName = serverName;
			this.destination = destination;
			this.addresses = addresses;
		}

		CompletableFuture<Socks5UdpReply> reply() {
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
			InetAddress address = source.inetAddress();
			for (InetAddress candidate : this.addresses) {
				if (candidate.equals(address)) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * Resolves a host name to its addresses; {@link InetAddress#getAllByName(String)}
	 * outside tests.
	 */
	@FunctionalInterface
	interface HostResolver {

		InetAddress[] addresses(String host) throws UnknownHostException;

	}

}
