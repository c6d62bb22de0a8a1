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

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import io.socks5udp.core.protocol.Socks5PayloadTooLargeException;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import org.jspecify.annotations.Nullable;

/**
 * A SOCKS5 UDP association (RFC 1928): a TCP control connection to a SOCKS5 server that
 * has granted UDP ASSOCIATE, and a UDP channel that exchanges datagrams, each wrapped in
 * the section 7 header, with the server's relay. The analogue of AIX's
 * {@code socks5udp_associate} and {@code socks5udp_sendto}.
 * <p>
 * {@link #open(Socks5AssociationOptions)} connects, runs the handshake and binds the UDP
 * channel. The association then lives exactly as long as its control connection: a daemon
 * thread watches it, and when the server closes or resets it the association is dead at
 * once: {@link #isOpen()} turns {@code false}, {@link #closeFuture()} completes with a
 * {@link Socks5AssociationClosedException} saying why, and sends fail. An association is
 * never reopened; open a new one (which gets a new relay address).
 * <p>
 * Sending is thread-safe and allocates nothing in the steady state: threads take turns on
 * a few encoding buffers the association owns (one per processor), so however many
 * threads send, sending needs no more memory. Receiving is either on the caller's thread,
 * by {@link #receive(Duration)} or, allocating nothing, by
 * {@link #receive(ByteBuffer, Duration)} and {@link #receiveNow(ByteBuffer)}, or by a
 * {@link #startReceiving(Socks5AssociationListener) receive loop}, not both.
 * <p>
 * Interrupting a thread that sends or receives (by {@link Thread#interrupt()},
 * {@code Future.cancel(true)} or {@code ExecutorService.shutdownNow()}) ends that
 * thread's wait, if it waits, with an {@link java.io.InterruptedIOException} and its
 * interrupt status still set; it never closes the UDP channel, which every thread shares.
 * The channel is in non-blocking mode for that reason: no I/O on it blocks, and waits
 * happen on selectors, which an interrupt only wakes.
 * <p>
 * A {@link PortUnreachableException} (an ICMP message from the relay host) on the UDP
 * channel is a hint, not a verdict: it never kills the association, only the control
 * connection does.
 *
 * @author socks5-udp authors
 */
public final class Socks5UdpAssociation implements Closeable {

	private static final Logger logger = System.getLogger(Socks5UdpAssociation.class.getName());

	private final String name;

	private final Socks5RelayChannel channel;

	private final InetSocketAddress serverAddress;

	private final InetSocketAddress relayAddress;

	private final InetSocketAddress localAddress;

	private final Socks5Address boundAddress;

	private final Instant openedAt = Instant.now();

	private final Socks5AssociationCounters counters = new Socks5AssociationCounters();

	private final Socks5DatagramSender sender;

	private final Socks5AssociationReceiver receiver;

	private final Socks5AssociationEnd end;

	private final Socks5ControlConnectionWatcher watcher;

	Socks5UdpAssociation(String name, Socket controlSocket, DatagramChannel channel, boolean connected,
			boolean batchedIo, InetSocketAddress relayAddress, Socks5Address boundAddress) throws IOException {
		this.name = name;
		this.localAddress = (InetSocketAddress) channel.getLocalAddress();
		this.channel = new Socks5RelayChannel(channel, relayAddress, connected, batchedIo);
		this.serverAddress = (InetSocketAddress) controlSocket.getRemoteSocketAddress();
		this.relayAddress = relayAddress;
		this.boundAddress = boundAddress;
		this.end = new Socks5AssociationEnd(name, Socks5Handshake.format(this.serverAddress), this.channel,
				controlSocket);
		this.sender = new Socks5DatagramSender(this, this.channel, this.counters);
		this.receiver = new Socks5AssociationReceiver(this, this.channel, this.counters);
		this.watcher = new Socks5ControlConnectionWatcher(this, controlSocket);
	}

