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
package io.socks5udp.test.relay;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.socks5udp.core.protocol.Socks5Address;
import org.jspecify.annotations.Nullable;

/**
 * One UDP association of the relay (RFC 1928 sections 6 and 7): a socket facing the
 * client, whose address is the BND of the ASSOCIATE reply, and a socket facing the
 * destinations, each read by its own thread. Two sockets, so that a destination on the
 * client's own host is never mistaken for the client.
 *
 * @author socks5-udp authors
 */
final class Association implements Closeable {

	private static final int SOCKET_BUFFER_SIZE = 4 * 1024 * 1024;

	/** How long a close waits for a batched loop to leave: it is woken at once. */
	private static final long LOOP_EXIT_MILLIS = 2 * BatchedAssociationLoop.WAIT_MILLIS + 1000;

	private final DatagramChannel clientChannel;

	private final DatagramChannel externalChannel;

	private final InetSocketAddress boundAddress;

	private final InetAddress clientHost;

	private final @Nullable InetAddress announcedHost;

	private final int announcedPort;

	private final Runnable onClose;

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile boolean started;

	private volatile @Nullable InetSocketAddress clientAddress;

	private final List<Loop> loops = new ArrayList<>(2);

	private Association(DatagramChannel clientChannel, DatagramChannel externalChannel, InetAddress clientHost,
			Socks5Address announced, Runnable onClose) throws IOException {
		this.clientChannel = clientChannel;
		this.externalChannel = externalChannel;
		this.boundAddress = (InetSocketAddress) clientChannel.getLocalAddress();
		this.clientHost = clientHost;
		InetAddress announcedIp = announced.inetAddress();
		this.announcedHost = (announcedIp != null && !announcedIp.isAnyLocalAddress()) ? announcedIp : null;
		this.announcedPort = announced.port();
		this.onClose = onClose;
		if (this.announcedPort != 0) {
			InetAddress host = (this.announcedHost != null) ? this.announcedHost : clientHost;
			this.clientAddress = new InetSocketAddress(host, this.announcedPort);
		}
	}

	/**
	 * Open the sockets of an association.
	 * @param localAddress the relay's address on the control connection, where the
	 * client-facing socket is bound
	 * @param clientHost the client's address on the control connection
	 * @param announced DST.ADDR and DST.PORT of the ASSOCIATE request
	 * @param onClose called once when the association closes, if it was started
	 * @return the association, not yet relaying
	 * @throws IOException if a socket cannot be opened
	 */
	static Association open(InetAddress localAddress, InetAddress clientHost, Socks5Address announced, Runnable onClose)
			throws IOException {
		DatagramChannel clientChannel = openChannel(familyOf(localAddress), new InetSocketAddress(localAddress, 0));
		try {
			DatagramChannel externalChannel = openChannel(null, new InetSocketAddress(0));
			return new Association(clientChannel, externalChannel, clientHost, announced, onClose);
		}
		catch (IOException | RuntimeException ex) {
			clientChannel.close();
			throw ex;
		}
	}

	/**
	 * Start the two relay threads.
	 * @param forwarder sends the datagrams and counts them
	 * @param name the name prefix of the threads
	 */
	void start(DatagramForwarder forwarder, String name) {
		synchronized (this.loops) {
			if (this.closed.get()) {
				return;
			}
			this.started = true;
			if (forwarder.batched()) {
				BatchedAssociationLoop loop = new BatchedAssociationLoop(this, forwarder);
				DatagramIo[] ios = loop.ios();
				Thread thread = startThread(() -> relayUntilFailure(loop::relayUntilClosed, ios), name + "-relay");
				for (DatagramIo io : ios) {
					this.loops.add(new Loop(thread, io));
				}
				return;
			}
			ChannelDatagramIo out = new ChannelDatagramIo(this.clientChannel, this.externalChannel, 0, forwarder,
					false);
			AssociationLoop outLoop = new ClientToDestinationLoop(this, out);
			ChannelDatagramIo in = new ChannelDatagramIo(this.externalChannel, this.clientChannel,
					DestinationToClientLoop.HEADROOM, forwarder, true);
			AssociationLoop inLoop = new DestinationToClientLoop(this, in);
			this.loops.add(new Loop(
					startThread(() -> relayUntilFailure(() -> out.relayUntilClosed(outLoop), out), name + "-out"),
					out));
			this.loops.add(new Loop(
					startThread(() -> relayUntilFailure(() -> in.relayUntilClosed(inLoop), in), name + "-in"), in));
		}
	}

	/**
	 * Run a relaying thread until the association closes. A failure other than the close
	 * itself ends the whole association: a half-working association would lose datagrams
	 * silently.
	 * @param relaying what the thread does
	 * @param ios the I/O it uses, released when it ends
	 */
	private void relayUntilFailure(Relaying relaying, DatagramIo... ios) {
		try {
			relaying.run();
		}
		catch (ClosedChannelException ex) {
			// The association was closed
		}
		catch (IOException | RuntimeException ex) {
			close();
		}
		finally {
			for (DatagramIo io : ios) {
				io.release();
			}
		}
	}

