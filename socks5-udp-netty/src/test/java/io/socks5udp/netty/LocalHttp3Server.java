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
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * A Netty HTTP/3 server on a loopback address with a certificate issued by a root
 * generated at start: every request gets {@code 200} and the body {@code hello <path>}.
 * It remembers, per request, the UDP address its QUIC connection's packets came from. For
 * tests and benchmarks.
 *
 * @author socks5-udp authors
 */
final class LocalHttp3Server implements AutoCloseable {

	private final X509Bundle certificate;

	private final Channel channel;

	final Queue<RequestSeen> requests = new ConcurrentLinkedQueue<>();

	LocalHttp3Server(EventLoopGroup group, InetSocketAddress bindAddress) throws Exception {
		this.certificate = new CertificateBuilder().subject("CN=localhost")
			.addSanDnsName("localhost")
			.addSanIpAddress(bindAddress.getAddress())
			.setIsCertificateAuthority(true)
			.ecp256()
			.buildSelfSigned();
		QuicSslContext ssl = QuicSslContextBuilder
			.forServer(this.certificate.getKeyPair().getPrivate(), null, this.certificate.getCertificate())
			.applicationProtocols(Http3.supportedApplicationProtocols())
			.build();
		ChannelHandler codec = Http3.newQuicServerCodecBuilder()
			.sslContext(ssl)
			.maxIdleTimeout(30, TimeUnit.SECONDS)
			.initialMaxData(10_000_000)
			.initialMaxStreamDataBidirectionalLocal(1_000_000)
			.initialMaxStreamDataBidirectionalRemote(1_000_000)
			.initialMaxStreamsBidirectional(10_000)
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
			.bind(bindAddress)
			.sync()
			.channel();
	}

	InetSocketAddress address() {
		return (InetSocketAddress) this.channel.localAddress();
	}

	@Override
	public void close() {
		this.channel.close().syncUninterruptibly();
	}

	/**
	 * A request as the server saw it.
	 *
	 * @param connection the QUIC connection it came on
	 * @param peer the UDP address the connection's packets came from at the time
	 * @param path the request's path
	 */
	record RequestSeen(QuicChannel connection, SocketAddress peer, String path) {

	}

	private final class Responder extends Http3RequestStreamInboundHandler {

		private String path = "/";

		@Override
		protected void channelRead(ChannelHandlerContext ctx, Http3HeadersFrame frame) {
			CharSequence requested = frame.headers().path();
			this.path = (requested != null) ? requested.toString() : "/";
			ReferenceCountUtil.release(frame);
		}

		@Override
		protected void channelRead(ChannelHandlerContext ctx, Http3DataFrame frame) {
			ReferenceCountUtil.release(frame);
		}

		@Override
		protected void channelInputClosed(ChannelHandlerContext ctx) {
			QuicChannel connection = (QuicChannel) ctx.channel().parent();
			LocalHttp3Server.this.requests
				.add(new RequestSeen(connection, connection.remoteSocketAddress(), this.path));
			byte[] body = ("hello " + this.path).getBytes(StandardCharsets.UTF_8);
			Http3HeadersFrame headers = new DefaultHttp3HeadersFrame();
			headers.headers().status("200").add("content-type", "text/plain").addInt("content-length", body.length);
			ctx.write(headers);
			ctx.writeAndFlush(new DefaultHttp3DataFrame(Unpooled.wrappedBuffer(body)))
				.addListener(QuicStreamChannel.SHUTDOWN_OUTPUT);
		}

	}

}
