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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Datagrams sent to the association's UDP port from anywhere but the relay (an attacker
 * or a stray sender on the relay's host) never reach the application: counted as
 * {@link Socks5DropReason#FOREIGN_SOURCE} when the channel is not connected, filtered by
 * the kernel when it is.
 *
 * @author socks5-udp authors
 */
class ForeignSourceTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final int FOREIGN_DATAGRAMS = 5;

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

	@ParameterizedTest
	@EnumSource(ReceiveMode.class)
	void unconnectedChannelDropsAndCountsDatagramsFromAForeignSource(ReceiveMode mode) throws IOException {
		try (Socks5UdpAssociation association = open(false)) {
			ReceiveMode.Receiver receiver = mode.attach(association);
			assertThat(this.relay.sendFromForeignSource(FOREIGN_DATAGRAMS)).isEqualTo(FOREIGN_DATAGRAMS);
			byte[] payload = Datagrams.text("from the destination, through the relay");
			association.send(Socks5Address.of(this.echo.address()), payload);
			// The foreign datagrams were queued first: once the echo is here, they were
			// all seen
			Socks5UdpDatagram received = receiver.next(TIMEOUT);
			assertThat(received).as("the echo").isNotNull();
			assertThat(Datagrams.bytes(received)).isEqualTo(payload);
			assertThat(received.address()).isEqualTo(Socks5Address.of(this.echo.address()));
			assertThat(association.counters().dropped(Socks5DropReason.FOREIGN_SOURCE)).isEqualTo(FOREIGN_DATAGRAMS);
			assertThat(association.counters().droppedTotal()).isEqualTo(FOREIGN_DATAGRAMS);
			assertThat(association.counters().datagramsReceived()).isOne();
			assertThat(receiver.next(Duration.ofMillis(50))).as("nothing else delivered").isNull();
		}
	}

	@Test
	void connectedChannelNeverSeesDatagramsFromAForeignSource() throws IOException {
		try (Socks5UdpAssociation association = open(true)) {
			ReceiveMode.Receiver receiver = ReceiveMode.POLL.attach(association);
			assertThat(this.relay.sendFromForeignSource(FOREIGN_DATAGRAMS)).isEqualTo(FOREIGN_DATAGRAMS);
			byte[] payload = Datagrams.text("only the relay gets through");
			association.send(Socks5Address.of(this.echo.address()), payload);
			Socks5UdpDatagram received = receiver.next(TIMEOUT);
			assertThat(received).as("the echo").isNotNull();
			assertThat(Datagrams.bytes(received)).isEqualTo(payload);
			assertThat(association.counters().datagramsReceived()).isOne();
			assertThat(association.counters().droppedTotal()).as("filtered by the kernel, never seen").isZero();
			assertThat(receiver.next(Duration.ofMillis(50))).as("nothing else delivered").isNull();
		}
	}

	private Socks5UdpAssociation open(boolean connected) throws IOException {
		return Socks5UdpAssociation.open(Socks5AssociationOptions.builder(this.relay.host(), this.relay.port())
			.name(AssociationThreads.uniqueName("foreign"))
			.connectedChannel(connected)
			.build());
	}

}
