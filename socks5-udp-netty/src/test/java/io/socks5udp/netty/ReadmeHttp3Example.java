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

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3ClientConnectionHandler;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicSslContext;
import io.socks5udp.core.client.Socks5AssociationOptions;

/**
 * The README's HTTP/3 example, as written there (between the snippet comments).
 *
 * @author socks5-udp authors
 */
final class ReadmeHttp3Example {

	private ReadmeHttp3Example() {
	}

	static QuicChannel connect(EventLoopGroup group, Socks5AssociationOptions options, QuicSslContext sslContext,
			InetSocketAddress server) throws Exception {
		// snippet start
		Channel udp = new Bootstrap().group(group)
			.channelFactory(new Socks5DatagramChannelFactory(options))
			.handler(Http3.newQuicClientCodecBuilder()
				.sslContext(sslContext)
				.maxIdleTimeout(30, TimeUnit.SECONDS)
				.initialMaxData(10_000_000)
				.initialMaxStreamDataBidirectionalLocal(1_000_000)
				.build())
			.bind(0)
			.sync()
			.channel();
		return QuicChannel.newBootstrap(udp)
			.handler(new Http3ClientConnectionHandler())
			.remoteAddress(server)
			.connect()
			.get();
		// snippet end
	}

}