	/**
	 * Open an association: connect to the server, run the handshake, bind (and by default
	 * connect) the UDP channel, and start watching the control connection.
	 * @param options the options
	 * @return the open association
	 * @throws IOException if the server cannot be reached or the handshake fails; a
	 * {@link io.socks5udp.core.protocol.Socks5Exception} says which failure it was
	 */
	public static Socks5UdpAssociation open(Socks5AssociationOptions options) throws IOException {
		Objects.requireNonNull(options, "'options' must not be null");
		Socks5UdpAssociation association = Socks5AssociationOpener.open(options);
		logger.log(Level.DEBUG, () -> "Opened " + association);
		return association;
	}

	void startWatching() {
		this.watcher.start();
	}

	/**
	 * Send a datagram to a destination through the relay. The payload is the buffer's
	 * remaining bytes; on success its position moves to its limit, on failure it is left
	 * as it was. Thread-safe.
	 * @param dst the destination, which the relay resolves if it is a domain name
	 * @param payload the payload
	 * @throws Socks5PayloadTooLargeException if the payload does not fit in one datagram
	 * to that destination (nothing is sent)
	 * @throws Socks5AssociationClosedException if the association is closed
	 * @throws java.io.InterruptedIOException if the send has to wait (for room in the
	 * socket's send buffer, or for one of the association's encoding buffers) and the
	 * thread is or gets interrupted while it waits; nothing is sent, the interrupt status
	 * stays set (a send that needs no wait goes out whatever the status)
	 * @throws IOException if the datagram cannot be sent
	 */
	public void send(Socks5Address dst, ByteBuffer payload) throws IOException {
		Objects.requireNonNull(dst, "'dst' must not be null");
		Objects.requireNonNull(payload, "'payload' must not be null");
		this.sender.send(dst, payload);
	}

	/**
	 * Send a datagram to a destination through the relay, as
	 * {@link #send(Socks5Address, ByteBuffer)} does, with the same exceptions.
	 * Thread-safe.
	 * @param dst the destination, which the relay resolves if it is a domain name
	 * @param payload the payload
	 * @throws IOException as {@link #send(Socks5Address, ByteBuffer)}
	 */
	public void send(Socks5Address dst, byte[] payload) throws IOException {
		Objects.requireNonNull(payload, "'payload' must not be null");
		send(dst, payload, 0, payload.length);
	}

	/**
	 * Send a datagram to a destination through the relay, as
	 * {@link #send(Socks5Address, ByteBuffer)} does, with the same exceptions.
	 * Thread-safe.
	 * @param dst the destination, which the relay resolves if it is a domain name
	 * @param payload the array holding the payload
	 * @param offset where the payload starts
	 * @param length the payload's length
	 * @throws IndexOutOfBoundsException if offset and length do not fit the array
	 * @throws IOException as {@link #send(Socks5Address, ByteBuffer)}
	 */
	public void send(Socks5Address dst, byte[] payload, int offset, int length) throws IOException {
		Objects.requireNonNull(dst, "'dst' must not be null");
		Objects.requireNonNull(payload, "'payload' must not be null");
		Objects.checkFromIndexSize(offset, length, payload.length);
		this.sender.send(dst, payload, offset, length);
	}

