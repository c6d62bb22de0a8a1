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

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;

/**
 * An authoritative-only DNS server on a loopback address, built from Netty's DNS codec:
 * it answers A and AAAA questions for the names it is given and NXDOMAIN for the rest,
 * and remembers where each query came from. For tests.
 *
 * @author socks5-udp authors
 */
final class LocalDnsServer implements AutoCloseable {

	private final Channel channel;

	private final Map<String, InetAddress> answers;

	final Queue<InetSocketAddress> querySenders = new ConcurrentLinkedQueue<>();

	/**
	 * Start a server.
	 * @param group the event loop group
	 * @param bindAddress a loopback address, port 0
	 * @param answers the answers by fully qualified name (with the trailing dot)
	 */
	LocalDnsServer(EventLoopGroup group, InetSocketAddress bindAddress, Map<String, InetAddress> answers)
			throws InterruptedException {
		this.answers = answers;
		this.channel = new Bootstrap().group(group)
			.channel(NioDatagramChannel.class)
			.handler(new ChannelInitializer<DatagramChannel>() {

				@Override
				protected void initChannel(DatagramChannel ch) {
					ch.pipeline()
						.addLast(new DatagramDnsQueryDecoder(), new DatagramDnsResponseEncoder(), new Responder());
				}

			})
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

	private final class Responder extends SimpleChannelInboundHandler<DatagramDnsQuery> {

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsQuery query) {
			LocalDnsServer.this.querySenders.add(query.sender());
			DnsQuestion question = query.recordAt(DnsSection.QUESTION);
			DatagramDnsResponse response = new DatagramDnsResponse(query.recipient(), query.sender(), query.id());
			response.setAuthoritativeAnswer(true).setRecursionAvailable(true);
			response.addRecord(DnsSection.QUESTION, question);
			InetAddress answer = LocalDnsServer.this.answers.get(question.name());
			int length = (question.type() == DnsRecordType.A) ? 4 : 16;
			if (answer == null) {
				response.setCode(DnsResponseCode.NXDOMAIN);
			}
			else if ((question.type() == DnsRecordType.A || question.type() == DnsRecordType.AAAA)
					&& answer.getAddress().length == length) {
				response.addRecord(DnsSection.ANSWER, new DefaultDnsRawRecord(question.name(), question.type(), 60,
						Unpooled.wrappedBuffer(answer.getAddress())));
			}
			ctx.writeAndFlush(response);
		}

	}

}
