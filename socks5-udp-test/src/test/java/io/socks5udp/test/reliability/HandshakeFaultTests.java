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
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressTypeNotSupportedException;
import io.socks5udp.core.protocol.Socks5CommandNotSupportedException;
import io.socks5udp.core.protocol.Socks5ConnectionRefusedException;
import io.socks5udp.core.protocol.Socks5GeneralFailureException;
import io.socks5udp.core.protocol.Socks5HandshakeTimeoutException;
import io.socks5udp.core.protocol.Socks5HostUnreachableException;
import io.socks5udp.core.protocol.Socks5NetworkUnreachableException;
import io.socks5udp.core.protocol.Socks5NotAllowedException;
import io.socks5udp.core.protocol.Socks5ReplyCode;
import io.socks5udp.core.protocol.Socks5ReplyException;
import io.socks5udp.core.protocol.Socks5TtlExpiredException;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Handshake faults of a relay (every failing reply code, a handshake that stalls, one
 * that trickles) end in a typed exception or a timeout within the handshake deadline,
 * never a hang, and leave no thread behind; a slow but steady handshake within the
 * deadline still succeeds.
 *
 * @author socks5-udp authors
 */
@Timeout(20)
class HandshakeFaultTests {

	private static final Duration SHORT_HANDSHAKE_TIMEOUT = Duration.ofMillis(400);

	private EmbeddedSocks5Relay relay;

	private Set<Thread> threadsBefore;

	private long socketsBefore;

	@BeforeEach
	void startRelay() throws IOException {
		this.threadsBefore = AssociationThreads.snapshot();
		this.relay = EmbeddedSocks5Relay.builder().build().start();
		this.socketsBefore = OpenSockets.count();
	}

	@AfterEach
	void stopRelay() {
		// Every socket of the client, and those of the relay for it, closed
		OpenSockets.assertNoMoreThan(this.socketsBefore);
		this.relay.close();
		AssociationThreads.assertNoneLeftBehind(this.threadsBefore);
	}

	static Stream<Arguments> failingReplyCodes() {
		return Stream.of(Arguments.of(Socks5ReplyCode.GENERAL_FAILURE, Socks5GeneralFailureException.class),
				Arguments.of(Socks5ReplyCode.CONNECTION_NOT_ALLOWED, Socks5NotAllowedException.class),
				Arguments.of(Socks5ReplyCode.NETWORK_UNREACHABLE, Socks5NetworkUnreachableException.class),
				Arguments.of(Socks5ReplyCode.HOST_UNREACHABLE, Socks5HostUnreachableException.class),
				Arguments.of(Socks5ReplyCode.CONNECTION_REFUSED, Socks5ConnectionRefusedException.class),
				Arguments.of(Socks5ReplyCode.TTL_EXPIRED, Socks5TtlExpiredException.class),
				Arguments.of(Socks5ReplyCode.COMMAND_NOT_SUPPORTED, Socks5CommandNotSupportedException.class),
				Arguments.of(Socks5ReplyCode.ADDRESS_TYPE_NOT_SUPPORTED, Socks5AddressTypeNotSupportedException.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("failingReplyCodes")
	void failingReplyCodeIsATypedException(Socks5ReplyCode replyCode, Class<? extends Socks5ReplyException> expected) {
		this.relay.faults().replyCode(replyCode);
		String name = AssociationThreads.uniqueName("reply-code");
		Throwable thrown = catchThrowable(() -> open(name, Socks5AssociationOptions.DEFAULT_HANDSHAKE_TIMEOUT));
		assertThat(thrown).isExactlyInstanceOf(expected);
		Socks5ReplyException failure = (Socks5ReplyException) thrown;
		assertThat(failure.replyCode()).isEqualTo(replyCode);
		assertThat(failure.errno()).isEqualTo(replyCode.errno());
		assertThat(failure.getMessage()).contains(String.format("X'%02X'", replyCode.byteValue()));
		assertThat(this.relay.counters().associationsOpened()).isZero();
		assertThat(AssociationThreads.of(name)).isEmpty();
	}

	@Test
	void stalledHandshakeTimesOut() {
		this.relay.faults().stallHandshake(true);
		String name = AssociationThreads.uniqueName("stalled");
		Throwable thrown = catchThrowable(() -> open(name, SHORT_HANDSHAKE_TIMEOUT));
		assertThat(thrown).isExactlyInstanceOf(Socks5HandshakeTimeoutException.class)
			.hasMessageContaining("0 bytes of the method reply");
		assertThat(AssociationThreads.of(name)).isEmpty();
	}

	@Test
	void tricklingHandshakeTimesOutAtTheOverallDeadline() {
		// 12 reply bytes, 100 ms apart: every read succeeds well within 400 ms, only the
		// deadline of the whole handshake stops it
		this.relay.faults().trickleHandshake(Duration.ofMillis(100));
		String name = AssociationThreads.uniqueName("trickling");
		Throwable thrown = catchThrowable(() -> open(name, SHORT_HANDSHAKE_TIMEOUT));
		assertThat(thrown).isExactlyInstanceOf(Socks5HandshakeTimeoutException.class);
		assertThat(AssociationThreads.of(name)).isEmpty();
	}

	@Test
	void tricklingHandshakeWithinTheDeadlineSucceeds() throws IOException {
		this.relay.faults().trickleHandshake(Duration.ofMillis(10));
		try (UdpEchoServer echo = UdpEchoServer.startIpv4();
				Socks5UdpAssociation association = open(AssociationThreads.uniqueName("slow"),
						Socks5AssociationOptions.DEFAULT_HANDSHAKE_TIMEOUT)) {
			byte[] payload = Datagrams.text("after a reply read one byte at a time");
			association.send(Socks5Address.of(echo.address()), payload);
			Socks5UdpDatagram echoed = association.receive(Duration.ofSeconds(5));
			assertThat(echoed).isNotNull();
			assertThat(Datagrams.bytes(echoed)).isEqualTo(payload);
			assertThat(association.relayAddress()).isEqualTo(this.relay.lastBoundAddress());
		}
	}

	private Socks5UdpAssociation open(String name, Duration handshakeTimeout) throws IOException {
		return Socks5UdpAssociation.open(Socks5AssociationOptions.builder(this.relay.host(), this.relay.port())
			.name(name)
			.handshakeTimeout(handshakeTimeout)
			.build());
	}

}
