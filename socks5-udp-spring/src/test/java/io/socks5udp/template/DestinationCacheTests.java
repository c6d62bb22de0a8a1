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
package io.socks5udp.template;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DestinationCache}.
 *
 * @author socks5-udp authors
 */
class DestinationCacheTests {

	private static final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private final DestinationCache cache = new DestinationCache();

	@ParameterizedTest
	@ValueSource(strings = { "192.0.2.1", "127.1", "0x7f.0.0.1", "2001:db8::1", "[2001:db8::1]", "::ffff:192.0.2.1",
			"example.com", "EXAMPLE.com", "bücher.example", "localhost" })
	void givesWhatSocks5AddressOfGivesAgainAndAgain(String host) {
		Socks5Address expected = Socks5Address.of(host, 53);
		Socks5Address first = this.cache.address(host, 53);
		assertThat(first).isEqualTo(expected);
		assertThat(first.type()).isEqualTo(expected.type());
		assertThat(first.host()).isEqualTo(expected.host());
		assertThat(this.cache.address(host, 53)).isSameAs(first);
		assertThat(this.cache.address(new String(host), 53)).as("equal text in another String").isSameAs(first);
	}

	@Test
	void namesStayNames() {
		Socks5Address address = this.cache.address("localhost", 7);
		assertThat(address.type()).isEqualTo(Socks5AddressType.DOMAIN);
		assertThat(address.inetAddress()).as("not resolved locally").isNull();
	}

	@Test
	void thePortIsPartOfTheKey() {
		Socks5Address first = this.cache.address("192.0.2.1", 53);
		Socks5Address second = this.cache.address("192.0.2.1", 54);
		assertThat(first.port()).isEqualTo(53);
		assertThat(second.port()).isEqualTo(54);
		assertThat(this.cache.address("192.0.2.1", 53)).isSameAs(first);
		assertThat(this.cache.address("192.0.2.1", 54)).isSameAs(second);
	}

	@Test
	void badTextFailsAsSocks5AddressOfFailsEveryTimeAndIsNotCached() {
		for (String host : List.of("256.1.1.1", "1::2::3", "bad host", "")) {
			String expected = messageOf(() -> Socks5Address.of(host, 53));
			for (int i = 0; i < 2; i++) {
				assertThatIllegalArgumentException().isThrownBy(() -> this.cache.address(host, 53))
					.withMessage(expected);
			}
		}
		assertThatIllegalArgumentException().isThrownBy(() -> this.cache.address("192.0.2.1", 65536))
			.withMessage(messageOf(() -> Socks5Address.of("192.0.2.1", 65536)));
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void holdsNoMoreThanItsSlotsHoweverManyHosts() {
		for (int i = 0; i < 20_000; i++) {
			String host = "host" + i + ".example";
			assertThat(this.cache.address(host, i % 65536)).isEqualTo(Socks5Address.of(host, i % 65536));
		}
		assertThat(this.cache.size()).isEqualTo(DestinationCache.SLOTS);
	}

	@Test
	void twoHostsThatShareAPairBothStayAndAThirdPushesOutTheOlder() {
		List<String> hosts = IntStream.range(0, 1_000_000)
			.mapToObj((i) -> "h" + i + ".example")
			.filter((host) -> DestinationCache.pair(host, 53) == DestinationCache.pair("192.0.2.1", 53))
			.limit(2)
			.toList();
		Socks5Address older = this.cache.address("192.0.2.1", 53);
		Socks5Address newer = this.cache.address(hosts.get(0), 53);
		assertThat(this.cache.address("192.0.2.1", 53)).isSameAs(older);
		assertThat(this.cache.address(hosts.get(0), 53)).isSameAs(newer);
		Socks5Address third = this.cache.address(hosts.get(1), 53);
		assertThat(this.cache.address(hosts.get(1), 53)).isSameAs(third);
		assertThat(this.cache.address(hosts.get(0), 53)).isSameAs(newer);
		Socks5Address again = this.cache.address("192.0.2.1", 53);
		assertThat(again).as("parsed again, to the same address").isNotSameAs(older).isEqualTo(older);
		assertThat(this.cache.size()).isEqualTo(2);
	}

	@Test
	void threadsSharingTheCacheAllGetTheRightAddresses() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int offset = t;
				futures.add(executor.submit(() -> {
					for (int i = 0; i < 20_000; i++) {
						// Few enough hosts to hit, many enough to evict one another
						int n = (i * 7 + offset) % 600;
						String host = (n % 2 == 0) ? "10.0." + (n / 256) + "." + (n % 256) : "h" + n + ".example";
						assertThat(this.cache.address(host, n)).isEqualTo(Socks5Address.of(host, n));
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.cache.size()).isLessThanOrEqualTo(DestinationCache.SLOTS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "::1", "localhost" })
	void aRepeatedHostAllocatesNothing(String host) {
		// The same String each time, as a caller with a configured host passes it
		for (int i = 0; i < 10_000; i++) {
			this.cache.address(host, 53);
		}
		long before = threads.getCurrentThreadAllocatedBytes();
		for (int i = 0; i < 10_000; i++) {
			this.cache.address(host, 53);
		}
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;
		// One object per call would be 160,000 bytes at least
		assertThat(allocated).as("bytes allocated by 10,000 lookups of %s", host).isLessThan(1_000);
	}

	private static String messageOf(Runnable parse) {
		try {
			parse.run();
		}
		catch (IllegalArgumentException ex) {
			return ex.getMessage();
		}
		throw new AssertionError("expected IllegalArgumentException");
	}

}
