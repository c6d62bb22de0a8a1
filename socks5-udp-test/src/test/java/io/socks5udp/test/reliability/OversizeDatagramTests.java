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
import java.nio.ByteBuffer;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5PayloadTooLargeException;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.core.protocol.Socks5UdpHeaderCodec;
import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The size limits of a datagram: a payload too large for its destination's header is
 * rejected before anything is sent, whichever way it is given; the largest datagram over
 * IPv4 (65,507 bytes: a 10-byte header and 65,497 bytes of payload) comes back whole from
 * the embedded relay and from Dante.
 *
 * @author socks5-udp authors
 */
class OversizeDatagramTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

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

	@Test
	void oversizePayloadsAreRejectedBeforeAnythingIsSent() throws IOException {
		Socks5Address ipv4 = Socks5Address.of(this.echo.address());
		Socks5Address ipv6 = Socks5Address.of("::1", this.echo.port());
		Socks5Address domain = Socks5Address.domain("localhost", this.echo.port());
		try (Socks5UdpAssociation association = open(this.relay.host(), this.relay.port())) {
			byte[] tooLargeForIpv4 = new byte[65_498];
			assertThatExceptionOfType(Socks5PayloadTooLargeException.class)
				.isThrownBy(() -> association.send(ipv4, tooLargeForIpv4));
			assertThatExceptionOfType(Socks5PayloadTooLargeException.class)
				.isThrownBy(() -> association.send(ipv4, tooLargeForIpv4, 0, tooLargeForIpv4.length));
			ByteBuffer buffer = ByteBuffer.wrap(tooLargeForIpv4);
			assertThatExceptionOfType(Socks5PayloadTooLargeException.class)
				.isThrownBy(() -> association.send(ipv4, buffer));
			assertThat(buffer.position()).as("payload left as it was").isZero();
			assertThatExceptionOfType(Socks5PayloadTooLargeException.class)
				.isThrownBy(() -> association.send(ipv6, new byte[65_486]));
			int domainMax = Socks5UdpHeaderCodec.maxPayload(domain);
			assertThat(domainMax).isEqualTo(65_500 - "localhost".length());
			assertThatExceptionOfType(Socks5PayloadTooLargeException.class)
				.isThrownBy(() -> association.send(domain, new byte[domainMax + 1]));
			assertThat(association.counters().dropped(Socks5DropReason.OVERSIZE)).isEqualTo(5);
			assertThat(association.counters().datagramsSent()).isZero();
			// A datagram that fits, sent last: once its echo is back, anything sent
			// before would have arrived too
			byte[] largest = Datagrams.payload(Socks5UdpHeaderCodec.maxPayload(ipv4));
			association.send(ipv4, largest);
			Socks5UdpDatagram echoed = association.receive(TIMEOUT);
			assertThat(echoed).isNotNull();
			assertThat(Datagrams.bytes(echoed)).isEqualTo(largest);
			assertThat(this.relay.counters().datagramsToDestinations()).as("datagrams that reached the relay").isOne();
			assertThat(this.relay.counters().refusedTotal()).isZero();
			assertThat(this.echo.datagramCount()).isOne();
			assertThat(association.isOpen()).isTrue();
		}
	}

	@Test
	void largestIpv4DatagramComesWholeFromTheEmbeddedRelay() throws IOException {
		try (Socks5UdpAssociation association = open(this.relay.host(), this.relay.port())) {
			assertLargestDatagramComesWhole(association, this.echo);
			assertThat(this.relay.counters().bytesToClients()).as("bytes sent to us, header included")
				.isEqualTo(Socks5UdpHeaderCodec.MAX_DATAGRAM_PAYLOAD);
		}
	}

	@Test
	void largestIpv4DatagramComesWholeFromDante() throws IOException {
		TestEnvironment.requireDanted();
		try (LocalDante dante = LocalDante.start();
				Socks5UdpAssociation association = open(dante.host(), dante.port())) {
			assertLargestDatagramComesWhole(association, this.echo);
		}
	}

	private static void assertLargestDatagramComesWhole(Socks5UdpAssociation association, UdpEchoServer echo)
			throws IOException {
		Socks5Address dst = Socks5Address.of(echo.address());
		byte[] payload = Datagrams.payload(65_497);
		assertThat(Socks5UdpHeaderCodec.headerLength(dst) + payload.length).isEqualTo(65_507);
		association.send(dst, payload);
		Socks5UdpDatagram echoed = association.receive(TIMEOUT);
		assertThat(echoed).as("echo of the largest datagram").isNotNull();
		assertThat(echoed.payload().remaining()).isEqualTo(65_497);
		assertThat(Datagrams.bytes(echoed)).isEqualTo(payload);
		assertThat(association.counters().bytesReceived()).isEqualTo(65_497);
		assertThat(association.counters().droppedTotal()).isZero();
	}

	private static Socks5UdpAssociation open(String host, int port) throws IOException {
		return Socks5UdpAssociation
			.open(Socks5AssociationOptions.builder(host, port).name(AssociationThreads.uniqueName("oversize")).build());
	}

}
