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

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.util.function.Supplier;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.socks5udp.core.client.AssociateAddressPolicy;
import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5KeepAlive;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressText;
import io.socks5udp.core.protocol.Socks5ProtocolException;
import jdk.net.ExtendedSocketOptions;

/**
 * Opens the control connection of an association on an event loop: TCP connect, then
 * {@link Socks5ControlHandshake}, then the relay address chosen by the options'
 * {@link io.socks5udp.core.client.RelayAddressPolicy}.
 *
 * @author socks5-udp authors
 */
final class Socks5ControlConnector {

	private final Socks5AssociationOptions options;

	private final ChannelFactory<? extends SocketChannel> channelFactory;

	Socks5ControlConnector(Socks5AssociationOptions options, ChannelFactory<? extends SocketChannel> channelFactory) {
		this.options = options;
		this.channelFactory = channelFactory;
	}

	/**
	 * Connect and run the handshake.
	 * @param eventLoop the event loop of the control connection
	 * @param udpLocal the local address of the datagram channel the association is for
	 * @return a future of the open control connection and its relay
	 */
	Future<Socks5RelayBinding> connect(EventLoop eventLoop, InetSocketAddress udpLocal) {
		Promise<Socks5RelayBinding> result = eventLoop.newPromise();
		Promise<Socks5Address> bound = eventLoop.newPromise();
		Bootstrap bootstrap = new Bootstrap().group(eventLoop)
			.channelFactory(this.channelFactory)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
					(int) Math.min(Integer.MAX_VALUE, this.options.connectTimeout().toMillis()))
			.option(ChannelOption.TCP_NODELAY, true)
			.option(ChannelOption.SO_KEEPALIVE, true)
			.handler(new ChannelInitializer<SocketChannel>() {

				@Override
				protected void initChannel(SocketChannel ch) {
					applyKeepAlive(ch, Socks5ControlConnector.this.options.keepAlive());
					Supplier<Socks5Address> dst = () -> announced(ch.localAddress(), udpLocal);
					ch.pipeline().addLast(new Socks5ControlHandshake(Socks5ControlConnector.this.options, dst, bound));
				}

			});
		InetSocketAddress server = new InetSocketAddress(this.options.host(), this.options.port());
		ChannelFuture connect = bootstrap.connect(server);
		connect.addListener((ChannelFuture future) -> {
			if (!future.isSuccess()) {
				bound.tryFailure(future.cause());
			}
		});
		result.addListener((Future<Socks5RelayBinding> future) -> {
			if (future.isCancelled()) {
				connect.channel().close();
			}
		});
		bound.addListener((Future<Socks5Address> future) -> {
			Channel channel = connect.channel();
			if (!future.isSuccess()) {
				channel.close();
				result.tryFailure(future.cause());
				return;
			}
			try {
				Socks5Address reply = future.getNow();
				InetSocketAddress serverAddress = (InetSocketAddress) channel.remoteAddress();
				InetSocketAddress relay = this.options.relayAddressPolicy()
					.relayAddress(reply, serverAddress.getAddress());
				if (relay.getPort() == 0) {
					throw new Socks5ProtocolException(
							"BND.PORT: 0 (expected: 1-" + Socks5Address.MAX_PORT + ") in the UDP ASSOCIATE reply "
									+ reply + " (SOCKS5 server " + Socks5AddressText.hostAndPort(serverAddress) + ")");
				}
				if (!result.trySuccess(new Socks5RelayBinding(channel, reply, relay))) {
					channel.close();
				}
			}
			catch (IOException | RuntimeException ex) {
				channel.close();
				result.tryFailure(ex);
			}
		});
		return result;
	}

	/**
	 * Return the DST of the UDP ASSOCIATE request: zeros of the control connection's
	 * family, or the datagram channel's address, where a wildcard is replaced by the
	 * control connection's local address (the one the datagrams will come from).
	 */
	private Socks5Address announced(InetSocketAddress controlLocal, InetSocketAddress udpLocal) {
		boolean ipv6 = controlLocal.getAddress() instanceof Inet6Address;
		if (this.options.associateAddressPolicy() == AssociateAddressPolicy.ZEROS) {
			return ipv6 ? Socks5Address.ipv6(new byte[16], 0) : Socks5Address.ipv4(new byte[4], 0);
		}
		if (udpLocal.getAddress().isAnyLocalAddress()) {
			return Socks5Address.of(controlLocal.getAddress(), udpLocal.getPort());
		}
		return Socks5Address.of(udpLocal);
	}

	private static void applyKeepAlive(SocketChannel channel, Socks5KeepAlive keepAlive) {
		if (!(channel instanceof NioSocketChannel)) {
			// Other transports keep the system's keepalive times
			return;
		}
		try {
			channel.config().setOption(NioChannelOption.of(StandardSocketOptions.SO_KEEPALIVE), true);
			channel.config()
				.setOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE), (int) keepAlive.idle().toSeconds());
			channel.config()
				.setOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPINTERVAL),
						(int) keepAlive.interval().toSeconds());
			channel.config().setOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPCOUNT), keepAlive.count());
		}
		catch (RuntimeException ex) {
			// Not supported on this platform: its own keepalive times apply
		}
	}

}
