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
package io.socks5udp.test.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.relay.MalformedDatagram;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile datagrams from the relay (too short, RSV not zero, a fragment, an unknown ATYP,
 * an empty domain name) are dropped and counted, never delivered, and never end the
 * receiving: not one of them, nor 100,000.
 *
 * @author socks5-udp authors
 */
class HostileDatagramTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final int HOSTILE_DATAGRAMS = 100_000;

	/** Small enough that a batch always fits in the client's socket receive buffer. */
	private static final int BATCH = 50;

	private EmbeddedSocks5Relay relay;

	private UdpEchoServer echo;

	@BeforeEach
	void start() throws IOException {
		this.relay = EmbeddedSocks5Relay.builder().build().start();
		this.echo = UdpEchoServer.startIpv4();
	}

	@AfterEach
	void stop() {
		this.echo.close();
		this.relay.close();
	}

	static List<Arguments> kindsAndModes() {
		return List.of(MalformedDatagram.values())
			.stream()
			.flatMap((kind) -> List.of(ReceiveMode.values()).stream().map((mode) -> Arguments.of(kind, mode)))
			.toList();
	}

	@ParameterizedTest(name = "{0}, {1}")
	@MethodSource("kindsAndModes")
	void hostileDatagramIsDroppedAndCounted(MalformedDatagram kind, ReceiveMode mode) throws IOException {
		try (Socks5UdpAssociation association = open()) {
			ReceiveMode.Receiver receiver = mode.attach(association);
			assertThat(this.relay.sendMalformed(kind, 3)).isEqualTo(3);
			byte[] payload = Datagrams.text("still receiving after " + kind);
			association.send(Socks5Address.of(this.echo.address()), payload);
			Socks5UdpDatagram received = receiver.next(TIMEOUT);
			assertThat(received).as("the echo after the hostile datagrams").isNotNull();
			assertThat(Datagrams.bytes(received)).isEqualTo(payload);
			Socks5DropReason reason = (kind == MalformedDatagram.FRAGMENTED) ? Socks5DropReason.FRAGMENT
					: Socks5DropReason.MALFORMED;
			assertThat(association.counters().dropped(reason)).isEqualTo(3);
			assertThat(association.counters().droppedTotal()).isEqualTo(3);
			assertThat(association.counters().datagramsReceived()).isOne();
			assertThat(association.isOpen()).isTrue();
		}
	}

	@Test
	void receiveLoopSurvives100000HostileDatagrams() throws IOException {
		try (Socks5UdpAssociation association = open()) {
			ReceiveMode.Receiver receiver = ReceiveMode.LISTENER.attach(association);
			MalformedDatagram[] kinds = MalformedDatagram.values();
			// Sent in batches, each drained before the next, so that the kernel never
			// drops one for a full socket buffer and every datagram is counted
			for (int sent = 0; sent < HOSTILE_DATAGRAMS; sent += BATCH) {
				MalformedDatagram kind = kinds[(sent / BATCH) % kinds.length];
				assertThat(this.relay.sendMalformed(kind, BATCH)).isEqualTo(BATCH);
				long expected = sent + BATCH;
				await().atMost(TIMEOUT)
					.pollDelay(Duration.ZERO)
					.pollInterval(Duration.ofMillis(1))
					.until(() -> association.counters().droppedTotal() >= expected);
			}
			byte[] payload = Datagrams.text("still receiving");
			association.send(Socks5Address.of(this.echo.address()), payload);
			Socks5UdpDatagram received = receiver.next(TIMEOUT);
			assertThat(received).as("a normal datagram after 100,000 hostile ones").isNotNull();
			assertThat(Datagrams.bytes(received)).isEqualTo(payload);
			assertThat(association.counters().droppedTotal()).isEqualTo(HOSTILE_DATAGRAMS);
			assertThat(association.counters().dropped(Socks5DropReason.MALFORMED)
					+ association.counters().dropped(Socks5DropReason.FRAGMENT))
				.isEqualTo(HOSTILE_DATAGRAMS);
			assertThat(association.counters().dropped(Socks5DropReason.FRAGMENT))
				.isEqualTo(HOSTILE_DATAGRAMS / kinds.length);
			assertThat(association.counters().datagramsReceived()).as("hostile datagrams delivered").isOne();
			assertThat(association.isOpen()).isTrue();
		}
	}

	private Socks5UdpAssociation open() throws IOException {
		return Socks5UdpAssociation.open(Socks5AssociationOptions.builder(this.relay.host(), this.relay.port())
			.name(AssociationThreads.uniqueName("hostile"))
			.build());
	}

}
