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
import java.util.function.Supplier;

import io.netty.channel.ChannelFactory;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.socks5udp.core.client.Socks5AssociationOptions;

/**
 * Creates datagram channels whose pipeline starts with a {@link Socks5DatagramHandler},
 * for code that creates its own channels and lets you choose only the factory: Netty's
 * {@code DnsNameResolverBuilder.datagramChannelFactory(...)}, a QUIC client's
 * {@code Bootstrap.channelFactory(...)}. <pre class="code">
 * DnsNameResolver resolver = new DnsNameResolverBuilder(group.next())
 *     .datagramChannelFactory(new Socks5DatagramChannelFactory(options))
 *     .nameServerProvider(...)
 *     .build();
 * </pre>
 *
 * @author socks5-udp authors
 */
public final class Socks5DatagramChannelFactory implements ChannelFactory<DatagramChannel> {

	private final ChannelFactory<? extends DatagramChannel> channels;

	private final Supplier<Socks5DatagramHandler> handlers;

	/**
	 * Create a factory of NIO datagram channels through an association with these options
	 * and the default backoff.
	 * @param options the association's options
	 */
	public Socks5DatagramChannelFactory(Socks5AssociationOptions options) {
		this(NioDatagramChannel::new, () -> new Socks5DatagramHandler(options));
	}

	/**
	 * Create a factory of channels from another factory, each given a new handler.
	 * @param channels what creates the channels
	 * @param handlers what creates one handler per channel
	 */
	public Socks5DatagramChannelFactory(ChannelFactory<? extends DatagramChannel> channels,
			Supplier<Socks5DatagramHandler> handlers) {
		this.channels = Objects.requireNonNull(channels, "'channels' must not be null");
		this.handlers = Objects.requireNonNull(handlers, "'handlers' must not be null");
	}

	@Override
	public DatagramChannel newChannel() {
		DatagramChannel channel = this.channels.newChannel();
		channel.pipeline().addFirst(Socks5DatagramHandler.NAME, this.handlers.get());
		return channel;
	}

}
