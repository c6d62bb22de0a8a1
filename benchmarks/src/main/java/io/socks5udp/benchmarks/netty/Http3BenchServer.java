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
package io.socks5udp.benchmarks.netty;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.http3.DefaultHttp3DataFrame;
import io.netty.handler.codec.http3.DefaultHttp3HeadersFrame;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3DataFrame;
import io.netty.handler.codec.http3.Http3HeadersFrame;
import io.netty.handler.codec.http3.Http3RequestStreamInboundHandler;
import io.netty.handler.codec.http3.Http3ServerConnectionHandler;
import io.netty.handler.codec.quic.InsecureQuicTokenHandler;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import io.netty.util.ReferenceCountUtil;

/**
 * A Netty HTTP/3 server on loopback answering every request with {@code 200} and a small
 * body, with a self-signed certificate generated at start.
 *
 * @author socks5-udp authors
 */
final class Http3BenchServer {

	private static final byte[] BODY = "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	private final Channel channel;

	Http3BenchServer(EventLoopGroup group, InetSocketAddress bind) throws Exception {
		X509Bundle certificate = new CertificateBuilder().subject("CN=localhost")
			.setIsCertificateAuthority(true)
			.ecp256()
			.buildSelfSigned();
		QuicSslContext ssl = QuicSslContextBuilder
			.forServer(certificate.getKeyPair().getPrivate(), null, certificate.getCertificate())
			.applicationProtocols(Http3.supportedApplicationProtocols())
			.build();
		ChannelHandler codec = Http3.newQuicServerCodecBuilder()
			.sslContext(ssl)
			.maxIdleTimeout(60, TimeUnit.SECONDS)
			.initialMaxData(100_000_000)
			.initialMaxStreamDataBidirectionalLocal(1_000_000)
			.initialMaxStreamDataBidirectionalRemote(1_000_000)
			.initialMaxStreamsBidirectional(1_000_000)
			.tokenHandler(InsecureQuicTokenHandler.INSTANCE)
			.handler(new ChannelInitializer<QuicChannel>() {

				@Override
				protected void initChannel(QuicChannel ch) {
					ch.pipeline().addLast(new Http3ServerConnectionHandler(new ChannelInitializer<QuicStreamChannel>() {

						@Override
						protected void initChannel(QuicStreamChannel stream) {
							stream.pipeline().addLast(new Responder());
						}

					}));
				}

			})
			.build();
		this.channel = new Bootstrap().group(group)
			.channel(NioDatagramChannel.class)
			.handler(codec)
			.bind(bind)
			.sync()
			.channel();
	}

	InetSocketAddress address() {
		return (InetSocketAddress) this.channel.localAddress();
	}

	void close() {
		this.channel.close().syncUninterruptibly();
	}

	private static final class Responder extends Http3RequestStreamInboundHandler {

		@Override
		protected void channelRead(ChannelHandlerContext ctx, Http3HeadersFrame frame) {
			ReferenceCountUtil.release(frame);
		}

		@Override
		protected void channelRead(ChannelHandlerContext ctx, Http3DataFrame frame) {
			ReferenceCountUtil.release(frame);
		}

		@Override
		protected void channelInputClosed(ChannelHandlerContext ctx) {
			Http3HeadersFrame headers = new DefaultHttp3HeadersFrame();
			headers.headers().status("200").addInt("content-length", BODY.length);
			ctx.write(headers);
			ctx.writeAndFlush(new DefaultHttp3DataFrame(Unpooled.wrappedBuffer(BODY)))
				.addListener(QuicStreamChannel.SHUTDOWN_OUTPUT);
		}

	}

}
