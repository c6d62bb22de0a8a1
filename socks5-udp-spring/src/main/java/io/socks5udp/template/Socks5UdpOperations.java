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
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpDatagram;

/**
 * The operations of a {@link Socks5UdpTemplate}: send datagrams, send a request and wait
 * for its reply, and listen to what arrives, each through the SOCKS5 server that the
 * registry chooses for the destination, or directly. Code that sends and receives depends
 * on this interface, so that it can be mocked or decorated; the template adds the
 * lifecycle and the view of its associations.
 *
 * @author socks5-udp authors
 * @see Socks5UdpTemplate
 */
public interface Socks5UdpOperations {

	/**
	 * Send a datagram.
	 * @param host the destination host: an IP literal or a host name (resolved by the
	 * server, or locally on the direct route)
	 * @param port the destination port
	 * @param payload the payload
	 * @return the route the datagram took
	 * @throws Socks5UdpServerUnavailableException if the server's association is down
	 * @throws Socks5UdpException if the datagram cannot be sent
	 * @throws io.socks5udp.core.protocol.Socks5PayloadTooLargeException if the payload
	 * does not fit in one datagram to the destination
	 */
	Socks5UdpRoute send(String host, int port, byte[] payload);

	/**
	 * Send a datagram; the payload is the buffer's remaining bytes.
	 * @param host the destination host: an IP literal or a host name
	 * @param port the destination port
	 * @param payload the payload
	 * @return the route the datagram took
	 * @throws Socks5UdpServerUnavailableException if the server's association is down
	 * @throws Socks5UdpException if the datagram cannot be sent
	 */
	Socks5UdpRoute send(String host, int port, ByteBuffer payload);

	/**
	 * Send a datagram. An unresolved address travels as a domain name.
	 * @param destination the destination
	 * @param payload the payload
	 * @return the route the datagram took
	 * @throws Socks5UdpServerUnavailableException if the server's association is down
	 * @throws Socks5UdpException if the datagram cannot be sent
	 */
	Socks5UdpRoute send(InetSocketAddress destination, byte[] payload);

	/**
	 * Send a datagram; the payload is the buffer's remaining bytes. An unresolved address
	 * travels as a domain name.
	 * @param destination the destination
	 * @param payload the payload
	 * @return the route the datagram took
	 * @throws Socks5UdpServerUnavailableException if the server's association is down
	 * @throws Socks5UdpException if the datagram cannot be sent
	 */
	Socks5UdpRoute send(InetSocketAddress destination, ByteBuffer payload);

	/**
	 * Send a datagram.
	 * @param destination the destination
	 * @param payload the payload
	 * @return the route the datagram took
	 * @throws Socks5UdpServerUnavailableException if the server's association is down
	 * @throws Socks5UdpException if the datagram cannot be sent
	 */
	Socks5UdpRoute send(Socks5Address destination, byte[] payload);

	/**
	 * Send a datagram whose payload is part of an array.
	 * @param destination the destination
	 * @param payload the array holding the payload
	 * @param offset where the payload starts
	 * @param length the payload's length
	 * @return the route the datagram took
	 * @throws Socks5UdpServerUnavailableException if the server's association is down
	 * @throws Socks5UdpException if the datagram cannot be sent
	 */
	Socks5UdpRoute send(Socks5Address destination, byte[] payload, int offset, int length);

	/**
	 * Send a datagram; the payload is the buffer's remaining bytes and the buffer's
	 * position moves to its limit once sent. A direct buffer avoids a copy on the direct
	 * route.
	 * @param destination the destination
	 * @param payload the payload
	 * @return the route the datagram took
	 * @throws Socks5UdpServerUnavailableException if the server's association is down
	 * @throws Socks5UdpException if the datagram cannot be sent
	 */
	Socks5UdpRoute send(Socks5Address destination, ByteBuffer payload);

	/**
	 * Send a request and wait for its reply, for request/reply protocols such as DNS.
	 * @param host the destination host: an IP literal or a host name
	 * @param port the destination port
	 * @param payload the request
	 * @param timeout how long to wait for the reply
	 * @return the reply: its source and a fresh copy of its payload
	 * @throws Socks5UdpReplyTimeoutException if no reply arrives in time
	 * @throws Socks5UdpServerUnavailableException if the server's association is down
	 * @throws Socks5UdpException if the request cannot be sent
	 * @see #sendAndReceive(Socks5Address, byte[], Duration)
	 */
	Socks5UdpDatagram sendAndReceive(String host, int port, byte[] payload, Duration timeout);

