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

import io.socks5udp.core.client.Socks5AssociationCounters;
import io.socks5udp.core.client.Socks5DropReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RouteTraffic}.
 *
 * @author socks5-udp authors
 */
class RouteTrafficTests {

	private final RouteTraffic traffic = new RouteTraffic();

	@Test
	void countsEveryAssociationTheRouteHasHadAndItsOwnTotals() {
		for (int i = 0; i < 5; i++) {
			Socks5AssociationCounters association = new Socks5AssociationCounters();
			this.traffic.opened(association);
			association.sent(10);
			association.received(3);
			association.drop(Socks5DropReason.MALFORMED);
			this.traffic.closed(association);
		}
		Socks5AssociationCounters current = new Socks5AssociationCounters();
		this.traffic.opened(current);
		current.sent(1);
		this.traffic.totals().drop(Socks5DropReason.NO_ASSOCIATION);
		assertThat(this.traffic.datagramsSent()).isEqualTo(6);
		assertThat(this.traffic.bytesSent()).isEqualTo(51);
		assertThat(this.traffic.datagramsReceived()).isEqualTo(5);
		assertThat(this.traffic.bytesReceived()).isEqualTo(15);
		assertThat(this.traffic.dropped(Socks5DropReason.MALFORMED)).isEqualTo(5);
		assertThat(this.traffic.dropped(Socks5DropReason.NO_ASSOCIATION)).isEqualTo(1);
	}

	@Test
	void closedAssociationStillCountsWhatIsSentAfterItsClose() {
		Socks5AssociationCounters closing = new Socks5AssociationCounters();
		this.traffic.opened(closing);
		this.traffic.closed(closing);
		closing.drop(Socks5DropReason.NO_ASSOCIATION);
		assertThat(this.traffic.dropped(Socks5DropReason.NO_ASSOCIATION)).isEqualTo(1);
	}

	@Test
	void datagramSentAgainIsNoLongerCountedAsDropped() {
		Socks5AssociationCounters closing = new Socks5AssociationCounters();
		this.traffic.opened(closing);
		closing.drop(Socks5DropReason.NO_ASSOCIATION);
		this.traffic.closed(closing);
		this.traffic.sentAgain();
		Socks5AssociationCounters next = new Socks5AssociationCounters();
		this.traffic.opened(next);
		next.sent(4);
		assertThat(this.traffic.dropped(Socks5DropReason.NO_ASSOCIATION)).isZero();
		assertThat(this.traffic.datagramsSent()).isEqualTo(1);
	}

}
