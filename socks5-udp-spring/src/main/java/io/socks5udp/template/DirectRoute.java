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

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Objects;

import io.socks5udp.core.client.SharedDatagramChannel;
import io.socks5udp.core.client.Socks5AssociationCounters;
import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import io.socks5udp.core.protocol.Socks5PayloadTooLargeException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The direct route: one plain, unconnected UDP channel for every destination that the
 * registry sends {@code NONE}, opened on the first direct send, with a receive loop that
 * delivers replies like those of the associations, on route
 * {@link Socks5UdpRoute#DIRECT}. Should the loop end by a fatal failure, the channel is
 * closed and the next direct send opens another.
 * <p>
 * The channel is a {@link SharedDatagramChannel}, as an association's is: interrupting a
 * thread that sends directly fails that send only (when it has to wait), never closes the
 * channel every other thread sends on, and the receive loop goes on through interrupts.
 *
 * @author socks5-udp authors
 */
final class DirectRoute {

	private static final Log logger = LogFactory.getLog(DirectRoute.class);

	private static final int MAX_IPV4_PAYLOAD = 65507;

	private static final int MAX_IPV6_PAYLOAD = 65527;

	private final Socks5UdpDatagramListener inbound;

	private final List<Socks5UdpChannelCustomizer> customizers;

	private final Object lock = new Object();

	private final RouteTraffic traffic = new RouteTraffic();

	private final Socks5AssociationCounters counters = this.traffic.totals();

	private volatile @Nullable SharedDatagramChannel channel;

	private boolean running;

	DirectRoute(Socks5UdpDatagramListener inbound, List<Socks5UdpChannelCustomizer> customizers) {
		this.inbound = inbound;
		this.customizers = customizers;
	}

	/**
	 * Return the traffic of the direct route.
	 * @return the traffic
	 */
	Socks5UdpTraffic traffic() {
		return this.traffic;
	}

	void start() {
		synchronized (this.lock) {
			this.running = true;
		}
	}

	void stop() {
		SharedDatagramChannel open;
		synchronized (this.lock) {
			this.running = false;
			open = this.channel;
			this.channel = null;
		}
		if (open != null) {
			open.close();
		}
	}

	/**
	 * Return the local address of the direct channel.
	 * @return the address, or {@code null} before the first direct send
	 */
	@Nullable InetSocketAddress localAddress() {
		SharedDatagramChannel open = this.channel;
		try {
			return (open != null) ? (InetSocketAddress) open.localAddress() : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Resolve a destination for sending directly: a domain name is looked up here, since
	 * no server will do it.
	 * @param destination the destination
	 * @return the resolved address
	 */
	InetSocketAddress resolve(Socks5Address destination) {
		if (!destination.isDomain()) {
			return destination.toInetSocketAddress();
		}
		InetSocketAddress resolved = new InetSocketAddress(destination.host(), destination.port());
		if (resolved.isUnresolved()) {
			throw new Socks5UdpException("Could not send directly to " + destination + ": unknown host",
					new UnknownHostException(destination.host()));
		}
		return resolved;
	}

	void send(Socks5Address destination, InetSocketAddress target, ByteBuffer payload) {
		int length = payload.remaining();
		int max = (target.getAddress() instanceof Inet4Address) ? MAX_IPV4_PAYLOAD : MAX_IPV6_PAYLOAD;
		if (length > max) {
			this.counters.drop(Socks5DropReason.OVERSIZE);
			throw new Socks5PayloadTooLargeException(destination, length, max);
		}
		SharedDatagramChannel open = channel(destination);
		int position = payload.position();
		try {
			open.send(payload, target);
		}
		catch (ClosedChannelException ex) {
			payload.position(position);
			this.counters.drop(Socks5DropReason.NO_ASSOCIATION);
			throw new Socks5UdpServerUnavailableException(
					"Datagram to " + destination + " not sent: the direct channel is closed",
					Socks5UdpRoute.DIRECT_NAME, null,
					new Socks5AssociationClosedException("Direct channel closed", ex));
		}
		catch (IOException ex) {
			payload.position(position);
			throw new Socks5UdpException("Could not send directly to " + destination + ": " + ex.getMessage(), ex);
		}
		this.counters.sent(length);
	}

	private SharedDatagramChannel channel(Socks5Address destination) {
		SharedDatagramChannel open = this.channel;
		if (open != null) {
			return open;
		}
		synchronized (this.lock) {
			if (this.channel != null) {
				return this.channel;
			}
			if (!this.running) {
				this.counters.drop(Socks5DropReason.NO_ASSOCIATION);
				throw new Socks5UdpServerUnavailableException(
						"Datagram to " + destination + " not sent: the template is not running",
						Socks5UdpRoute.DIRECT_NAME, null, new Socks5AssociationClosedException("Template not running"));
			}
			try {
				open = openChannel();
			}
			catch (IOException ex) {
				this.counters.drop(Socks5DropReason.NO_ASSOCIATION);
				throw new Socks5UdpException("Could not open the direct UDP channel: " + ex.getMessage(), ex);
			}
			this.channel = open;
			Thread receiver = new Thread(() -> receiveLoop(Objects.requireNonNull(this.channel)),
					"socks5-udp-direct-receive");
			receiver.setDaemon(true);
			receiver.start();
			return open;
		}
	}

	private SharedDatagramChannel openChannel() throws IOException {
		DatagramChannel open = DatagramChannel.open();
		try {
			for (Socks5UdpChannelCustomizer customizer : this.customizers) {
				customizer.customize(open);
			}
			if (open.getLocalAddress() == null) {
				open.bind(null);
			}
			return new SharedDatagramChannel(open);
		}
		catch (IOException | RuntimeException ex) {
			open.close();
			throw ex;
		}
	}

	private void receiveLoop(SharedDatagramChannel open) {
		try {
			receiveUntilClosed(open);
		}
		catch (Throwable ex) {
			// A fatal listener failure: drop the channel so that the next direct send
			// opens another with its own receive loop, rather than sending into a
			// channel nobody reads
			logger.error(
					"Receive loop of the direct route ended by " + ex + "; the next direct send opens a new channel",
					ex);
			synchronized (this.lock) {
				if (this.channel == open) {
					this.channel = null;
				}
			}
			open.close();
			throw ex;
		}
	}

	private void receiveUntilClosed(SharedDatagramChannel open) {
		ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
		while (open.isOpen()) {
			try {
				buffer.clear();
				SocketAddress source = open.receiveIgnoringInterrupts(buffer);
				buffer.flip();
				int length = buffer.remaining();
				this.counters.received(length);
				this.inbound.onDatagram(Socks5Address.of((InetSocketAddress) source), buffer, Socks5UdpRoute.DIRECT);
			}
			catch (ClosedChannelException ex) {
				return;
			}
			catch (IOException ex) {
				if (!open.isOpen()) {
					return;
				}
				logger.debug("Error receiving on the direct channel", ex);
			}
			catch (RuntimeException ex) {
				logger.warn("Error delivering a datagram received directly", ex);
			}
		}
	}

}