	/**
	 * Send a request and wait for its reply, for request/reply protocols such as DNS. An
	 * unresolved address travels as a domain name.
	 * @param destination the destination
	 * @param payload the request
	 * @param timeout how long to wait for the reply
	 * @return the reply: its source and a fresh copy of its payload
	 * @throws Socks5UdpReplyTimeoutException if no reply arrives in time
	 * @throws Socks5UdpServerUnavailableException if the server's association is down
	 * @throws Socks5UdpException if the request cannot be sent
	 * @see #sendAndReceive(Socks5Address, byte[], Duration)
	 */
	Socks5UdpDatagram sendAndReceive(InetSocketAddress destination, byte[] payload, Duration timeout);

	/**
	 * Send a request and wait for its reply, for request/reply protocols such as DNS.
	 * <p>
	 * The reply is the first datagram that arrives through the same route from the
	 * destination; it is not passed to listeners. When the destination is a host name and
	 * the relay reports replies by address, a datagram from the destination's port
	 * answers only if its address is one the name resolves to locally (so the name is
	 * looked up locally as well, through the JDK's cache); if the name does not resolve
	 * locally, only a reply reported by the same name answers. Concurrent requests to one
	 * destination should carry their own identifiers, as DNS queries do.
	 * @param destination the destination
	 * @param payload the request
	 * @param timeout how long to wait for the reply
	 * @return the reply: its source and a fresh copy of its payload
	 * @throws Socks5UdpReplyTimeoutException if no reply arrives in time
	 * @throws Socks5UdpServerUnavailableException if the server's association is down
	 * @throws Socks5UdpException if the request cannot be sent
	 */
	Socks5UdpDatagram sendAndReceive(Socks5Address destination, byte[] payload, Duration timeout);

	/**
	 * Send a datagram through the route that the registry chooses, if the policy allows
	 * that route: the one lookup that chooses the route also enforces the policy. The
	 * payload is the buffer's remaining bytes; the buffer's position moves to its limit
	 * once sent.
	 * @param destination the destination
	 * @param payload the payload
	 * @param policy which routes the datagram may take
	 * @return the route the datagram took
	 * @throws Socks5UdpException if the datagram cannot be sent, with a
	 * {@link io.socks5udp.core.protocol.Socks5NoServerException} cause
	 * ({@code S5_ENOSERV}) when the policy requires a server and the registry sends the
	 * destination directly
	 * @throws Socks5UdpServerUnavailableException if the server's association is down
	 */
	Socks5UdpRoute send(Socks5Address destination, ByteBuffer payload, Socks5UdpRoutePolicy policy);

	/**
	 * Send a request and wait for its reply, as
	 * {@link #sendAndReceive(Socks5Address, byte[], Duration)} does, with one registry
	 * lookup that also enforces the policy; the reply tells the route that carried it.
	 * @param destination the destination
	 * @param payload the request
	 * @param timeout how long to wait for the reply
	 * @param policy which routes the request may take
	 * @return the reply and the route it came through
	 * @throws Socks5UdpReplyTimeoutException if no reply arrives in time
	 * @throws Socks5UdpServerUnavailableException if the server's association is down
	 * @throws Socks5UdpException if the request cannot be sent, with a
	 * {@link io.socks5udp.core.protocol.Socks5NoServerException} cause when the policy
	 * requires a server and the registry sends the destination directly
	 */
	Socks5UdpReply request(Socks5Address destination, byte[] payload, Duration timeout, Socks5UdpRoutePolicy policy);

	/**
	 * Send a request and return at once a future of its reply, matched as
	 * {@link #sendAndReceive(Socks5Address, byte[], Duration)} matches it.
	 * <p>
	 * The request leaves on the calling thread, which waits as the outage policy says
	 * while the server's association is down. The future completes on the receive thread
	 * of the route the reply came through, so dependent stages that block belong on an
	 * executor of their own. It fails with a {@link Socks5UdpReplyTimeoutException} when
	 * no reply arrives in time, and with the exceptions of
	 * {@link #request(Socks5Address, byte[], Duration, Socks5UdpRoutePolicy)} when the
	 * request cannot be sent. Cancelling it forgets the request: a reply that arrives
	 * afterwards goes to the listeners.
	 * @param destination the destination
	 * @param payload the request
	 * @param timeout how long to wait for the reply
	 * @param policy which routes the request may take
	 * @return the future reply and the route it came through
	 */
	CompletableFuture<Socks5UdpReply> requestAsync(Socks5Address destination, byte[] payload, Duration timeout,
			Socks5UdpRoutePolicy policy);

	/**
	 * Add a listener for the datagrams that arrive through any route.
	 * @param listener the listener
	 * @return the registration, to remove the listener
	 */
	Socks5UdpListenerRegistration addListener(Socks5UdpDatagramListener listener);

}
