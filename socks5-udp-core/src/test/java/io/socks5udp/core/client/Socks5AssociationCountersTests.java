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
package io.socks5udp.core.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Socks5AssociationCounters} and {@link Socks5DropReason}.
 *
 * @author socks5-udp authors
 */
class Socks5AssociationCountersTests {

	@Test
	void countsSentReceivedAndDropped() {
		Socks5AssociationCounters counters = new Socks5AssociationCounters();
		counters.sent(10);
		counters.sent(5);
		counters.received(7);
		counters.drop(Socks5DropReason.MALFORMED);
		counters.drop(Socks5DropReason.MALFORMED);
		counters.drop(Socks5DropReason.OVERSIZE);
		assertThat(counters.datagramsSent()).isEqualTo(2);
		assertThat(counters.bytesSent()).isEqualTo(15);
		assertThat(counters.datagramsReceived()).isEqualTo(1);
		assertThat(counters.bytesReceived()).isEqualTo(7);
		assertThat(counters.dropped(Socks5DropReason.MALFORMED)).isEqualTo(2);
		assertThat(counters.dropped(Socks5DropReason.FRAGMENT)).isZero();
		assertThat(counters.droppedTotal()).isEqualTo(3);
		assertThat(counters.toString()).contains("malformed=2", "oversize=1", "bytesSent=15");
	}

	@Test
	void addedCountersAddUpWithTheirOwn() {
		Socks5AssociationCounters closed = new Socks5AssociationCounters();
		closed.sent(10);
		closed.received(4);
		closed.drop(Socks5DropReason.FRAGMENT);
		Socks5AssociationCounters totals = new Socks5AssociationCounters();
		totals.sent(1);
		totals.drop(Socks5DropReason.NO_ASSOCIATION);
		totals.add(closed);
		totals.add(closed);
		assertThat(totals.datagramsSent()).isEqualTo(3);
		assertThat(totals.bytesSent()).isEqualTo(21);
		assertThat(totals.datagramsReceived()).isEqualTo(2);
		assertThat(totals.bytesReceived()).isEqualTo(8);
		assertThat(totals.dropped(Socks5DropReason.FRAGMENT)).isEqualTo(2);
		assertThat(totals.dropped(Socks5DropReason.NO_ASSOCIATION)).isEqualTo(1);
		assertThat(totals.droppedTotal()).isEqualTo(3);
		assertThat(closed.datagramsSent()).isEqualTo(1);
	}

	@Test
	void dropsOfABurstAreCountedEach() {
		Socks5AssociationCounters counters = new Socks5AssociationCounters();
		counters.drop(Socks5DropReason.NO_ASSOCIATION, 3);
		counters.drop(Socks5DropReason.NO_ASSOCIATION, 0);
		assertThat(counters.dropped(Socks5DropReason.NO_ASSOCIATION)).isEqualTo(3);
		assertThatIllegalArgumentException().isThrownBy(() -> counters.drop(Socks5DropReason.MALFORMED, -1))
			.withMessage("count: -1 (expected: 0 or more)");
		assertThat(counters.droppedTotal()).isEqualTo(3);
	}

	@Test
	void dropReasonTags() {
		assertThat(Socks5DropReason.values()).extracting(Socks5DropReason::tag)
			.containsExactly("foreign-source", "malformed", "fragment", "oversize", "no-association");
	}

}
