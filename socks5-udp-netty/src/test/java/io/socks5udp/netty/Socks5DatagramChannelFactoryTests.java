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
import java.time.Duration;
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
import static org.awaitility.Awaitility.await;

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

	@Test
	void http3RequestThroughDanteGetsItsResponse() throws Exception {
		try (LocalHttp3Server server = new LocalHttp3Server(group, new InetSocketAddress("127.0.0.1", 0))) {
			List<Socks5DatagramHandler> handlers = new CopyOnWriteArrayList<>();
			try (Http3TestClient client = new Http3TestClient(group, factory(dante, handlers),
					new InetSocketAddress("127.0.0.1", 0), server.address())) {
				assertThat(client.get("/through-dante")).isEqualTo("hello /through-dante");
				LocalHttp3Server.RequestSeen seen = server.requests.peek();
				assertThat(seen).isNotNull();
				// The server's peer is Dante's relay socket, not the client's channel
				assertThat(seen.peer()).isNotEqualTo(client.datagramChannel().localAddress());
				assertThat(handlers).singleElement()
					.satisfies((handler) -> assertThat(handler.counters().datagramsReceived()).isPositive());
			}
		}
	}

	@Test
	void quicConnectionSurvivesAReassociationByServerSidePathMigration() throws Exception {
		try (LocalDante own = LocalDante.start();
				LocalHttp3Server server = new LocalHttp3Server(group, new InetSocketAddress("127.0.0.1", 0))) {
			List<Socks5DatagramHandler> handlers = new CopyOnWriteArrayList<>();
			try (Http3TestClient client = new Http3TestClient(group, factory(own, handlers),
					new InetSocketAddress("127.0.0.1", 0), server.address())) {
				assertThat(client.get("/before")).isEqualTo("hello /before");
				Socks5DatagramHandler handler = handlers.get(0);
				InetSocketAddress firstRelay = handler.relayAddress();
				own.restart();
				await().atMost(Duration.ofSeconds(10)).until(() -> handler.generation() >= 2 && handler.isAssociated());
				assertThat(client.get("/after")).isEqualTo("hello /after");
				assertThat(handler.relayAddress()).isNotEqualTo(firstRelay);
				assertThat(client.connection().isActive()).isTrue();
				List<LocalHttp3Server.RequestSeen> seen = List.copyOf(server.requests);
				assertThat(seen).extracting(LocalHttp3Server.RequestSeen::path).containsExactly("/before", "/after");
				// One QUIC connection from first to last request; the server saw its peer
				// move from the old relay socket to the new one and migrated the path
				assertThat(seen.get(1).connection()).isSameAs(seen.get(0).connection());
				assertThat(seen.get(1).peer()).isNotEqualTo(seen.get(0).peer());
			}
		}
	}

	private static Socks5DatagramChannelFactory factory(LocalDante server, List<Socks5DatagramHandler> handlers) {
		Socks5AssociationOptions options = Socks5AssociationOptions.builder(server.host(), server.port()).build();
		Socks5ReassociationBackoff quick = new Socks5ReassociationBackoff(Duration.ofMillis(20), Duration.ofMillis(200),
				2, 0);
		return new Socks5DatagramChannelFactory(NioDatagramChannel::new, () -> {
			Socks5DatagramHandler handler = Socks5DatagramHandler.builder(options).backoff(quick).build();
			handlers.add(handler);
			return handler;
		});
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
