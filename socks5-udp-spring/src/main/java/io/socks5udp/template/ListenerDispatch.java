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

import java.nio.ByteBuffer;
import java.util.Arrays;

import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.client.Socks5ListenerFailures;
import io.socks5udp.core.protocol.Socks5Address;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Hands what arrives on every route of a template to its listeners, on the receive thread
 * of the route: first to a waiting {@code sendAndReceive} request that it answers, else
 * to every listener in turn. What one listener throws is logged and the others still get
 * the datagram, errors such as {@link StackOverflowError} included; only a
 * {@link Socks5ListenerFailures#isFatal(Throwable) fatal} error goes on up and ends the
 * route's receive loop, and with it the association, which is then re-established.
 *
 * @author socks5-udp authors
 */
final class ListenerDispatch implements Socks5UdpDatagramListener {

	private static final Log logger = LogFactory.getLog(Socks5UdpTemplate.class);

	private final PendingReplies pendingReplies;

	/**
	 * Copy-on-write by hand: walking an array allocates nothing, while the iterator of a
	 * {@code CopyOnWriteArrayList} costs 24 bytes per datagram wherever the JIT does not
	 * scalar-replace it.
	 */
	private volatile Socks5UdpDatagramListener[] listeners = new Socks5UdpDatagramListener[0];

	private final Object monitor = new Object();

	ListenerDispatch(PendingReplies pendingReplies) {
		this.pendingReplies = pendingReplies;
	}

	Socks5UdpListenerRegistration add(Socks5UdpDatagramListener listener) {
		// The listener itself, not a method reference, so that its onDrop is kept
		synchronized (this.monitor) {
			Socks5UdpDatagramListener[] current = this.listeners;
			Socks5UdpDatagramListener[] added = Arrays.copyOf(current, current.length + 1);
			added[current.length] = listener;
			this.listeners = added;
		}
		return () -> remove(listener);
	}

	private void remove(Socks5UdpDatagramListener listener) {
		synchronized (this.monitor) {
			Socks5UdpDatagramListener[] current = this.listeners;
			for (int i = 0; i < current.length; i++) {
				if (current[i] == listener) {
					Socks5UdpDatagramListener[] removed = new Socks5UdpDatagramListener[current.length - 1];
					System.arraycopy(current, 0, removed, 0, i);
					System.arraycopy(current, i + 1, removed, i, current.length - i - 1);
					this.listeners = removed;
					return;
				}
			}
		}
	}

	@Override
	public void onDatagram(Socks5Address source, ByteBuffer payload, Socks5UdpRoute route) {
		if (this.pendingReplies.offer(source, payload, route)) {
			return;
		}
		int position = payload.position();
		int limit = payload.limit();
		for (Socks5UdpDatagramListener listener : this.listeners) {
			try {
				listener.onDatagram(source, payload, route);
			}
			catch (Throwable ex) {
				survive(ex, "a datagram from " + source + " via " + route.describe());
			}
			payload.limit(limit).position(position);
		}
	}

	@Override
	public void onDrop(Socks5DropReason reason, @Nullable Socks5Address source, Socks5UdpRoute route) {
		for (Socks5UdpDatagramListener listener : this.listeners) {
			try {
				listener.onDrop(reason, source, route);
			}
			catch (Throwable ex) {
				survive(ex, "a dropped datagram (" + reason.tag() + ") via " + route.describe());
			}
		}
	}

	private static void survive(Throwable failure, String what) {
		if (Socks5ListenerFailures.isFatal(failure)) {
			throw (VirtualMachineError) failure;
		}
		logger.warn("Listener failed on " + what, failure);
	}

}
