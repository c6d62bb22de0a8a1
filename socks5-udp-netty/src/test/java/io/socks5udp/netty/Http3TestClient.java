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
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.handler.codec.http3.DefaultHttp3HeadersFrame;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3ClientConnectionHandler;
import io.netty.handler.codec.http3.Http3DataFrame;
import io.netty.handler.codec.http3.Http3HeadersFrame;
import io.netty.handler.codec.http3.Http3RequestStreamInboundHandler;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.ReferenceCountUtil;

/**
 * An HTTP/3 client of one QUIC connection, on a datagram channel from a given factory
 * (plain, or through SOCKS5). It trusts any server certificate: the servers are the
 * tests' own, on loopback (trusting the generated certificate through
 * {@code trustManager(X509Certificate...)} failed BoringSSL's verification). For tests.
 *
 * @author socks5-udp authors
 */
final class Http3TestClient implements AutoCloseable {

	private final Channel datagramChannel;

	private final QuicChannel connection;

	private final String authority;

	Http3TestClient(EventLoopGroup group, ChannelFactory<? extends DatagramChannel> channels,
			InetSocketAddress bindAddress, InetSocketAddress server) throws Exception {
		QuicSslContext ssl = QuicSslContextBuilder.forClient()
			.trustManager(InsecureTrustManagerFactory.INSTANCE)
			.applicationProtocols(Http3.supportedApplicationProtocols())
			.build();
		ChannelHandler codec = Http3.newQuicClientCodecBuilder()
			.sslContext(ssl)
			.maxIdleTimeout(30, TimeUnit.SECONDS)
			.initialMaxData(10_000_000)
			.initialMaxStreamDataBidirectionalLocal(1_000_000)
			.build();
		this.datagramChannel = new Bootstrap().group(group)
			.channelFactory(channels)
			.handler(codec)
			.bind(bindAddress)
			.sync()
			.channel();
		this.connection = QuicChannel.newBootstrap(this.datagramChannel)
			.handler(new Http3ClientConnectionHandler())
			.remoteAddress(server)
			.connect()
			.get(10, TimeUnit.SECONDS);
		this.authority = server.getHostString() + ":" + server.getPort();
	}

	Channel datagramChannel() {
		return this.datagramChannel;
	}

	QuicChannel connection() {
		return this.connection;
	}

	/**
	 * GET a path and wait for the whole response body.
	 * @param path the path
	 * @return the body as text
	 */
	String get(String path) throws Exception {
		return get(this.connection, this.authority, path);
	}

	/**
	 * GET a path on a QUIC connection and wait for the whole response body.
	 * @param connection the connection
	 * @param authority the request's authority
	 * @param path the path
	 * @return the body as text
	 */
	static String get(QuicChannel connection, String authority, String path) throws Exception {
		CompletableFuture<String> body = new CompletableFuture<>();
		StringBuilder text = new StringBuilder();
		QuicStreamChannel stream = Http3.newRequestStream(connection, new Http3RequestStreamInboundHandler() {

			@Override
			protected void channelRead(ChannelHandlerContext ctx, Http3HeadersFrame frame) {
				ReferenceCountUtil.release(frame);
			}

			@Override
			protected void channelRead(ChannelHandlerContext ctx, Http3DataFrame frame) {
				text.append(frame.content().toString(StandardCharsets.UTF_8));
				ReferenceCountUtil.release(frame);
			}

			@Override
			protected void channelInputClosed(ChannelHandlerContext ctx) {
				body.complete(text.toString());
				ctx.close();
			}

			@Override
			public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
				body.completeExceptionally(cause);
				ctx.close();
			}

		}).get(10, TimeUnit.SECONDS);
		Http3HeadersFrame request = new DefaultHttp3HeadersFrame();
		request.headers().method("GET").path(path).authority(authority).scheme("https");
		stream.writeAndFlush(request).addListener(QuicStreamChannel.SHUTDOWN_OUTPUT).sync();
		return body.get(10, TimeUnit.SECONDS);
	}

	@Override
	public void close() {
		this.connection.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
		this.datagramChannel.close().syncUninterruptibly();
	}

}
