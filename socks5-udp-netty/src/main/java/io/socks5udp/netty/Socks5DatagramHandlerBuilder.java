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
package io.socks5udp.netty;

import java.util.Objects;

import io.netty.channel.ChannelFactory;
import io.netty.channel.socket.SocketChannel;
import io.socks5udp.core.client.Socks5AssociationOptions;
import org.jspecify.annotations.Nullable;

/**
 * Builder of {@link Socks5DatagramHandler}.
 *
 * @author socks5-udp authors
 */
public final class Socks5DatagramHandlerBuilder {

	final Socks5AssociationOptions options;

	Socks5ReassociationBackoff backoff = Socks5ReassociationBackoff.DEFAULT;

	@Nullable ChannelFactory<? extends SocketChannel> controlChannelFactory;

	int pendingLimit = Socks5DatagramHandler.DEFAULT_PENDING_LIMIT;

	Socks5DatagramHandlerBuilder(Socks5AssociationOptions options) {
		this.options = Objects.requireNonNull(options, "'options' must not be null");
	}

	/**
	 * Set the delays before associating again (default
	 * {@link Socks5ReassociationBackoff#DEFAULT}).
	 * @param backoff the backoff
	 * @return this builder
	 */
	public Socks5DatagramHandlerBuilder backoff(Socks5ReassociationBackoff backoff) {
		this.backoff = Objects.requireNonNull(backoff, "'backoff' must not be null");
		return this;
	}

	/**
	 * Set what creates the TCP control connection, which is registered on the datagram
	 * channel's event loop: needed for transports other than NIO, such as
	 * {@code EpollSocketChannel::new} for an epoll datagram channel.
	 * @param controlChannelFactory the factory, or {@code null} for NIO
	 * @return this builder
	 */
	public Socks5DatagramHandlerBuilder controlChannelFactory(
			@Nullable ChannelFactory<? extends SocketChannel> controlChannelFactory) {
		this.controlChannelFactory = controlChannelFactory;
		return this;
	}

	/**
	 * Set how many datagrams are held while no association is granted (default
	 * {@value Socks5DatagramHandler#DEFAULT_PENDING_LIMIT}); beyond it, writes fail.
	 * @param pendingLimit zero or more
	 * @return this builder
	 */
	public Socks5DatagramHandlerBuilder pendingLimit(int pendingLimit) {
		if (pendingLimit < 0) {
			throw new IllegalArgumentException("pendingLimit: " + pendingLimit + " (expected: >= 0)");
		}
		this.pendingLimit = pendingLimit;
		return this;
	}

	/**
	 * Build the handler, for one channel.
	 * @return the handler
	 */
	public Socks5DatagramHandler build() {
		return new Socks5DatagramHandler(this);
	}

}
