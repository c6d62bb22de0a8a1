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

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link Socks5ReassociationBackoff}.
 *
 * @author socks5-udp authors
 */
class Socks5ReassociationBackoffTests {

	@Test
	void delayGrowsByTheMultiplierUpToTheCap() {
		Socks5ReassociationBackoff backoff = new Socks5ReassociationBackoff(Duration.ofMillis(100),
				Duration.ofMillis(1000), 2, 0);
		assertThat(backoff.delay(1, 0.5)).isEqualTo(Duration.ofMillis(100));
		assertThat(backoff.delay(2, 0.5)).isEqualTo(Duration.ofMillis(200));
		assertThat(backoff.delay(4, 0.5)).isEqualTo(Duration.ofMillis(800));
		assertThat(backoff.delay(5, 0.5)).isEqualTo(Duration.ofMillis(1000));
		assertThat(backoff.delay(500, 0.5)).isEqualTo(Duration.ofMillis(1000));
	}

	@Test
	void jitterSpreadsTheDelayBothWays() {
		Socks5ReassociationBackoff backoff = Socks5ReassociationBackoff.DEFAULT;
		assertThat(backoff.delay(1, 0)).isEqualTo(Duration.ofMillis(80));
		assertThat(backoff.delay(1, 0.999999)).isBetween(Duration.ofMillis(119), Duration.ofMillis(120));
		assertThat(backoff.delay(100, 0.999999)).isLessThanOrEqualTo(Duration.ofSeconds(36));
	}

	@Test
	void invalidArgumentsAreRejectedWithTheirName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Socks5ReassociationBackoff(Duration.ofMillis(-1), Duration.ofSeconds(1), 2, 0))
			.withMessageStartingWith("initialDelay: ");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Socks5ReassociationBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0))
			.withMessageStartingWith("maxDelay: ");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Socks5ReassociationBackoff(Duration.ZERO, Duration.ofSeconds(1), 0.5, 0))
			.withMessageStartingWith("multiplier: ");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Socks5ReassociationBackoff(Duration.ZERO, Duration.ofSeconds(1), 2, 1.5))
			.withMessageStartingWith("jitter: ");
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5ReassociationBackoff.DEFAULT.delay(0, 0.5))
			.withMessageStartingWith("attempt: ");
	}

}
