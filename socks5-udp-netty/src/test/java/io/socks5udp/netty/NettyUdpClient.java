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
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Netty datagram channel with a {@link Socks5DatagramHandler} first and a handler that
 * queues what reaches the end of the pipeline: datagrams (as text), user events and
 * exceptions. For tests.
 *
 * @author socks5-udp authors
 */
final class NettyUdpClient implements AutoCloseable {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final Channel channel;

	private final Socks5DatagramHandler handler;

	final BlockingQueue<Received> datagrams = new LinkedBlockingQueue<>();

	final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

	final BlockingQueue<Throwable> exceptions = new LinkedBlockingQueue<>();

	NettyUdpClient(EventLoopGroup group, Socks5DatagramHandler handler, InetSocketAddress bindAddress)
			throws InterruptedException {
		this.handler = handler;
		Bootstrap bootstrap = new Bootstrap().group(group)
			.channel(NioDatagramChannel.class)
			.handler(new ChannelInitializer<DatagramChannel>() {

				@Override
				protected void initChannel(DatagramChannel ch) {
					ch.pipeline().addLast(handler, new Collector());
				}

			});
		this.channel = bootstrap.bind(bindAddress).sync().channel();
	}

	Channel channel() {
		return this.channel;
	}

	Socks5DatagramHandler handler() {
		return this.handler;
	}

	InetSocketAddress localAddress() {
		return (InetSocketAddress) this.channel.localAddress();
	}

	ChannelFuture send(String text, InetSocketAddress recipient) {
		ByteBuf payload = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
		return this.channel.writeAndFlush(new DatagramPacket(payload, recipient));
	}

	Received receive() throws InterruptedException {
		Received received = this.datagrams.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(received).as("datagram within %s", TIMEOUT).isNotNull();
		return received;
	}

	<T> T awaitEvent(Class<T> type) throws InterruptedException {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (true) {
			Object event = this.events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			assertThat(event).as("%s within %s", type.getSimpleName(), TIMEOUT).isNotNull();
			if (type.isInstance(event)) {
				return type.cast(event);
			}
		}
	}

	Throwable awaitException() throws InterruptedException {
		Throwable cause = this.exceptions.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(cause).as("exception within %s", TIMEOUT).isNotNull();
		return cause;
	}

	@Override
	public void close() {
		this.channel.close().syncUninterruptibly();
	}

	record Received(String text, InetSocketAddress sender, @Nullable InetSocketAddress recipient) {

	}

	private final class Collector extends SimpleChannelInboundHandler<DatagramPacket> {

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
			NettyUdpClient.this.datagrams.add(new Received(packet.content().toString(StandardCharsets.UTF_8),
					packet.sender(), packet.recipient()));
		}

		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
			NettyUdpClient.this.events.add(evt);
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			NettyUdpClient.this.exceptions.add(cause);
		}

	}

}
