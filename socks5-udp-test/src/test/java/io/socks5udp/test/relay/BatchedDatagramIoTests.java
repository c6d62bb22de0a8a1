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
package io.socks5udp.test.relay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.nativeio.NativeSockets;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link BatchedDatagramIo}, {@link BatchedAssociationLoop} and
 * {@link SendBatch}: the relay with {@code batchedIo(true)}, which needs Java 22 or later
 * (the build runs this class on the JDK 25 of these machines, and the whole relay package
 * again with batched I/O on).
 *
 * @author socks5-udp authors
 */
class BatchedDatagramIoTests {

	private EmbeddedSocks5Relay relay;

	private UdpEchoServer echo;

	@BeforeEach
	void start() throws IOException {
		String unavailable = NativeSockets.unavailableReason();
		TestEnvironment.require(unavailable == null, "batched I/O cannot run here: " + unavailable);
		this.relay = EmbeddedSocks5Relay.builder().batchedIo(true).build().start();
		this.echo = UdpEchoServer.startIpv4();
	}

	@AfterEach
	void stop() {
		if (this.relay != null) {
			this.relay.close();
		}
		if (this.echo != null) {
			this.echo.close();
		}
	}

	@Test
	void aBurstOfEqualDatagramsComesBackAsTheSameSeparateDatagrams() throws IOException {
		// Equal lengths to one target: what the relay sends segmented, in both directions
		List<byte[]> sent = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			sent.add(payload(i, 1_000));
		}
		assertThat(echoed(sent)).containsExactlyInAnyOrderElementsOf(texts(sent));
		assertThat(this.relay.counters().datagramsToDestinations()).isEqualTo(32);
		assertThat(this.relay.counters().bytesToDestinations()).isEqualTo(32 * 1_000);
		assertThat(this.relay.counters().refusedTotal()).isZero();
	}

	@Test
	void aBurstOfMixedLengthsKeepsEveryDatagramsBoundaries() throws IOException {
		// Runs of equal lengths broken by others, one just past the segmented maximum,
		// an empty one and one larger than an Ethernet MTU
		int[] lengths = { 64, 64, 64, 1, 64, 0, SendBatch.MAX_SEGMENT, SendBatch.MAX_SEGMENT, SendBatch.MAX_SEGMENT + 1,
				SendBatch.MAX_SEGMENT + 1, 9_000, 64, 64, 700, 700, 700, 699 };
		List<byte[]> sent = new ArrayList<>();
		for (int i = 0; i < lengths.length; i++) {
			sent.add(payload(i, lengths[i]));
		}
		assertThat(echoed(sent)).containsExactlyInAnyOrderElementsOf(texts(sent));
		assertThat(this.relay.counters().datagramsToClients()).isEqualTo(lengths.length);
	}

	@Test
	void manyRoundsOfBurstsToTwoDestinationsAreAllRelayed() throws IOException {
		try (UdpEchoServer other = UdpEchoServer.startIpv6();
				Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			Set<String> expected = new HashSet<>();
			Set<String> received = new HashSet<>();
			for (int round = 0; round < 50; round++) {
				for (int i = 0; i < 16; i++) {
					// Alternating targets: no two neighbours go to the same place
					UdpEchoServer target = (i % 2 == 0) ? this.echo : other;
					byte[] payload = payload(round * 16 + i, 200);
					expected.add(new String(payload, StandardCharsets.ISO_8859_1));
					association.send(Socks5Address.of(target.address()), payload);
				}
				for (int i = 0; i < 16; i++) {
					received.add(text(association.receive(RelayClients.RECEIVE_TIMEOUT)));
				}
			}
			assertThat(received).isEqualTo(expected);
		}
	}

	@Test
	@Timeout(20)
	void closingAnAssociationEndsItsThreadsAndTheRelayGoesOn() throws IOException {
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			assertThat(RelayClients
				.text(RelayClients.roundTrip(association, Socks5Address.of(this.echo.address()), "before")))
				.isEqualTo("before");
		}
		await().untilAsserted(() -> assertThat(this.relay.counters().activeAssociations()).isZero());
		await().untilAsserted(() -> assertThat(relayThreads()).isEmpty());
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			assertThat(RelayClients
				.text(RelayClients.roundTrip(association, Socks5Address.of(this.echo.address()), "after")))
				.isEqualTo("after");
		}
	}

	@Test
	@Timeout(20)
	void closingTheRelayWakesThreadsWaitingForADatagram() throws IOException {
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			RelayClients.roundTrip(association, Socks5Address.of(this.echo.address()), "once");
			// One thread relays both directions, and waits in poll now; closing must not
			// wait
			// for its timeout
			assertThat(relayThreads()).singleElement()
				.satisfies((thread) -> assertThat(thread.getName()).endsWith("-relay"));
			this.relay.close();
			assertThat(relayThreads()).isEmpty();
		}
	}

	private List<String> echoed(List<byte[]> payloads) throws IOException {
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			Socks5Address destination = Socks5Address.of(this.echo.address());
			for (byte[] payload : payloads) {
				association.send(destination, payload);
			}
			List<String> received = new ArrayList<>();
			for (int i = 0; i < payloads.size(); i++) {
				Socks5UdpDatagram datagram = association.receive(RelayClients.RECEIVE_TIMEOUT);
				assertThat(datagram).as("echo %d of %d", i + 1, payloads.size()).isNotNull();
				assertThat(datagram.address()).isEqualTo(destination);
				received.add(text(datagram));
			}
			return received;
		}
	}

	private static List<String> texts(List<byte[]> payloads) {
		return payloads.stream().map((bytes) -> new String(bytes, StandardCharsets.ISO_8859_1)).toList();
	}

	private static String text(Socks5UdpDatagram datagram) {
		assertThat(datagram).isNotNull();
		byte[] bytes = new byte[datagram.payload().remaining()];
		datagram.payload().duplicate().get(bytes);
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	/** A payload that says which it is at every position: index, then offset. */
	private static byte[] payload(int index, int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) ((i < 2) ? (index >>> (8 * i)) : (i * 31 + index));
		}
		return bytes;
	}

	private List<Thread> relayThreads() {
		String prefix = "socks5-relay-" + this.relay.port() + "-association-";
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith(prefix) && thread.isAlive())
			.toList();
	}

}
