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

import io.netty.channel.EventLoopGroup;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.DnsNameResolverChannelStrategy;
import io.netty.resolver.dns.SingletonDnsServerAddressStreamProvider;
import io.socks5udp.core.client.Socks5AssociationOptions;

/**
 * The README's DNS example, as written there (between the snippet comments).
 *
 * @author socks5-udp authors
 */
final class ReadmeDnsExample {

	private ReadmeDnsExample() {
	}

	static InetAddress resolve(EventLoopGroup group, String proxyHost, int proxyPort, InetSocketAddress dnsServer,
			String name) throws Exception {
		// snippet start
		Socks5AssociationOptions options = Socks5AssociationOptions.builder(proxyHost, proxyPort).build();
		DnsNameResolver resolver = new DnsNameResolverBuilder(group.next())
			.datagramChannelFactory(new Socks5DatagramChannelFactory(options))
			.datagramChannelStrategy(DnsNameResolverChannelStrategy.ChannelPerResolver)
			.nameServerProvider(new SingletonDnsServerAddressStreamProvider(dnsServer))
			.build();
		try {
			return resolver.resolve(name).get();
		}
		finally {
			resolver.close();
		}
		// snippet end
	}

}
