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
package io.socks5udp.benchmarks.registry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.registry.Socks5Destination;
import io.socks5udp.core.registry.Socks5ServerSelection;
import io.socks5udp.core.registry.Socks5Rule;
import io.socks5udp.core.registry.Socks5RuleSet;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.core.registry.Socks5ServerSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Registry lookups over 10,000 address rules (8,000 IPv4 and 2,000 IPv6, prefix lengths
 * spread over 8-32 and 16-128) and 1,000 name-fragment rules. Each benchmark cycles
 * through 4,096 destinations, half of them inside a rule's prefix or under a rule's
 * fragment. Run with {@code -prof gc} to see the allocation per lookup.
 *
 * @author socks5-udp authors
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RegistryLookupBenchmark {

	private static final int DESTINATIONS = 4096;

	private static final int IPV4_RULES = 8000;

	private static final int IPV6_RULES = 2000;

	private static final int NAME_RULES = 1000;

	private Socks5RuleSet registry;

	private final InetAddress[] ipv4Addresses = new InetAddress[DESTINATIONS];

	private final Socks5Address[] ipv4Socks5Addresses = new Socks5Address[DESTINATIONS];

	private final InetAddress[] ipv6Addresses = new InetAddress[DESTINATIONS];

	private final Socks5Address[] ipv6Socks5Addresses = new Socks5Address[DESTINATIONS];

	private final String[] hostNames = new String[DESTINATIONS];

	private final Socks5Address[] domainSocks5Addresses = new Socks5Address[DESTINATIONS];

	private int next;

	/**
	 * Build the rules and the destinations, from a fixed seed.
	 * @throws IOException never: the rules are given in code
	 */
	@Setup
	public void setUp() throws IOException {
		Random random = new Random(20260101L);
		List<Socks5Rule> rules = new ArrayList<>();
		List<byte[]> ipv4Prefixes = new ArrayList<>();
		List<byte[]> ipv6Prefixes = new ArrayList<>();
		List<String> fragments = new ArrayList<>();
		for (int i = 0; i < IPV4_RULES; i++) {
			byte[] address = randomBytes(random, 4);
			ipv4Prefixes.add(address);
			rules.add(rule(address, 8 + random.nextInt(25), random));
		}
		for (int i = 0; i < IPV6_RULES; i++) {
			byte[] address = randomBytes(random, 16);
			ipv6Prefixes.add(address);
			rules.add(rule(address, 16 + random.nextInt(113), random));
		}
		for (int i = 0; i < NAME_RULES; i++) {
			String fragment = ((i % 2 == 0) ? "." : "") + "site" + i + ".zone" + (i % 37) + ".example";
			fragments.add(fragment);
			rules.add(Socks5Rule.of(Socks5Destination.nameFragment(fragment), server(random)));
		}
		this.registry = Socks5ServerRegistry.builder().rules("benchmark", rules).build();
		for (int i = 0; i < DESTINATIONS; i++) {
			boolean inside = random.nextBoolean();
			byte[] ipv4 = inside ? near(ipv4Prefixes.get(random.nextInt(IPV4_RULES)), random) : randomBytes(random, 4);
			byte[] ipv6 = inside ? near(ipv6Prefixes.get(random.nextInt(IPV6_RULES)), random) : randomBytes(random, 16);
			String host = inside ? "host" + i + fragments.get(random.nextInt(NAME_RULES))
					: "host" + i + ".unmatched" + random.nextInt(1000) + ".example";
			this.ipv4Addresses[i] = InetAddress.getByAddress(ipv4);
			this.ipv4Socks5Addresses[i] = Socks5Address.ipv4(ipv4, 53);
			this.ipv6Addresses[i] = InetAddress.getByAddress(ipv6);
			this.ipv6Socks5Addresses[i] = Socks5Address.ipv6(ipv6, 53);
			this.hostNames[i] = host;
			this.domainSocks5Addresses[i] = Socks5Address.domain(host, 53);
		}
	}

	/**
	 * Look up an IPv4 {@link InetAddress}.
	 * @return the route
	 */
	@Benchmark
	public Socks5ServerSelection ipv4InetAddress() {
		return this.registry.lookup(this.ipv4Addresses[nextIndex()]);
	}

	/**
	 * Look up an IPv4 {@link Socks5Address}.
	 * @return the route
	 */
	@Benchmark
	public Socks5ServerSelection ipv4Socks5Address() {
		return this.registry.lookup(this.ipv4Socks5Addresses[nextIndex()]);
	}

	/**
	 * Look up an IPv6 {@link InetAddress}.
	 * @return the route
	 */
	@Benchmark
	public Socks5ServerSelection ipv6InetAddress() {
		return this.registry.lookup(this.ipv6Addresses[nextIndex()]);
	}

	/**
	 * Look up an IPv6 {@link Socks5Address}.
	 * @return the route
	 */
	@Benchmark
	public Socks5ServerSelection ipv6Socks5Address() {
		return this.registry.lookup(this.ipv6Socks5Addresses[nextIndex()]);
	}

	/**
	 * Look up a host name given as a string.
	 * @return the route
	 */
	@Benchmark
	public Socks5ServerSelection hostName() {
		return this.registry.lookup(this.hostNames[nextIndex()]);
	}

	/**
	 * Look up a domain-name {@link Socks5Address}.
	 * @return the route
	 */
	@Benchmark
	public Socks5ServerSelection domainSocks5Address() {
		return this.registry.lookup(this.domainSocks5Addresses[nextIndex()]);
	}

	private int nextIndex() {
		int index = this.next;
		this.next = (index + 1) & (DESTINATIONS - 1);
		return index;
	}

	private static Socks5Rule rule(byte[] address, int prefixLength, Random random) throws UnknownHostException {
		return Socks5Rule.of(Socks5Destination.prefix(InetAddress.getByAddress(address), prefixLength), server(random));
	}

	private static Socks5ServerSpec server(Random random) {
		int server = random.nextInt(17);
		return (server == 16) ? Socks5ServerSpec.direct() : Socks5ServerSpec.endpoint("proxy" + server + ".test", 1080);
	}

	private static byte[] randomBytes(Random random, int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] near(byte[] prefix, Random random) {
		byte[] bytes = prefix.clone();
		bytes[bytes.length - 1] = (byte) random.nextInt(256);
		return bytes;
	}

}
