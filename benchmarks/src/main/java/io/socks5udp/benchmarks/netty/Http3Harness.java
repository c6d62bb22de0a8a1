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
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
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
import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.netty.Socks5DatagramChannelFactory;
import io.socks5udp.test.dante.LocalDante;

/**
 * HTTP/3 requests per second over one QUIC connection to a local Netty HTTP/3 server,
 * directly against through a local Dante ({@link Socks5DatagramChannelFactory}), on
 * loopback. Each of {@code --streams} loops sends a GET, waits for the whole response and
 * sends the next; rounds alternate the order of the two paths.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.socks5udp.benchmarks.netty.Http3Harness
 * --rounds 7 --seconds 3 --warmup 1 --streams 8}
 *
 * @author socks5-udp authors
 */
public final class Http3Harness {

	private Http3Harness() {
	}

	/**
	 * Run the harness.
	 * @param args {@code --rounds}, {@code --seconds}, {@code --warmup},
	 * {@code --streams}
	 * @throws Exception if a server does not start or a connection fails
	 */
	public static void main(String[] args) throws Exception {
		int rounds = Integer.parseInt(Stats.argument(args, "--rounds", "7"));
		double seconds = Double.parseDouble(Stats.argument(args, "--seconds", "3"));
		double warmup = Double.parseDouble(Stats.argument(args, "--warmup", "1"));
		int streams = Integer.parseInt(Stats.argument(args, "--streams", "8"));
		EventLoopGroup serverGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		EventLoopGroup clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		try (LocalDante dante = LocalDante.start()) {
			Http3BenchServer server = new Http3BenchServer(serverGroup, new InetSocketAddress("127.0.0.1", 0));
			Socks5AssociationOptions options = Socks5AssociationOptions.builder(dante.host(), dante.port()).build();
			QuicChannel direct = connect(clientGroup, NioDatagramChannel::new, server.address());
			QuicChannel proxied = connect(clientGroup, new Socks5DatagramChannelFactory(options), server.address());
			String[] names = { "HTTP/3 direct", "HTTP/3 through Dante" };
			QuicChannel[] paths = { direct, proxied };
			double[][] rates = new double[2][rounds];
			System.out.printf(Locale.ROOT, "streams=%d seconds=%.1f warmup=%.1f rounds=%d%n", streams, seconds, warmup,
					rounds);
			for (int round = 0; round < rounds; round++) {
				for (int k = 0; k < 2; k++) {
					int path = (round % 2 == 0) ? k : 1 - k;
					load(paths[path], server.address(), streams, warmup);
					rates[path][round] = load(paths[path], server.address(), streams, seconds) / seconds;
					System.out.printf(Locale.ROOT, "round %d %-22s %,10.0f requests/s%n", round + 1, names[path],
							rates[path][round]);
				}
			}
			System.out.println();
			System.out.println("| path | requests/s (median) | min - max |");
			System.out.println("|---|---:|---:|");
			for (int path = 0; path < 2; path++) {
				System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f - %,.0f |%n", names[path],
						Stats.median(rates[path]), Stats.min(rates[path]), Stats.max(rates[path]));
			}
			double[] ratios = new double[rounds];
			for (int round = 0; round < rounds; round++) {
				ratios[round] = rates[1][round] / rates[0][round];
			}
			System.out.printf(Locale.ROOT,
					"ratio through Dante / direct: %.2f (median of medians), %.2f paired " + "(%.2f - %.2f)%n",
					Stats.median(rates[1]) / Stats.median(rates[0]), Stats.median(ratios), Stats.min(ratios),
					Stats.max(ratios));
			direct.close().sync();
			proxied.close().sync();
			direct.parent().close().sync();
			proxied.parent().close().sync();
			server.close();
		}
		finally {
			clientGroup.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
			serverGroup.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
		}
	}

	private static QuicChannel connect(EventLoopGroup group, ChannelFactory<? extends DatagramChannel> channels,
			InetSocketAddress server) throws Exception {
		QuicSslContext ssl = QuicSslContextBuilder.forClient()
			.trustManager(InsecureTrustManagerFactory.INSTANCE)
			.applicationProtocols(Http3.supportedApplicationProtocols())
			.build();
		Channel udp = new Bootstrap().group(group)
			.channelFactory(channels)
			.handler(Http3.newQuicClientCodecBuilder()
				.sslContext(ssl)
				.maxIdleTimeout(60, TimeUnit.SECONDS)
				.initialMaxData(100_000_000)
				.initialMaxStreamDataBidirectionalLocal(1_000_000)
				.build())
			.bind(new InetSocketAddress("127.0.0.1", 0))
			.sync()
			.channel();
		return QuicChannel.newBootstrap(udp)
			.handler(new Http3ClientConnectionHandler())
			.remoteAddress(server)
			.connect()
			.get(10, TimeUnit.SECONDS);
	}

	private static long load(QuicChannel connection, InetSocketAddress server, int streams, double seconds)
			throws InterruptedException {
		AtomicLong completed = new AtomicLong();
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		CountDownLatch done = new CountDownLatch(streams);
		String authority = "127.0.0.1:" + server.getPort();
		for (int i = 0; i < streams; i++) {
			new RequestLoop(connection, authority, deadline, completed, done).next();
		}
		if (!done.await((long) (seconds * 1000) + 10_000, TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("requests did not finish");
		}
		return completed.get();
	}

	private static final class RequestLoop {

		private final QuicChannel connection;

		private final String authority;

		private final long deadline;

		private final AtomicLong completed;

		private final CountDownLatch done;

		RequestLoop(QuicChannel connection, String authority, long deadline, AtomicLong completed,
				CountDownLatch done) {
			this.connection = connection;
			this.authority = authority;
			this.deadline = deadline;
			this.completed = completed;
			this.done = done;
		}

		void next() {
			if (System.nanoTime() >= this.deadline) {
				this.done.countDown();
				return;
			}
			Http3.newRequestStream(this.connection, new Http3RequestStreamInboundHandler() {

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
					RequestLoop.this.completed.incrementAndGet();
					ctx.close();
					next();
				}

			}).addListener((io.netty.util.concurrent.Future<QuicStreamChannel> future) -> {
				if (!future.isSuccess()) {
					this.done.countDown();
					return;
				}
				Http3HeadersFrame request = new DefaultHttp3HeadersFrame();
				request.headers().method("GET").path("/").authority(this.authority).scheme("https");
				future.getNow().writeAndFlush(request).addListener(QuicStreamChannel.SHUTDOWN_OUTPUT);
			});
		}

	}

}