	/**
	 * Return the address of the client-facing socket: BND of the ASSOCIATE reply.
	 * @return the bound address
	 */
	InetSocketAddress boundAddress() {
		return this.boundAddress;
	}

	/**
	 * Return the client's UDP address: the one it announced, or the one it last sent
	 * from.
	 * @return the client's address, or {@code null} until known
	 */
	@Nullable InetSocketAddress clientAddress() {
		return this.clientAddress;
	}

	DatagramChannel clientChannel() {
		return this.clientChannel;
	}

	DatagramChannel externalChannel() {
		return this.externalChannel;
	}

	/**
	 * Decide whether a datagram to the relay socket comes from the client: from the
	 * control connection's host (or the host announced in the request), and from the
	 * announced port unless that was 0. Remembers the client's address when accepted.
	 * @param source where the datagram came from
	 * @return whether to relay it
	 */
	boolean acceptFromClient(InetSocketAddress source) {
		InetAddress host = source.getAddress();
		if (!host.equals(this.clientHost) && !host.equals(this.announcedHost)) {
			return false;
		}
		if (this.announcedPort != 0 && source.getPort() != this.announcedPort) {
			return false;
		}
		if (!source.equals(this.clientAddress)) {
			this.clientAddress = source;
		}
		return true;
	}

	/**
	 * Send a datagram to the client from the relay socket, as if relayed.
	 * @param datagram the whole datagram, header included
	 * @return whether it was sent (false while the client's address is unknown)
	 * @throws IOException if sending fails
	 */
	boolean sendToClient(byte[] datagram) throws IOException {
		InetSocketAddress client = this.clientAddress;
		if (client == null) {
			return false;
		}
		this.clientChannel.send(ByteBuffer.wrap(datagram), client);
		return true;
	}

	/**
	 * Send a datagram to the client from a fresh socket on the relay's address, which is
	 * not the relay socket: a source the client must not accept.
	 * @param datagram the whole datagram, header included
	 * @return whether it was sent (false while the client's address is unknown)
	 * @throws IOException if sending fails
	 */
	boolean sendToClientFromForeignSource(byte[] datagram) throws IOException {
		InetSocketAddress client = this.clientAddress;
		if (client == null) {
			return false;
		}
		InetAddress local = this.boundAddress.getAddress();
		try (DatagramChannel foreign = DatagramChannel.open(familyOf(local))) {
			foreign.bind(new InetSocketAddress(local, 0));
			foreign.send(ByteBuffer.wrap(datagram), client);
		}
		return true;
	}

	/**
	 * Return whether the association is open.
	 * @return whether it relays
	 */
	boolean isOpen() {
		return !this.closed.get();
	}

	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			List<Loop> loops;
			synchronized (this.loops) {
				loops = List.copyOf(this.loops);
			}
			for (Loop loop : loops) {
				loop.io().wake();
			}
			for (Loop loop : loops) {
				loop.awaitIfUsingFileDescriptors();
			}
			closeQuietly(this.clientChannel);
			closeQuietly(this.externalChannel);
			if (this.started) {
				this.onClose.run();
			}
		}
	}

	private static Thread startThread(Runnable loop, String name) {
		Thread thread = new Thread(loop, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static DatagramChannel openChannel(@Nullable ProtocolFamily family, InetSocketAddress bindAddress)
			throws IOException {
		DatagramChannel channel = (family != null) ? DatagramChannel.open(family) : DatagramChannel.open();
		try {
			// Bursts from benchmarks and load tests should queue, not drop, where the
			// kernel allows
			channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_SIZE);
			channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER_SIZE);
			channel.bind(bindAddress);
			return channel;
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	static ProtocolFamily familyOf(InetAddress address) {
		return (address instanceof Inet6Address) ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
	}

	private static void closeQuietly(DatagramChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// Nothing more to release
		}
	}

	/**
	 * What a relaying thread does until the association closes.
	 */
	@FunctionalInterface
	private interface Relaying {

		void run() throws IOException;

	}

	/**
	 * A relaying thread and its I/O.
	 *
	 * @param thread the thread
	 * @param io its I/O
	 */
	private record Loop(Thread thread, DatagramIo io) {

		/**
		 * Wait for the thread to leave, woken, if it uses the channels' file descriptors
		 * directly: closing them under it could let it read a socket opened later with
		 * the same number. A thread closing its own association does not wait for itself.
		 */
		void awaitIfUsingFileDescriptors() {
			if (!this.io.usesFileDescriptors() || this.thread == Thread.currentThread()) {
				return;
			}
			try {
				this.thread.join(LOOP_EXIT_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
