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

package io.socks5udp.sample;

import java.nio.ByteBuffer;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PingTracker}.
 *
 * @author socks5-udp authors
 */
class PingTrackerTests {

	private static final Duration LONG = Duration.ofMinutes(1);

	@Test
	void pingsCarryIncreasingSequenceNumbersInPayloadsOfTheConfiguredSize() {
		PingTracker tracker = new PingTracker(64, LONG, 10);
		byte[] first = tracker.nextPing();
		byte[] second = tracker.nextPing();
		assertThat(first).hasSize(64);
		assertThat(ByteBuffer.wrap(first).getInt()).isZero();
		assertThat(ByteBuffer.wrap(second).getInt()).isOne();
		assertThat(tracker.sent()).isEqualTo(2);
	}

	@Test
	void echoesAreMatchedToTheirPingsOnce() {
		PingTracker tracker = new PingTracker(16, LONG, 10);
		byte[] ping = tracker.nextPing();
		tracker.echoed(ping.clone());
		tracker.echoed(ping.clone());
		assertThat(tracker.received()).isOne();
		PingSummary summary = tracker.summary("corp", "127.0.0.1:1");
		assertThat(summary.sent()).isOne();
		assertThat(summary.received()).isOne();
		assertThat(summary.lost()).isZero();
		assertThat(summary.latency().p50Micros()).isNotNegative().isLessThanOrEqualTo(summary.latency().p99Micros());
	}

	@Test
	void datagramsThatAreNotEchoesOfAwaitedPingsAreIgnored() {
		PingTracker tracker = new PingTracker(16, LONG, 10);
		byte[] ping = tracker.nextPing();
		tracker.echoed(new byte[8]);
		byte[] unknown = new byte[16];
		ByteBuffer.wrap(unknown).putInt(42);
		tracker.echoed(unknown);
		assertThat(tracker.received()).isZero();
		tracker.echoed(ping);
		assertThat(tracker.received()).isOne();
	}

	@Test
	void pingsWithoutEchoInTimeAreLost() throws InterruptedException {
		PingTracker tracker = new PingTracker(16, Duration.ofMillis(50), 10);
		byte[] late = tracker.nextPing();
		tracker.nextPing();
		tracker.echoed(tracker.nextPing());
		tracker.awaitAll();
		assertThat(tracker.lost()).isEqualTo(2);
		tracker.echoed(late);
		assertThat(tracker.received()).isOne();
	}

	@Test
	void pingThatCouldNotBeSentIsLostAtOnce() throws InterruptedException {
		PingTracker tracker = new PingTracker(16, LONG, 10);
		tracker.notSent(tracker.nextPing());
		tracker.awaitAll();
		assertThat(tracker.lost()).isOne();
		assertThat(tracker.sent()).isOne();
	}

	@Test
	void roomForAnotherPingIsMadeByAnEcho() throws InterruptedException {
		PingTracker tracker = new PingTracker(16, LONG, 10);
		byte[] ping = tracker.nextPing();
		Thread echo = new Thread(() -> tracker.echoed(ping));
		echo.start();
		tracker.awaitFewerThan(1);
		echo.join();
		assertThat(tracker.received()).isOne();
		assertThat(tracker.lost()).isZero();
	}

	@Test
	void summaryWithoutEchoesHasNoPercentiles() {
		PingTracker tracker = new PingTracker(16, LONG, 10);
		tracker.nextPing();
		assertThat(tracker.summary("embedded", "none")).hasToString(
				"sent=1 received=0 lost=0 latency_p50_us=-1 latency_p99_us=-1 server=embedded relay=none carried=none");
	}

	@Test
	void metersCountPingsAndTimeRoundTrips() {
		PingTracker tracker = new PingTracker(16, LONG, 10);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		tracker.bindTo(registry);
		tracker.echoed(tracker.nextPing());
		tracker.nextPing();
		assertThat(registry.get("sample.pings.sent").functionCounter().count()).isEqualTo(2);
		assertThat(registry.get("sample.pings.received").functionCounter().count()).isEqualTo(1);
		assertThat(registry.get("sample.pings.lost").functionCounter().count()).isZero();
		assertThat(registry.get("sample.ping.round.trip").timer().count()).isOne();
	}

}
