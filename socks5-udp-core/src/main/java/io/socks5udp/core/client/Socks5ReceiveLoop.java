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

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5DecodeStatus;
import io.socks5udp.core.protocol.Socks5UdpHeaderDecoder;
import org.jspecify.annotations.Nullable;

/**
 * The receive loop of an association in listener mode: one thread, one reused direct
 * buffer, one header decoder. A datagram that fails to decode is dropped and counted; a
 * listener that throws is logged; neither ends the loop. It ends when the association's
 * UDP channel is closed, or when a listener fails
 * {@link Socks5ListenerFailures#isFatal(Throwable) fatally}: then the association ends
 * with it, so that its owner learns of it and can open another.
 * <p>
 * Nothing interrupts this thread on purpose, so an interrupt (say, a listener that
 * restores the status after catching {@link InterruptedException}) is cleared and the
 * loop goes on: it must not end receiving for the whole association.
 *
 * @author socks5-udp authors
 */
final class Socks5ReceiveLoop implements Runnable {

	/** Larger than any UDP payload, so that no datagram is ever truncated. */
	static final int BUFFER_SIZE = 65536;

	private static final Logger logger = System.getLogger(Socks5ReceiveLoop.class.getName());

	private final Socks5UdpAssociation association;

	private final Socks5RelayChannel channel;

	private final InetSocketAddress relay;

	private final Socks5AssociationCounters counters;

	private final Socks5AssociationListener listener;

	Socks5ReceiveLoop(Socks5UdpAssociation association, Socks5RelayChannel channel, InetSocketAddress relay,
			Socks5AssociationCounters counters, Socks5AssociationListener listener) {
		this.association = association;
		this.channel = channel;
		this.relay = relay;
		this.counters = counters;
		this.listener = listener;
	}

	@Override
	public void run() {
		try {
			receiveUntilClosed();
		}
		catch (Throwable ex) {
			this.association.end().receiveLoopFailed(ex);
			throw ex;
		}
	}

	private void receiveUntilClosed() {
		ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
		Socks5UdpHeaderDecoder decoder = new Socks5UdpHeaderDecoder();
		while (this.channel.isOpen()) {
			buffer.clear();
			try {
				SocketAddress source = this.channel.receiveIgnoringInterrupts(buffer);
				if (!fromRelay(source)) {
					continue;
				}
			}
			catch (PortUnreachableException ex) {
				// An ICMP hint only: the control connection decides whether the relay is
				// gone
				logger.log(Level.DEBUG, () -> "ICMP port unreachable from relay " + Socks5Handshake.format(this.relay)
						+ " reported on receive, association '" + this.association.name() + "'");
				continue;
			}
			catch (ClosedChannelException ex) {
				break;
			}
			catch (IOException ex) {
				this.association.end().channelFailed(ex);
				break;
			}
			buffer.flip();
			Socks5DecodeStatus status = decoder.decode(buffer);
			if (status != Socks5DecodeStatus.OK) {
				dropped(Socks5DropReason.of(status), null);
				continue;
			}
			// The reused buffer itself, positioned at the payload: no object per datagram
			deliver(Objects.requireNonNull(decoder.source()), buffer);
		}
	}

	private boolean fromRelay(SocketAddress source) {
		if (this.channel.isFromRelay(source)) {
			return true;
		}
		dropped(Socks5DropReason.FOREIGN_SOURCE,
				(source instanceof InetSocketAddress inet) ? Socks5Address.of(inet) : null);
		return false;
	}

	private void dropped(Socks5DropReason reason, @Nullable Socks5Address source) {
		this.counters.drop(reason);
		try {
			this.listener.onDrop(reason, source);
		}
		catch (Throwable ex) {
			if (Socks5ListenerFailures.isFatal(ex)) {
				throw ex;
			}
			logger.log(Level.WARNING, "Listener of SOCKS5 UDP association '" + this.association.name()
					+ "' failed on a dropped datagram (" + reason.tag() + "); receiving goes on", ex);
		}
	}

	private void deliver(Socks5Address source, ByteBuffer payload) {
		this.counters.received(payload.remaining());
		try {
			this.listener.onDatagram(source, payload);
		}
		catch (Throwable ex) {
			if (Socks5ListenerFailures.isFatal(ex)) {
				throw ex;
			}
			logger.log(Level.WARNING, "Listener of SOCKS5 UDP association '" + this.association.name()
					+ "' failed on a datagram from " + source + "; receiving goes on", ex);
		}
	}

}
