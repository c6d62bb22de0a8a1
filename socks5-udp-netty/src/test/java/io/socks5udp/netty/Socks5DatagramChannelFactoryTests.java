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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.resolver.ResolvedAddressTypes;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.DnsNameResolverChannelStrategy;
import io.netty.resolver.dns.SingletonDnsServerAddressStreamProvider;
import io.netty.util.concurrent.Future;
import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.support.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link Socks5DatagramChannelFactory}: Netty's {@link DnsNameResolver}, given
 * the factory, resolves through a real Dante process to a local DNS server, over IPv4 and
 * IPv6.
 *
 * @author socks5-udp authors
 */
class Socks5DatagramChannelFactoryTests {

	private static final String NAME = "made-up.socks5udp.test";

	private static EventLoopGroup group;

	private static LocalDante dante;

	@BeforeAll
	static void start() throws IOException {
		TestEnvironment.requireDanted();
		group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
		dante = LocalDante.start();
	}

	@AfterAll
	static void stop() {
		if (dante != null) {
			dante.close();
		}
		if (group != null) {
			group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
		}
	}

	@Test
	void dnsNameResolverResolvesThroughDanteOverIpv4() throws Exception {
		InetAddress answer = InetAddress.getByName("127.0.0.42");
		try (LocalDnsServer dns = new LocalDnsServer(group, new InetSocketAddress("127.0.0.1", 0),
				Map.of(NAME + ".", answer))) {
			List<Socks5DatagramHandler> handlers = new CopyOnWriteArrayList<>();
			DnsNameResolver resolver = resolver(dante.host(), dns.address(), ResolvedAddressTypes.IPV4_ONLY, handlers);
			try {
				InetAddress resolved = resolver.resolve(NAME).get(10, TimeUnit.SECONDS);
				assertThat(resolved).isEqualTo(answer);
				assertRelayed(handlers, dns);
			}
			finally {
				resolver.close();
			}
		}
	}

	@Test
	void dnsNameResolverResolvesThroughDanteOverIpv6() throws Exception {
		InetAddress answer = InetAddress.getByName("::1");
		try (LocalDnsServer dns = new LocalDnsServer(group, new InetSocketAddress("::1", 0),
				Map.of(NAME + ".", answer))) {
			List<Socks5DatagramHandler> handlers = new CopyOnWriteArrayList<>();
			DnsNameResolver resolver = resolver("::1", dns.address(), ResolvedAddressTypes.IPV6_ONLY, handlers);
			try {
				InetAddress resolved = resolver.resolve(NAME).get(10, TimeUnit.SECONDS);
				assertThat(resolved).isEqualTo(answer);
				assertRelayed(handlers, dns);
				assertThat(dns.querySenders).allSatisfy((sender) -> assertThat(sender.getAddress()).isEqualTo(answer));
			}
			finally {
				resolver.close();
			}
		}
	}

	@Test
	void unknownNameFailsThroughDante() throws Exception {
		try (LocalDnsServer dns = new LocalDnsServer(group, new InetSocketAddress("127.0.0.1", 0), Map.of())) {
			List<Socks5DatagramHandler> handlers = new CopyOnWriteArrayList<>();
			DnsNameResolver resolver = resolver(dante.host(), dns.address(), ResolvedAddressTypes.IPV4_ONLY, handlers);
			try {
				Future<InetAddress> resolution = resolver.resolve("unknown.socks5udp.test");
				assertThat(resolution.await(10, TimeUnit.SECONDS)).isTrue();
				assertThat(resolution.cause()).isInstanceOf(UnknownHostException.class);
				assertRelayed(handlers, dns);
			}
			finally {
				resolver.close();
			}
		}
	}

	private DnsNameResolver resolver(String danteHost, InetSocketAddress dnsServer, ResolvedAddressTypes types,
			List<Socks5DatagramHandler> handlers) {
		Socks5AssociationOptions options = Socks5AssociationOptions.builder(danteHost, dante.port()).build();
		return new DnsNameResolverBuilder(group.next())
			.datagramChannelFactory(new Socks5DatagramChannelFactory(NioDatagramChannel::new, () -> {
				Socks5DatagramHandler handler = new Socks5DatagramHandler(options);
				handlers.add(handler);
				return handler;
			}))
			.datagramChannelStrategy(DnsNameResolverChannelStrategy.ChannelPerResolver)
			.nameServerProvider(new SingletonDnsServerAddressStreamProvider(dnsServer))
			.resolvedAddressTypes(types)
			.searchDomains(List.of())
			.queryTimeoutMillis(5000)
			.build();
	}

	private static void assertRelayed(List<Socks5DatagramHandler> handlers, LocalDnsServer dns) {
		assertThat(handlers).isNotEmpty();
		assertThat(handlers.stream().mapToLong((handler) -> handler.counters().datagramsReceived()).sum()).isPositive();
		// Every query reached the DNS server from Dante's relay, not from the resolver
		assertThat(dns.querySenders).isNotEmpty()
			.allSatisfy((sender) -> assertThat(handlers.stream().map(Socks5DatagramHandler::relayAddress))
				.doesNotContain(sender));
	}

}
