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

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5ConnectionRefusedException;
import io.socks5udp.core.protocol.Socks5Exception;
import io.socks5udp.core.protocol.Socks5GeneralFailureException;
import io.socks5udp.core.protocol.Socks5HandshakeTimeoutException;
import io.socks5udp.core.protocol.Socks5NoAcceptableMethodException;
import io.socks5udp.core.protocol.Socks5ProtocolException;
import io.socks5udp.core.protocol.Socks5ReplyCode;
import io.socks5udp.core.protocol.Socks5ReplyException;
import io.socks5udp.test.reliability.ScriptedHandshakeServer.Script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A server that answers the handshake wrongly (VER not 5, a reply cut short, an unknown
 * ATYP, a method never offered, silence) makes opening fail with a typed exception, in
 * bounded time, with the control connection closed and no thread left behind. Replies
 * come from a scripted server, since no real server sends them on purpose; it also
 * answers every failing reply code without closing the connection, so that closing it is
 * left to the client.
 *
 * @author socks5-udp authors
 */
@Timeout(20)
class MalformedHandshakeReplyTests {

	private static final Duration HANDSHAKE_TIMEOUT = Duration.ofMillis(300);

	private static final byte[] NO_AUTH = { 0x05, 0x00 };

	static Stream<Arguments> scripts() {
		return Stream.concat(malformedReplies(), failingReplyCodes());
	}

	@SuppressWarnings("unchecked")
	static Stream<Arguments> failingReplyCodes() {
		// The server keeps the connection open: closing it is up to the client
		return HandshakeFaultTests.failingReplyCodes().map((arguments) -> {
			Socks5ReplyCode code = (Socks5ReplyCode) arguments.get()[0];
			return script(String.format("REP X'%02X', connection left open", code.byteValue()), NO_AUTH,
					bytes(0x05, code.byteValue(), 0x00, 0x01, 0, 0, 0, 0, 0, 0), false,
					(Class<? extends Socks5Exception>) arguments.get()[1]);
		});
	}

	static Stream<Arguments> malformedReplies() {
		return Stream.of(script("method reply VER 4", bytes(0x04, 0x00), null, false, Socks5ProtocolException.class),
				script("method reply X'FF'", bytes(0x05, 0xFF), null, false, Socks5NoAcceptableMethodException.class),
				script("method never offered (X'02' without credentials)", bytes(0x05, 0x02), null, false,
						Socks5ProtocolException.class),
				script("method reply cut after VER", bytes(0x05), null, true, Socks5ProtocolException.class),
				script("reply VER 4", NO_AUTH, bytes(0x04, 0x00, 0x00, 0x01, 127, 0, 0, 1, 0x9C, 0x40), false,
						Socks5ProtocolException.class),
				script("reply RSV X'01'", NO_AUTH, bytes(0x05, 0x00, 0x01, 0x01, 127, 0, 0, 1, 0x9C, 0x40), false,
						Socks5ProtocolException.class),
				script("reply ATYP X'09'", NO_AUTH, bytes(0x05, 0x00, 0x00, 0x09, 127, 0, 0, 1, 0x9C, 0x40), false,
						Socks5ProtocolException.class),
				script("reply with an empty domain name", NO_AUTH, bytes(0x05, 0x00, 0x00, 0x03, 0x00, 0x9C, 0x40),
						false, Socks5ProtocolException.class),
				script("reply cut in BND.ADDR", NO_AUTH, bytes(0x05, 0x00, 0x00, 0x01, 127, 0), true,
						Socks5ProtocolException.class),
				script("reply cut in BND.PORT", NO_AUTH, bytes(0x05, 0x00, 0x00, 0x01, 127, 0, 0, 1, 0x9C), true,
						Socks5ProtocolException.class),
				script("reply with BND.PORT 0", NO_AUTH, bytes(0x05, 0x00, 0x00, 0x01, 127, 0, 0, 1, 0, 0), false,
						Socks5ProtocolException.class),
				script("REP X'05' and the connection closed right after REP", NO_AUTH, bytes(0x05, 0x05), true,
						Socks5ConnectionRefusedException.class),
				script("REP X'01' followed by an unknown ATYP", NO_AUTH, bytes(0x05, 0x01, 0x00, 0x09), false,
						Socks5GeneralFailureException.class),
				script("REP X'2A', unassigned", NO_AUTH, bytes(0x05, 0x2A, 0x00, 0x01, 0, 0, 0, 0, 0, 0), false,
						Socks5ReplyException.class),
				script("greeting never answered", null, null, false, Socks5HandshakeTimeoutException.class),
				script("UDP ASSOCIATE never answered", NO_AUTH, null, false, Socks5HandshakeTimeoutException.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scripts")
	void openingFailsWithATypedExceptionAndClosesTheControlConnection(String description, Script script,
			Class<? extends Socks5Exception> expected) throws Exception {
		Set<Thread> before = AssociationThreads.snapshot();
		long socketsBefore = OpenSockets.count();
		String name = AssociationThreads.uniqueName("malformed-reply");
		try (ScriptedHandshakeServer server = ScriptedHandshakeServer.start(script)) {
			Throwable thrown = catchThrowable(() -> open(server, name));
			assertThat(thrown).as(description).isExactlyInstanceOf(expected);
			assertThat(thrown.getMessage()).as("message").contains("127.0.0.1:" + server.port());
			assertThat(server.clientClosed()).as("control connection closed by the client")
				.succeedsWithin(Duration.ofSeconds(5));
		}
		assertThat(AssociationThreads.of(name)).isEmpty();
		AssociationThreads.assertNoneLeftBehind(before);
		OpenSockets.assertNoMoreThan(socketsBefore);
	}

	private static Socks5UdpAssociation open(ScriptedHandshakeServer server, String name) throws IOException {
		return Socks5UdpAssociation.open(Socks5AssociationOptions.builder(server.host(), server.port())
			.name(name)
			.handshakeTimeout(HANDSHAKE_TIMEOUT)
			.build());
	}

	private static Arguments script(String description, byte[] methodReply, byte[] associateReply,
			boolean closeAfterReply, Class<? extends Socks5Exception> expected) {
		return Arguments.of(description, new Script(methodReply, associateReply, closeAfterReply), expected);
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

}
