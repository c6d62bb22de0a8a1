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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5HandshakeTimeoutException;
import io.socks5udp.core.protocol.Socks5ReplyCode;
import io.socks5udp.core.protocol.Socks5ReplyException;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RelayFaults} and the one-shot faults of {@link EmbeddedSocks5Relay},
 * each against the core client.
 *
 * @author socks5-udp authors
 */
class RelayFaultsTests {

	private EmbeddedSocks5Relay relay;

	private UdpEchoServer echo;

	private Socks5Address destination;

	@BeforeEach
	void start() throws Exception {
		this.relay = EmbeddedSocks5Relay.builder().build().start();
		this.echo = UdpEchoServer.startIpv4();
		this.destination = Socks5Address.of(this.echo.address());
	}

	@AfterEach
	void close() {
		this.relay.close();
		this.echo.close();
	}

	@Test
	void unspecifiedBoundAddressIsReplacedByTheClient() throws Exception {
		this.relay.faults().unspecifiedBoundAddress(true);
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			assertThat(association.boundAddress().isUnspecified()).isTrue();
			assertThat(association.boundAddress().port()).isEqualTo(this.relay.lastBoundAddress().getPort());
			assertThat(association.relayAddress()).isEqualTo(this.relay.lastBoundAddress());
			assertThat(RelayClients.text(RelayClients.roundTrip(association, this.destination, "via server address")))
				.isEqualTo("via server address");
		}
	}

	@Test
	void unspecifiedBoundAddressOfAnIpv6RelayIsTheIpv6Zero() throws Exception {
		try (EmbeddedSocks5Relay ipv6 = EmbeddedSocks5Relay.builder().bind("::1").build().start()) {
			ipv6.faults().unspecifiedBoundAddress(true);
			try (Socks5UdpAssociation association = RelayClients.open(ipv6)) {
				assertThat(association.boundAddress())
					.isEqualTo(Socks5Address.of("::", ipv6.lastBoundAddress().getPort()));
				assertThat(association.relayAddress()).isEqualTo(ipv6.lastBoundAddress());
			}
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void replyCodesBecomeTypedExceptions(int code) throws Exception {
		Socks5ReplyCode replyCode = Socks5ReplyCode.valueOf((byte) code);
		this.relay.faults().replyCode(replyCode);
		Class<? extends Socks5ReplyException> expected = Socks5ReplyException.of(replyCode, null).getClass();
		assertThatExceptionOfType(expected).isThrownBy(() -> RelayClients.open(this.relay))
			.satisfies((ex) -> assertThat(ex.replyCode()).isEqualTo(replyCode));
		assertThat(this.relay.counters().associationsRefused()).isEqualTo(1);
		this.relay.faults().replyCode(null);
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			assertThat(association.isOpen()).isTrue();
		}
	}

	@Test
	void stalledHandshakeTimesOut() {
		this.relay.faults().stallHandshake(true);
		assertThatExceptionOfType(Socks5HandshakeTimeoutException.class).isThrownBy(
				() -> RelayClients.open(this.relay, (options) -> options.handshakeTimeout(Duration.ofMillis(300))));
	}

	@Test
	void trickledHandshakeStillSucceeds() throws Exception {
		this.relay.faults().trickleHandshake(Duration.ofMillis(10));
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			assertThat(RelayClients.text(RelayClients.roundTrip(association, this.destination, "slowly")))
				.isEqualTo("slowly");
		}
	}

	@Test
	void handshakeTrickledBeyondTheTimeoutTimesOut() {
		this.relay.faults().trickleHandshake(Duration.ofMillis(400));
		assertThatExceptionOfType(Socks5HandshakeTimeoutException.class).isThrownBy(
				() -> RelayClients.open(this.relay, (options) -> options.handshakeTimeout(Duration.ofSeconds(1))));
	}

	@Test
	void droppedDatagramsNeverArrive() throws Exception {
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			this.relay.faults().dropDatagrams(1);
			association.send(this.destination, "lost".getBytes(StandardCharsets.UTF_8));
			Socks5UdpDatagram reply = RelayClients.roundTrip(association, this.destination, "kept");
			assertThat(RelayClients.text(reply)).isEqualTo("kept");
		}
		assertThat(this.relay.counters().refused(RefusalReason.FAULT_DROP)).isEqualTo(1);
		assertThat(this.echo.datagramCount()).isEqualTo(1);
	}

	@Test
	void delayedDatagramsArriveAfterLaterOnes() throws Exception {
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			this.relay.faults().delayDatagrams(Duration.ofSeconds(2));
			association.send(this.destination, "late".getBytes(StandardCharsets.UTF_8));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.relay.counters().datagramsDelayed() == 1);
			this.relay.faults().delayDatagrams(null);
			association.send(this.destination, "early".getBytes(StandardCharsets.UTF_8));
			assertThat(RelayClients.text(association.receive(RelayClients.RECEIVE_TIMEOUT))).isEqualTo("early");
			assertThat(RelayClients.text(association.receive(RelayClients.RECEIVE_TIMEOUT))).isEqualTo("late");
		}
		assertThat(this.relay.counters().datagramsToDestinations()).isEqualTo(2);
		assertThat(this.relay.counters().datagramsDelayed()).isEqualTo(1);
	}

	@Test
	void closingTheControlConnectionEndsTheAssociation() throws Exception {
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			assertThat(this.relay.closeControlConnections()).isEqualTo(1);
			association.closeFuture().get(10, TimeUnit.SECONDS);
			assertThat(association.isOpen()).isFalse();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.relay.counters().activeAssociations() == 0);
	}

	@Test
	void resettingTheControlConnectionEndsTheAssociation() throws Exception {
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			assertThat(this.relay.closeControlConnections(true)).isEqualTo(1);
			association.closeFuture().get(10, TimeUnit.SECONDS);
			assertThat(association.isOpen()).isFalse();
		}
	}

	@Test
	void malformedDatagramsAreDroppedByTheClientWhichGoesOn() throws Exception {
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			for (MalformedDatagram kind : MalformedDatagram.values()) {
				assertThat(this.relay.sendMalformed(kind, 2)).isEqualTo(2);
			}
			assertThat(RelayClients.text(RelayClients.roundTrip(association, this.destination, "still here")))
				.isEqualTo("still here");
			assertThat(association.counters().dropped(Socks5DropReason.MALFORMED)).isEqualTo(8);
			assertThat(association.counters().dropped(Socks5DropReason.FRAGMENT)).isEqualTo(2);
			assertThat(association.counters().datagramsReceived()).isEqualTo(1);
		}
	}

	@Test
	void malformedDatagramsAreDroppedByTheClientsReceiveLoop() throws Exception {
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			BlockingQueue<String> received = new LinkedBlockingQueue<>();
			association.startReceiving((source, payload) -> {
				byte[] bytes = new byte[payload.remaining()];
				payload.get(bytes);
				received.add(new String(bytes, StandardCharsets.UTF_8));
			});
			this.relay.sendMalformed(MalformedDatagram.RESERVED_NONZERO, 3);
			association.send(this.destination, "loop survives".getBytes(StandardCharsets.UTF_8));
			assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("loop survives");
			assertThat(association.counters().dropped(Socks5DropReason.MALFORMED)).isEqualTo(3);
		}
	}

	@Test
	void datagramsFromAForeignSourceAreDroppedByTheClient() throws Exception {
		try (Socks5UdpAssociation association = RelayClients.open(this.relay,
				(options) -> options.connectedChannel(false))) {
			assertThat(this.relay.sendFromForeignSource(3)).isEqualTo(3);
			assertThat(RelayClients.text(RelayClients.roundTrip(association, this.destination, "genuine")))
				.isEqualTo("genuine");
			assertThat(association.counters().dropped(Socks5DropReason.FOREIGN_SOURCE)).isEqualTo(3);
		}
	}

	@Test
	void datagramsFromAForeignSourceNeverReachAConnectedClient() throws Exception {
		try (Socks5UdpAssociation association = RelayClients.open(this.relay)) {
			assertThat(this.relay.sendFromForeignSource(3)).isEqualTo(3);
			assertThat(RelayClients.text(RelayClients.roundTrip(association, this.destination, "genuine")))
				.isEqualTo("genuine");
			assertThat(association.counters().datagramsReceived()).isEqualTo(1);
		}
	}

	@Test
	void dropCountIsUsedUpOnceAndAddsUp() {
		RelayFaults faults = new RelayFaults();
		assertThat(faults.shouldDrop()).isFalse();
		faults.dropDatagrams(1).dropDatagrams(1);
		assertThat(faults.shouldDrop()).isTrue();
		assertThat(faults.shouldDrop()).isTrue();
		assertThat(faults.shouldDrop()).isFalse();
		faults.dropDatagrams(1.0);
		assertThat(faults.shouldDrop()).isTrue();
		faults.dropDatagrams(0.0);
		assertThat(faults.shouldDrop()).isFalse();
	}

	@Test
	void resetSwitchesEveryFaultOff() {
		RelayFaults faults = new RelayFaults().unspecifiedBoundAddress(true)
			.replyCode(Socks5ReplyCode.GENERAL_FAILURE)
			.stallHandshake(true)
			.trickleHandshake(Duration.ofMillis(1))
			.dropDatagrams(5)
			.dropDatagrams(0.5)
			.delayDatagrams(Duration.ofSeconds(1));
		faults.reset();
		assertThat(faults.isUnspecifiedBoundAddress()).isFalse();
		assertThat(faults.replyCode()).isNull();
		assertThat(faults.isStallHandshake()).isFalse();
		assertThat(faults.trickleHandshake()).isNull();
		assertThat(faults.delayDatagrams()).isNull();
		assertThat(faults.shouldDrop()).isFalse();
	}

	@Test
	void successAndZeroDurationsMeanNoFault() {
		RelayFaults faults = new RelayFaults().replyCode(Socks5ReplyCode.SUCCEEDED)
			.trickleHandshake(Duration.ZERO)
			.delayDatagrams(Duration.ZERO);
		assertThat(faults.replyCode()).isNull();
		assertThat(faults.trickleHandshake()).isNull();
		assertThat(faults.delayDatagrams()).isNull();
	}

	@Test
	void validatesDropArguments() {
		RelayFaults faults = new RelayFaults();
		assertThatIllegalArgumentException().isThrownBy(() -> faults.dropDatagrams(-1))
			.withMessage("count: -1 (expected: 0 or more)");
		assertThatIllegalArgumentException().isThrownBy(() -> faults.dropDatagrams(1.5))
			.withMessage("probability: 1.5 (expected: 0-1)");
		assertThatIllegalArgumentException().isThrownBy(() -> faults.dropDatagrams(Double.NaN));
	}

}
