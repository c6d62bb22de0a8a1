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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.socks5udp.benchmarks.e2e.RoundTripSamples;
import org.jspecify.annotations.Nullable;

/**
 * A Netty datagram channel that keeps a window of datagrams in flight to an echo target:
 * each echo records its round-trip time (the send time travels in the payload) and sends
 * the next datagram, from the event loop.
 *
 * @author socks5-udp authors
 */
final class NettyRoundTrips implements RoundTrips {

	private final Channel channel;

	private final InetSocketAddress target;

	private final int size;

	private final RoundTripSamples samples = new RoundTripSamples();

	private volatile boolean running;

	private volatile CountDownLatch drained = new CountDownLatch(0);

	private int inFlight;

	NettyRoundTrips(EventLoopGroup group, @Nullable ChannelHandler first, InetSocketAddress bind,
			InetSocketAddress target, int size) throws InterruptedException {
		this.target = target;
		this.size = size;
		this.channel = new Bootstrap().group(group)
			.channel(NioDatagramChannel.class)
			.handler(new ChannelInitializer<DatagramChannel>() {

				@Override
				protected void initChannel(DatagramChannel ch) {
					if (first != null) {
						ch.pipeline().addLast(first);
					}
					ch.pipeline().addLast(new Echoes());
				}

			})
			.bind(bind)
			.sync()
			.channel();
	}

	/**
	 * Keep a window in flight for a while, recording every round trip.
	 * @param window datagrams in flight
	 * @param seconds how long
	 * @param measure whether this run is the measured one
	 * @return round trips completed while running
	 */
	@Override
	public long run(int window, double seconds, boolean measure) throws InterruptedException {
		if (measure) {
			this.samples.restart();
		}
		this.running = true;
		this.drained = new CountDownLatch(1);
		long before = completed;
		this.channel.eventLoop().execute(() -> {
			for (int i = 0; i < window; i++) {
				send();
			}
		});
		Thread.sleep((long) (seconds * 1000));
		this.running = false;
		long done = completed - before;
		this.samples.stop();
		// Wait for the window to drain (or give up after a second: lost datagrams)
		this.drained.await(1, TimeUnit.SECONDS);
		this.channel.eventLoop().submit(() -> this.inFlight = 0).sync();
		return done;
	}

	private volatile long completed;

	@Override
	public RoundTripSamples samples() {
		return this.samples;
	}

	private void send() {
		ByteBuf payload = this.channel.alloc().buffer(this.size);
		payload.writeLong(System.nanoTime());
		payload.writeZero(this.size - Long.BYTES);
		this.inFlight++;
		this.channel.writeAndFlush(new DatagramPacket(payload, this.target));
	}

	@Override
	public void close() {
		this.channel.close().syncUninterruptibly();
	}

	private final class Echoes extends SimpleChannelInboundHandler<DatagramPacket> {

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
			long rtt = System.nanoTime() - packet.content().getLong(packet.content().readerIndex());
			NettyRoundTrips trips = NettyRoundTrips.this;
			trips.inFlight--;
			trips.completed++;
			trips.samples.record(rtt);
			if (trips.running) {
				trips.send();
			}
			else if (trips.inFlight <= 0) {
				trips.drained.countDown();
			}
		}

	}

}
