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
package io.socks5udp.autoconfigure;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.socks5udp.netty.Socks5DatagramChannelFactories;
import io.socks5udp.netty.Socks5DatagramChannelFactory;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link Socks5UdpNettyAutoConfiguration}.
 *
 * @author socks5-udp authors
 */
class Socks5UdpNettyAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(Socks5UdpAutoConfiguration.class, Socks5UdpNettyAutoConfiguration.class))
		.withPropertyValues("socks5.udp.use-socks5c-config=false");

	@Test
	void nettyChannelOfAConfiguredServerEchoesThroughIt() throws Exception {
		EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().user("alice", "secret").build().start();
				UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			String[] properties = relay.springProperties("edge")
				.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=" + entry.getValue())
				.toArray(String[]::new);
			this.contextRunner.withPropertyValues(properties).run((context) -> {
				Socks5DatagramChannelFactories factories = context.getBean(Socks5DatagramChannelFactories.class);
				assertThat(factories.serverNames()).containsExactly("edge");
				assertThat(factories.options("edge").credentials()).isNotNull();
				BlockingQueue<String> replies = new LinkedBlockingQueue<>();
				Channel channel = new Bootstrap().group(group)
					.channelFactory(factories.forServer("edge"))
					.handler(new SimpleChannelInboundHandler<io.netty.channel.socket.DatagramPacket>() {

						@Override
						protected void channelRead0(ChannelHandlerContext ctx,
								io.netty.channel.socket.DatagramPacket packet) {
							replies.add(packet.content().toString(StandardCharsets.UTF_8));
						}

					})
					.bind(new InetSocketAddress("127.0.0.1", 0))
					.sync()
					.channel();
				try {
					channel.writeAndFlush(new io.netty.channel.socket.DatagramPacket(
							Unpooled.copiedBuffer("from a bean", StandardCharsets.UTF_8), echo.address()));
					assertThat(replies.poll(10, TimeUnit.SECONDS)).isEqualTo("from a bean");
					assertThat(relay.counters().datagramsToDestinations()).isOne();
				}
				finally {
					channel.close().sync();
				}
			});
		}
		finally {
			group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
		}
	}

	@Test
	void unknownServerNameIsRejectedWithTheConfiguredOnes() {
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.edge.host=127.0.0.1", "socks5.udp.servers.edge.port=1080")
			.run((context) -> assertThatIllegalArgumentException()
				.isThrownBy(() -> context.getBean(Socks5DatagramChannelFactories.class).forServer("other"))
				.withMessage("server: 'other' (expected: one of the configured servers [edge])"));
	}

	@Test
	void nothingWithoutTheNettyModule() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Socks5DatagramChannelFactory.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Socks5DatagramChannelFactories.class));
	}

	@Test
	void nothingWhenDisabled() {
		this.contextRunner.withPropertyValues("socks5.udp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Socks5DatagramChannelFactories.class));
	}

	@Test
	void backsOffToAUserBean() {
		Socks5DatagramChannelFactories user = new Socks5DatagramChannelFactories(java.util.Map.of());
		this.contextRunner.withBean(Socks5DatagramChannelFactories.class, () -> user)
			.run((context) -> assertThat(context.getBean(Socks5DatagramChannelFactories.class)).isSameAs(user));
	}

}