	/**
	 * Send datagrams to one destination through the relay, in order, one per payload.
	 * With {@link Socks5AssociationOptionsBuilder#batchedIo(boolean) batched I/O} up to
	 * 32 go with one system call ({@code sendmmsg}), otherwise each with its own, as by
	 * {@link #send(Socks5Address, ByteBuffer)}. Thread-safe; allocates nothing.
	 * @param dst the destination, which the relay resolves if it is a domain name
	 * @param payloads the payloads, each from its position to its limit; the position of
	 * each one sent moves to its limit
	 * @param offset the index of the first payload to send
	 * @param count how many payloads to send
	 * @throws Socks5PayloadTooLargeException if a payload does not fit in one datagram to
	 * that destination (all are checked first: nothing is sent)
	 * @throws Socks5AssociationClosedException if the association is or gets closed; the
	 * payloads sent before have their position at their limit, and each one not sent is
	 * counted as dropped ({@link Socks5DropReason#NO_ASSOCIATION})
	 * @throws java.io.InterruptedIOException if the send has to wait (for room in the
	 * socket's send buffer, or for another sender's turn) and the thread is or gets
	 * interrupted while it waits; the payloads sent before have their position at their
	 * limit, the others are untouched, and the interrupt status stays set
	 * @throws IOException if the datagrams cannot be sent
	 */
	public void send(Socks5Address dst, ByteBuffer[] payloads, int offset, int count) throws IOException {
		Objects.requireNonNull(dst, "'dst' must not be null");
		Objects.requireNonNull(payloads, "'payloads' must not be null");
		Objects.checkFromIndexSize(offset, count, payloads.length);
		this.sender.send(dst, payloads, offset, count);
	}

	/**
	 * Wait for the next datagram from the relay. Datagrams that fail to decode, are
	 * fragments or come from elsewhere than the relay are dropped and counted, and the
	 * wait goes on until the timeout. Cannot be mixed with
	 * {@link #startReceiving(Socks5AssociationListener)}. Callers are served one at a
	 * time; the wait for a turn counts against the timeout.
	 * @param timeout how long to wait at most; zero waits as briefly as the system allows
	 * @return the datagram, its payload a fresh buffer; {@code null} on timeout
	 * @throws java.io.InterruptedIOException if the calling thread is or gets interrupted
	 * before a datagram comes; its interrupt status stays set, and the association stays
	 * open for every other thread
	 * @throws Socks5AssociationClosedException if the association is or gets closed
	 * @throws IllegalStateException if a receive loop was started
	 * @throws IOException if receiving fails
	 */
	public @Nullable Socks5UdpDatagram receive(Duration timeout) throws IOException {
		return this.receiver.receive(ReceiveArguments.deadline(timeout));
	}

	/**
	 * Wait for the next datagram from the relay and put its payload into the caller's
	 * buffer, on the calling thread, allocating nothing: the receive that lets one thread
	 * send a window of datagrams and then drain the replies, with
	 * {@link #receiveNow(ByteBuffer)} for those already waiting. Drops, counts, turns,
	 * timeout, interrupts and closing as {@link #receive(Duration)}, which it can be
	 * mixed with.
	 * @param into where to put the payload, at its position, which moves past it; a
	 * payload longer than the buffer's remaining space is cut to fit, as by
	 * {@link DatagramChannel#receive(ByteBuffer)} (the counters count it whole)
	 * @param timeout how long to wait at most; zero waits as briefly as the system allows
	 * @return the datagram's source, the same instance for as long as datagrams come from
	 * the same address; {@code null} on timeout, the buffer untouched
	 * @throws IllegalArgumentException if the buffer is read-only
	 * @throws IOException as {@link #receive(Duration)}
	 * @throws IllegalStateException if a receive loop was started
	 */
	public @Nullable Socks5Address receive(ByteBuffer into, Duration timeout) throws IOException {
		return this.receiver.receiveInto(into, ReceiveArguments.deadline(timeout));
	}

	/**
	 * Take the next datagram from the relay if one is already waiting, without waiting
	 * for one: {@link #receive(ByteBuffer, Duration)} with a zero timeout. After a
	 * datagram that is dropped it returns {@code null} even if more are waiting.
	 * @param into where to put the payload, as for {@link #receive(ByteBuffer, Duration)}
	 * @return the datagram's source, or {@code null} if none was waiting (or another
	 * thread has its turn)
	 * @throws Socks5AssociationClosedException if the association is closed
	 * @throws IllegalStateException if a receive loop was started
	 * @throws IllegalArgumentException if the buffer is read-only
	 * @throws IOException if receiving fails
	 */
	public @Nullable Socks5Address receiveNow(ByteBuffer into) throws IOException {
		return this.receiver.receiveNowInto(into);
	}

