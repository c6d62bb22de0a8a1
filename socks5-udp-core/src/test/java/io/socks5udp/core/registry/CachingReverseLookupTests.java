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
package io.socks5udp.core.registry;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CachingReverseLookup}.
 *
 * @author socks5-udp authors
 */
class CachingReverseLookupTests {

	private final List<InetAddress> asked = new ArrayList<>();

	private long now;

	private final CachingReverseLookup lookup = new CachingReverseLookup(this::answer, Duration.ofSeconds(10), 2,
			() -> this.now);

	@Test
	void answersAreKeptForTheirTimeToLive() throws Exception {
		InetAddress address = InetAddress.getByName("192.0.2.1");
		assertThat(this.lookup.hostName(address)).isEqualTo("h1.example.test");
		this.now += Duration.ofSeconds(10).toNanos();
		assertThat(this.lookup.hostName(address)).isEqualTo("h1.example.test");
		assertThat(this.asked).hasSize(1);
		this.now += 1;
		assertThat(this.lookup.hostName(address)).isEqualTo("h1.example.test");
		assertThat(this.asked).hasSize(2);
	}

	@Test
	void missingNamesAreCachedToo() throws Exception {
		InetAddress address = InetAddress.getByName("192.0.2.0");
		assertThat(this.lookup.hostName(address)).isNull();
		assertThat(this.lookup.hostName(address)).isNull();
		assertThat(this.asked).hasSize(1);
	}

	@Test
	void sizeIsBounded() throws Exception {
		InetAddress first = InetAddress.getByName("192.0.2.1");
		this.lookup.hostName(first);
		this.lookup.hostName(InetAddress.getByName("192.0.2.2"));
		this.lookup.hostName(InetAddress.getByName("192.0.2.3"));
		this.lookup.hostName(first);
		assertThat(this.asked).hasSize(4);
	}

	@Test
	void invalidSettingsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5ReverseLookup.cached((a) -> null, Duration.ZERO, 1))
			.withMessage("timeToLive: PT0S (expected: more than zero)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Socks5ReverseLookup.cached((a) -> null, Duration.ofSeconds(1), 0))
			.withMessage("maxEntries: 0 (expected: 1 or more)");
	}

	private String answer(InetAddress address) {
		this.asked.add(address);
		int last = address.getAddress()[3];
		return (last == 0) ? null : "h" + last + ".example.test";
	}

}
