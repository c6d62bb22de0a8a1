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
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.ProtocolFamily;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import io.socks5udp.core.protocol.Socks5DecodeStatus;
import io.socks5udp.core.protocol.Socks5PayloadTooLargeException;
import io.socks5udp.core.protocol.Socks5ProtocolException;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.core.protocol.Socks5UdpHeaderCodec;
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
 * Sending is thread-safe and allocates nothing in the steady state: a sending thread
 * encodes into one of a few direct buffers the association owns (one per processor), each
 * as large as the largest datagram it carried, and gives it back once the datagram is
 * written; however many threads send, sending needs no more memory. Receiving is either
 * on the caller's thread, by {@link #receive(Duration)} or, allocating nothing, by
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
 * The UDP channel is bound on the control connection's local address, so that it uses the
 * same interface and address family. Should the relay address be of the other family (a
 * fixed override, or a reply naming an IPv6 relay over an IPv4 control connection), the
 * channel is re-bound on the wildcard address of the relay's family; the DST already
 * announced with {@link AssociateAddressPolicy#LOCAL} then names the first channel, which
 * a server that restricts sources to DST will not match.
 * <p>
 * A {@link PortUnreachableException} (an ICMP message from the relay host) on the UDP
 * channel is a hint, not a verdict: it never kills the association, only the control
 * connection does.
 *
 * @author socks5-udp authors
 */
public final class Socks5UdpAssociation implements Closeable {

	private static final Logger logger = System.getLogger(Socks5UdpAssociation.class.getName());

	private static final long JOIN_MILLIS = 2000;

	private static final int NO_RECEIVE_MODE = 0;

	private static final int POLL_MODE = 1;

	private static final int LISTENER_MODE = 2;

	private final String name;

	private final Socket controlSocket;

	private final Socks5RelayChannel channel;

	private final boolean connected;

	private final InetSocketAddress serverAddress;

	private final InetSocketAddress relayAddress;

	private final InetSocketAddress localAddress;

	private final Socks5Address boundAddress;

	private final Instant openedAt = Instant.now();

	private final Socks5AssociationCounters counters = new Socks5AssociationCounters();

	private final Socks5SendBuffers sendBuffers = new Socks5SendBuffers(Socks5SendBuffers.defaultCount());

	private final CompletableFuture<@Nullable Throwable> closeFuture = new CompletableFuture<>();

	private final AtomicReference<@Nullable String> closeReason = new AtomicReference<>();

	private final AtomicInteger receiveMode = new AtomicInteger(NO_RECEIVE_MODE);

	private final Object lifecycleLock = new Object();

	private @Nullable Thread controlThread;

	private @Nullable Thread receiveThread;

	private final Socks5DatagramPoller poller;

	private Socks5UdpAssociation(String name, Socket controlSocket, DatagramChannel channel, boolean connected,
			InetSocketAddress relayAddress, Socks5Address boundAddress) throws IOException {
		this.name = name;
		this.controlSocket = controlSocket;
		this.localAddress = (InetSocketAddress) channel.getLocalAddress();
		this.channel = new Socks5RelayChannel(channel, relayAddress, connected);
		this.connected = connected;
		this.serverAddress = (InetSocketAddress) controlSocket.getRemoteSocketAddress();
		this.relayAddress = relayAddress;
		this.boundAddress = boundAddress;
		this.poller = new Socks5DatagramPoller(name, this.channel, relayAddress, this.counters);
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
		InetSocketAddress server = new InetSocketAddress(InetAddress.getByName(options.host()), options.port());
		Socket socket = Socks5Handshake.connect(server, options.connectTimeout(), options.keepAlive());
		DatagramChannel channel = null;
		try {
			InetAddress local = socket.getLocalAddress();
			channel = DatagramChannel.open(family(local)).bind(new InetSocketAddress(local, 0));
			Socks5Address dst = announcedAddress(options.associateAddressPolicy(), channel, local);
			Socks5Handshake handshake = new Socks5Handshake(socket, options.credentials(), options.handshakeTimeout());
			Socks5Address bound = handshake.udpAssociate(dst);
			InetSocketAddress relay = options.relayAddressPolicy().relayAddress(bound, socket.getInetAddress());
			if (relay.getPort() == 0) {
				throw new Socks5ProtocolException(
						"BND.PORT: 0 (expected: 1-" + Socks5Address.MAX_PORT + ") in the UDP ASSOCIATE reply " + bound
								+ " (SOCKS5 server " + Socks5Handshake.format(server) + ")");
			}
			if (family(relay.getAddress()) != family(local)) {
				channel.close();
				channel = DatagramChannel.open(family(relay.getAddress())).bind(null);
			}
			if (options.channelConfigurer() != null) {
				options.channelConfigurer().configure(channel);
			}
			if (options.connectedChannel()) {
				channel.connect(relay);
			}
			Socks5UdpAssociation association = new Socks5UdpAssociation(options.name(), socket, channel,
					options.connectedChannel(), relay, bound);
			association.startWatching();
			logger.log(Level.DEBUG, () -> "Opened " + association);
			return association;
		}
		catch (IOException | RuntimeException ex) {
			Socks5Handshake.closeQuietly(socket);
			closeQuietly(channel);
			throw ex;
		}
	}

	private static ProtocolFamily family(InetAddress address) {
		return (address instanceof Inet6Address) ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
	}

	private static Socks5Address announcedAddress(AssociateAddressPolicy policy, DatagramChannel channel,
			InetAddress local) throws IOException {
		if (policy == AssociateAddressPolicy.LOCAL) {
			return Socks5Address.of((InetSocketAddress) channel.getLocalAddress());
		}
		return (local instanceof Inet6Address) ? Socks5Address.ipv6(new byte[16], 0)
				: Socks5Address.ipv4(new byte[4], 0);
	}

	private void startWatching() {
		Thread thread = new Thread(new Socks5ControlConnectionWatcher(this, this.controlSocket),
				"socks5-udp-control-" + this.name);
		thread.setDaemon(true);
		synchronized (this.lifecycleLock) {
			this.controlThread = thread;
		}
		thread.start();
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
		int length = payload.remaining();
		checkSendable(dst, length);
		ByteBuffer datagram = this.sendBuffers.acquire(Socks5UdpHeaderCodec.headerLength(dst) + length);
		int position = payload.position();
		try {
			Socks5UdpHeaderCodec.encode(dst, payload, datagram);
			transmit(datagram.flip(), length);
		}
		catch (IOException | RuntimeException ex) {
			payload.position(position);
			throw ex;
		}
		finally {
			this.sendBuffers.release(datagram);
		}
	}

	/**
	 * Send a datagram to a destination through the relay. Thread-safe.
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
	public void send(Socks5Address dst, byte[] payload) throws IOException {
		Objects.requireNonNull(payload, "'payload' must not be null");
		send(dst, payload, 0, payload.length);
	}

	/**
	 * Send a datagram to a destination through the relay. Thread-safe.
	 * @param dst the destination, which the relay resolves if it is a domain name
	 * @param payload the array holding the payload
	 * @param offset where the payload starts
	 * @param length the payload's length
	 * @throws Socks5PayloadTooLargeException if the payload does not fit in one datagram
	 * to that destination (nothing is sent)
	 * @throws Socks5AssociationClosedException if the association is closed
	 * @throws java.io.InterruptedIOException if the send has to wait (for room in the
	 * socket's send buffer, or for one of the association's encoding buffers) and the
	 * thread is or gets interrupted while it waits; nothing is sent, the interrupt status
	 * stays set (a send that needs no wait goes out whatever the status)
	 * @throws IOException if the datagram cannot be sent
	 */
	public void send(Socks5Address dst, byte[] payload, int offset, int length) throws IOException {
		Objects.requireNonNull(dst, "'dst' must not be null");
		Objects.requireNonNull(payload, "'payload' must not be null");
		Objects.checkFromIndexSize(offset, length, payload.length);
		checkSendable(dst, length);
		int headerLength = Socks5UdpHeaderCodec.headerLength(dst);
		ByteBuffer datagram = this.sendBuffers.acquire(headerLength + length);
		try {
			// Header in the headroom in front of the copied payload: no wrapper allocated
			datagram.position(headerLength).put(payload, offset, length).flip().position(headerLength);
			Socks5UdpHeaderCodec.encodeInHeadroom(dst, datagram);
			transmit(datagram, length);
		}
		finally {
			this.sendBuffers.release(datagram);
		}
	}

	private void checkSendable(Socks5Address dst, int length) throws Socks5AssociationClosedException {
		int max = Socks5UdpHeaderCodec.maxPayload(dst);
		if (length > max) {
			this.counters.drop(Socks5DropReason.OVERSIZE);
			throw new Socks5PayloadTooLargeException(dst, length, max);
		}
		if (!isOpen()) {
			this.counters.drop(Socks5DropReason.NO_ASSOCIATION);
			throw closedException(null);
		}
	}

	private void transmit(ByteBuffer datagram, int payloadLength) throws IOException {
		try {
			try {
				this.channel.send(datagram);
			}
			catch (PortUnreachableException ex) {
				// The ICMP error of an earlier datagram failed this write; the control
				// connection, not ICMP, decides whether the relay is gone
				logger.log(Level.DEBUG,
						() -> "ICMP port unreachable from relay " + Socks5Handshake.format(this.relayAddress)
								+ " reported on send, association '" + this.name + "'");
				datagram.rewind();
				this.channel.send(datagram);
			}
		}
		catch (ClosedChannelException ex) {
			this.counters.drop(Socks5DropReason.NO_ASSOCIATION);
			channelFailed(ex);
			throw closedException(ex);
		}
		this.counters.sent(payloadLength);
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
		Objects.requireNonNull(timeout, "'timeout' must not be null");
		if (timeout.isNegative()) {
			throw new IllegalArgumentException("timeout: " + timeout + " (expected: zero or positive)");
		}
		claimReceiveMode(POLL_MODE);
		long deadline = System.nanoTime() + Socks5Handshake.saturatedNanos(timeout);
		if (!isOpen()) {
			throw closedException(null);
		}
		try {
			return this.poller.poll(deadline);
		}
		catch (ClosedChannelException ex) {
			channelFailed(ex);
			throw closedException(ex);
		}
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
	 * @throws java.io.InterruptedIOException if the calling thread is or gets interrupted
	 * before a datagram comes; its interrupt status stays set, and the association stays
	 * open for every other thread
	 * @throws Socks5AssociationClosedException if the association is or gets closed
	 * @throws IllegalStateException if a receive loop was started
	 * @throws IllegalArgumentException if the buffer is read-only
	 * @throws IOException if receiving fails
	 */
	public @Nullable Socks5Address receive(ByteBuffer into, Duration timeout) throws IOException {
		return receiveInto(into, ReceiveArguments.deadline(timeout));
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
		return receiveInto(into, System.nanoTime());
	}

	private @Nullable Socks5Address receiveInto(ByteBuffer into, long deadline) throws IOException {
		ReceiveArguments.checkWritable(into);
		claimReceiveMode(POLL_MODE);
		if (!isOpen()) {
			throw closedException(null);
		}
		try {
			return this.poller.pollInto(into, deadline);
		}
		catch (ClosedChannelException ex) {
			channelFailed(ex);
			throw closedException(ex);
		}
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
		claimReceiveMode(LISTENER_MODE);
		synchronized (this.lifecycleLock) {
			if (!isOpen()) {
				throw new IllegalStateException("association '" + this.name + "' is closed");
			}
			Thread thread = new Thread(
					new Socks5ReceiveLoop(this, this.channel, this.relayAddress, this.counters, listener),
					"socks5-udp-receive-" + this.name);
			thread.setDaemon(true);
			this.receiveThread = thread;
			thread.start();
		}
	}

	private void claimReceiveMode(int mode) {
		if (this.receiveMode.compareAndSet(NO_RECEIVE_MODE, mode)
				|| (mode == POLL_MODE && this.receiveMode.get() == POLL_MODE)) {
			return;
		}
		String current = (this.receiveMode.get() == POLL_MODE) ? "receive(Duration)" : "a receive loop";
		throw new IllegalStateException("receive mode: " + current + " already in use on association '" + this.name
				+ "' (expected: either receive(Duration) or one startReceiving(listener))");
	}

	static Socks5DropReason dropReason(Socks5DecodeStatus status) {
		return (status == Socks5DecodeStatus.FRAGMENTED) ? Socks5DropReason.FRAGMENT : Socks5DropReason.MALFORMED;
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
	 * Return the local address of the UDP channel.
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
		return this.closeReason.get() == null;
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
		return this.closeFuture.copy();
	}

	/**
	 * Return the control connection, for tests.
	 * @return the control connection's socket
	 */
	Socket controlSocket() {
		return this.controlSocket;
	}

	/**
	 * Return the live counters of this association.
	 * @return the counters
	 */
	public Socks5AssociationCounters counters() {
		return this.counters;
	}

	/**
	 * Called by the watcher when the control connection ends.
	 * @param reason what happened
	 * @param cause the read error, or {@code null} at end of stream
	 */
	void controlConnectionLost(String reason, @Nullable Throwable cause) {
		die(reason, cause);
	}

	/**
	 * Called when the UDP channel closed or failed while the association was open.
	 * @param cause the error
	 */
	void channelFailed(Throwable cause) {
		if (isOpen()) {
			die("UDP channel failed: " + cause, cause);
		}
	}

	/**
	 * Called when the receive loop ends by a failure, so that the association does not go
	 * on without it.
	 * @param cause the failure
	 */
	void receiveLoopFailed(Throwable cause) {
		if (isOpen()) {
			die("receive loop ended by " + cause, cause);
		}
	}

	private void die(String reason, @Nullable Throwable cause) {
		if (!this.closeReason.compareAndSet(null, reason)) {
			return;
		}
		Socks5AssociationClosedException ex = new Socks5AssociationClosedException(describe(reason), cause);
		logger.log(Level.WARNING, () -> "SOCKS5 UDP association '" + this.name + "' is dead: " + reason);
		this.channel.close();
		Socks5Handshake.closeQuietly(this.controlSocket);
		this.closeFuture.complete(ex);
	}

	private Socks5AssociationClosedException closedException(@Nullable Throwable cause) {
		String reason = this.closeReason.get();
		return new Socks5AssociationClosedException(describe((reason != null) ? reason : "closed"), cause);
	}

	private String describe(String reason) {
		return "SOCKS5 UDP association '" + this.name + "' via " + Socks5Handshake.format(this.serverAddress)
				+ " is closed: " + reason;
	}

	/**
	 * Close the association: the UDP channel and the control connection (which ends the
	 * association at the server), then wait briefly for its threads to end. Idempotent.
	 */
	@Override
	public void close() {
		boolean first = this.closeReason.compareAndSet(null, "closed locally");
		this.channel.close();
		Socks5Handshake.closeQuietly(this.controlSocket);
		Thread control;
		Thread receive;
		synchronized (this.lifecycleLock) {
			control = this.controlThread;
			receive = this.receiveThread;
		}
		join(control);
		join(receive);
		if (first) {
			logger.log(Level.DEBUG, () -> "Closed SOCKS5 UDP association '" + this.name + "'");
			this.closeFuture.complete(null);
		}
	}

	private static void join(@Nullable Thread thread) {
		if (thread == null || thread == Thread.currentThread()) {
			return;
		}
		try {
			thread.join(JOIN_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void closeQuietly(@Nullable DatagramChannel channel) {
		if (channel == null) {
			return;
		}
		try {
			channel.close();
		}
		catch (IOException ex) {
			// Nothing left to release
		}
	}

	@Override
	public String toString() {
		return "Socks5UdpAssociation[name=" + this.name + ", server=" + Socks5Handshake.format(this.serverAddress)
				+ ", relay=" + Socks5Handshake.format(this.relayAddress) + ", local="
				+ Socks5Handshake.format(this.localAddress) + ", bound=" + this.boundAddress + ", "
				+ (isOpen() ? "open" : this.closeReason.get()) + "]";
	}

}