	/**
	 * Start the receive loop: one daemon thread named {@code socks5-udp-receive-<name>}
	 * that hands every datagram from the relay to the listener, until the association
	 * closes. Cannot be mixed with {@link #receive(Duration)}, nor started twice.
	 * @param listener the listener, called on the receive loop thread
	 * @throws IllegalStateException if a receive loop was already started, if
	 * {@link #receive(Duration)} was used, or if the association is closed
	 */
	public void startReceiving(Socks5AssociationListener listener) {
		Objects.requireNonNull(listener, "'listener' must not be null");
		this.receiver.startLoop(listener);
	}

	/**
	 * Return the name of this association, as given in its options.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the address datagrams are sent to: the relay, as chosen by the
	 * {@link RelayAddressPolicy}.
	 * @return the relay address
	 */
	public InetSocketAddress relayAddress() {
		return this.relayAddress;
	}

	/**
	 * Return the SOCKS5 server's address: the control connection's peer.
	 * @return the server address
	 */
	public InetSocketAddress serverAddress() {
		return this.serverAddress;
	}

	/**
	 * Return the local address of the UDP channel: the control connection's local
	 * address, so that it uses the same interface and address family. Should the relay
	 * address be of the other family (a fixed override, or an IPv6 relay named over an
	 * IPv4 control connection), the wildcard address of the relay's family; the DST
	 * announced with {@link AssociateAddressPolicy#LOCAL} then names the first address,
	 * which a server that restricts sources to DST will not match.
	 * @return the local UDP address
	 */
	public InetSocketAddress localAddress() {
		return this.localAddress;
	}

	/**
	 * Return BND.ADDR and BND.PORT exactly as the server replied, before any
	 * {@link RelayAddressPolicy} was applied.
	 * @return the bound address
	 */
	public Socks5Address boundAddress() {
		return this.boundAddress;
	}

	/**
	 * Return when the association was opened.
	 * @return the opening instant
	 */
	public Instant openedAt() {
		return this.openedAt;
	}

	/**
	 * Return whether the association is open: neither closed locally nor ended by its
	 * control connection.
	 * @return whether datagrams can be sent
	 */
	public boolean isOpen() {
		return this.end.isOpen();
	}

	/**
	 * Return a future that completes when the association ends: with the
	 * {@link Socks5AssociationClosedException} that says why when the control connection
	 * ended, or with {@code null} when it was closed locally. Dependent actions that are
	 * not async run on the thread that ended the association (the control connection's
	 * watcher); use the async variants for slow work such as opening a new association.
	 * @return a new future completed with the association's end
	 */
	public CompletableFuture<@Nullable Throwable> closeFuture() {
		return this.end.future();
	}

	/**
	 * Return the live counters of this association.
	 * @return the counters
	 */
	public Socks5AssociationCounters counters() {
		return this.counters;
	}

	/**
	 * Return how this association ends, for the threads and sides that end it.
	 * @return the association's end
	 */
	Socks5AssociationEnd end() {
		return this.end;
	}

	/**
	 * Close the association: the UDP channel and the control connection (which ends the
	 * association at the server), then wait briefly for its threads to end. Idempotent.
	 */
	@Override
	public void close() {
		boolean first = this.end.closeLocally();
		Socks5AssociationEnd.joinBriefly(this.watcher.thread());
		Socks5AssociationEnd.joinBriefly(this.receiver.loopThread());
		if (first) {
			this.end.closedLocally();
		}
	}

	@Override
	public String toString() {
		return "Socks5UdpAssociation[name=" + this.name + ", server=" + Socks5Handshake.format(this.serverAddress)
				+ ", relay=" + Socks5Handshake.format(this.relayAddress) + ", local="
				+ Socks5Handshake.format(this.localAddress) + ", bound=" + this.boundAddress + ", "
				+ (isOpen() ? "open" : this.end.reason()) + "]";
	}

}
