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

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressTypeNotSupportedException;
import io.socks5udp.core.protocol.Socks5AuthenticationException;
import io.socks5udp.core.protocol.Socks5CommandNotSupportedException;
import io.socks5udp.core.protocol.Socks5ConnectionRefusedException;
import io.socks5udp.core.protocol.Socks5Credentials;
import io.socks5udp.core.protocol.Socks5Errno;
import io.socks5udp.core.protocol.Socks5GeneralFailureException;
import io.socks5udp.core.protocol.Socks5HandshakeTimeoutException;
import io.socks5udp.core.protocol.Socks5HostUnreachableException;
import io.socks5udp.core.protocol.Socks5NetworkUnreachableException;
import io.socks5udp.core.protocol.Socks5NoAcceptableMethodException;
import io.socks5udp.core.protocol.Socks5NotAllowedException;
import io.socks5udp.core.protocol.Socks5ProtocolException;
import io.socks5udp.core.protocol.Socks5ReplyCode;
import io.socks5udp.core.protocol.Socks5ReplyException;
import io.socks5udp.core.protocol.Socks5TtlExpiredException;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.socks5udp.core.client.ScriptedSocks5Server.associateReply;
import static io.socks5udp.core.client.ScriptedSocks5Server.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link Socks5Handshake}, against {@link ScriptedSocks5Server}.
 *
 * @author socks5-udp authors
 */
class Socks5HandshakeTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final Socks5Address DST = Socks5Address.of("127.0.0.1", 40000);

	private static final Socks5Address BND = Socks5Address.of("127.0.0.1", 50000);

	private ScriptedSocks5Server server;

	private Socket socket;

	@AfterEach
	void closeServer() throws IOException {
		if (this.socket != null) {
			this.socket.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void udpAssociateReturnsBoundAddress() throws Exception {
		startServer((script) -> script.readGreeting()
			.reply(0x05, 0x00)
			.readRequest()
			.reply(associateReply(0x00, BND))
			.hold());
		assertThat(handshake(null, TIMEOUT).udpAssociate(DST)).isEqualTo(BND);
		assertThat(this.socket.isClosed()).isFalse();
	}

	@Test
	void greetingWithoutCredentialsOffersNoAuthOnly() throws Exception {
		startServer(ScriptedSocks5Server.granting(BND));
		handshake(null, TIMEOUT).udpAssociate(DST);
		assertThat(this.server.received().get(0)).containsExactly(bytes(0x05, 0x01, 0x00));
	}

	@Test
	void greetingWithCredentialsOffersNoAuthAndUsernamePassword() throws Exception {
		startServer(ScriptedSocks5Server.granting(BND));
		handshake(new Socks5Credentials("alice", "s3cret"), TIMEOUT).udpAssociate(DST);
		assertThat(this.server.received().get(0)).containsExactly(bytes(0x05, 0x02, 0x00, 0x02));
	}

	@Test
	void udpAssociateRequestCarriesDst() throws Exception {
		startServer(ScriptedSocks5Server.granting(BND));
		handshake(null, TIMEOUT).udpAssociate(Socks5Address.of("127.0.0.1", 0x1234));
		assertThat(this.server.received().get(1))
			.containsExactly(bytes(0x05, 0x03, 0x00, 0x01, 127, 0, 0, 1, 0x12, 0x34));
	}

	@Test
	void usernamePasswordSubNegotiationFollowsRfc1929() throws Exception {
		startServer((script) -> script.readGreeting()
			.reply(0x05, 0x02)
			.readAuthRequest()
			.reply(0x01, 0x00)
			.readRequest()
			.reply(associateReply(0x00, BND))
			.hold());
		Socks5Address bound = handshake(new Socks5Credentials("alice", "s3cret"), TIMEOUT).udpAssociate(DST);
		assertThat(bound).isEqualTo(BND);
		assertThat(this.server.received().get(1))
			.containsExactly(bytes(0x01, 5, 'a', 'l', 'i', 'c', 'e', 6, 's', '3', 'c', 'r', 'e', 't'));
	}

	@Test
	void wrongPasswordRaisesAuthenticationExceptionWithoutPassword() throws Exception {
		startServer((script) -> script.readGreeting()
			.reply(0x05, 0x02)
			.readAuthRequest()
			.reply(0x01, 0x01)
			.awaitClientClose());
		Socks5AuthenticationException ex = catchThrowableOfType(Socks5AuthenticationException.class,
				() -> handshake(new Socks5Credentials("alice", "hunter2-secret"), TIMEOUT).udpAssociate(DST));
		assertThat(ex.errno()).isEqualTo(Socks5Errno.S5_EAUTH);
		assertThat(ex).hasMessageContaining("alice").hasMessageNotContaining("hunter2-secret");
		assertClosed();
	}

	@Test
	void noAcceptableMethodRaisesTypedException() throws Exception {
		startServer((script) -> script.readGreeting().reply(0x05, 0xFF).awaitClientClose());
		Socks5NoAcceptableMethodException ex = catchThrowableOfType(Socks5NoAcceptableMethodException.class,
				() -> handshake(null, TIMEOUT).udpAssociate(DST));
		assertThat(ex.errno()).isEqualTo(Socks5Errno.S5_ENOMETHOD);
		assertThat(ex).hasMessageContaining("credentials");
		assertClosed();
	}

	@Test
	void methodNotOfferedIsProtocolError() throws Exception {
		startServer((script) -> script.readGreeting().reply(0x05, 0x02).awaitClientClose());
		assertThatExceptionOfType(Socks5ProtocolException.class)
			.isThrownBy(() -> handshake(null, TIMEOUT).udpAssociate(DST))
			.withMessageContaining("METHOD");
		assertClosed();
	}

	@Test
	void wrongVersionInMethodReplyIsProtocolError() throws Exception {
		startServer((script) -> script.readGreeting().reply(0x04, 0x00).awaitClientClose());
		Socks5ProtocolException ex = catchThrowableOfType(Socks5ProtocolException.class,
				() -> handshake(null, TIMEOUT).udpAssociate(DST));
		assertThat(ex.errno()).isEqualTo(Socks5Errno.S5_EPROTO);
		assertThat(ex).hasMessageContaining("VER: 4");
		assertClosed();
	}

	@Test
	void wrongVersionInAssociateReplyIsProtocolError() throws Exception {
		startServer((script) -> script.readGreeting()
			.reply(0x05, 0x00)
			.readRequest()
			.reply(0x04, 0x00, 0x00, 0x01, 127, 0, 0, 1, 0, 53)
			.awaitClientClose());
		assertThatExceptionOfType(Socks5ProtocolException.class)
			.isThrownBy(() -> handshake(null, TIMEOUT).udpAssociate(DST))
			.withMessageContaining("VER: 4");
		assertClosed();
	}

	@ParameterizedTest
	@CsvSource({ "1, S5_ESRVFAIL", "2, S5_EPERM", "3, S5_ENETUNREACH", "4, S5_EHOSTUNREACH", "5, S5_ECONNREFUSED",
			"6, S5_ETIMEDOUT", "7, S5_EOPNOTSUPP", "8, S5_EAFNOSUPPORT" })
	void failingReplyCodeRaisesTypedException(int rep, Socks5Errno errno) throws Exception {
		startServer((script) -> script.readGreeting()
			.reply(0x05, 0x00)
			.readRequest()
			.reply(associateReply(rep, Socks5Address.of("0.0.0.0", 0)))
			.awaitClientClose());
		Socks5ReplyException ex = catchThrowableOfType(Socks5ReplyException.class,
				() -> handshake(null, TIMEOUT).udpAssociate(DST));
		assertThat(ex).isExactlyInstanceOf(expectedType(rep));
		assertThat(ex.errno()).isEqualTo(errno);
		assertThat(ex.replyCode()).isEqualTo(Socks5ReplyCode.valueOf((byte) rep));
		assertThat(ex).hasMessageContaining("UDP ASSOCIATE").hasMessageContaining("127.0.0.1:" + this.server.port());
		assertClosed();
	}

	private static Class<? extends Socks5ReplyException> expectedType(int rep) {
		return switch (rep) {
			case 1 -> Socks5GeneralFailureException.class;
			case 2 -> Socks5NotAllowedException.class;
			case 3 -> Socks5NetworkUnreachableException.class;
			case 4 -> Socks5HostUnreachableException.class;
			case 5 -> Socks5ConnectionRefusedException.class;
			case 6 -> Socks5TtlExpiredException.class;
			case 7 -> Socks5CommandNotSupportedException.class;
			default -> Socks5AddressTypeNotSupportedException.class;
		};
	}

	@Test
	void unknownReplyCodeRaisesReplyExceptionWithUnknownErrno() throws Exception {
		startServer((script) -> script.readGreeting()
			.reply(0x05, 0x00)
			.readRequest()
			.reply(associateReply(0x09, Socks5Address.of("0.0.0.0", 0)))
			.awaitClientClose());
		Socks5ReplyException ex = catchThrowableOfType(Socks5ReplyException.class,
				() -> handshake(null, TIMEOUT).udpAssociate(DST));
		assertThat(ex).isExactlyInstanceOf(Socks5ReplyException.class);
		assertThat(ex.errno()).isEqualTo(Socks5Errno.S5_EUNKNOWN);
		assertClosed();
	}

	@Test
	void failingReplyCodeFollowedByCloseRaisesTypedException() throws Exception {
		startServer((script) -> script.readGreeting().reply(0x05, 0x00).readRequest().reply(0x05, 0x02).close());
		assertThatExceptionOfType(Socks5NotAllowedException.class)
			.isThrownBy(() -> handshake(null, TIMEOUT).udpAssociate(DST));
		assertThat(this.socket.isClosed()).isTrue();
	}

	@Test
	void failingReplyCodeWinsOverGarbageAfterIt() throws Exception {
		startServer((script) -> script.readGreeting()
			.reply(0x05, 0x00)
			.readRequest()
			.reply(0x05, 0x01, 0x00, 0x09)
			.awaitClientClose());
		assertThatExceptionOfType(Socks5GeneralFailureException.class)
			.isThrownBy(() -> handshake(null, TIMEOUT).udpAssociate(DST));
		assertClosed();
	}

	@Test
	void truncatedReplyIsProtocolError() throws Exception {
		startServer((script) -> script.readGreeting()
			.reply(0x05, 0x00)
			.readRequest()
			.reply(0x05, 0x00, 0x00, 0x01, 127)
			.close());
		Socks5ProtocolException ex = catchThrowableOfType(Socks5ProtocolException.class,
				() -> handshake(null, TIMEOUT).udpAssociate(DST));
		assertThat(ex)
			.hasMessageContaining("server closed the control connection after 5 bytes of the UDP ASSOCIATE reply");
		assertThat(this.socket.isClosed()).isTrue();
	}

	@Test
	void closeBeforeMethodReplyIsProtocolError() throws Exception {
		startServer((script) -> script.readGreeting().close());
		assertThatExceptionOfType(Socks5ProtocolException.class)
			.isThrownBy(() -> handshake(null, TIMEOUT).udpAssociate(DST))
			.withMessageContaining("after 0 bytes of the method reply");
	}

	@Test
	void unknownAddressTypeInReplyIsProtocolError() throws Exception {
		startServer((script) -> script.readGreeting()
			.reply(0x05, 0x00)
			.readRequest()
			.reply(0x05, 0x00, 0x00, 0x02, 127, 0, 0, 1, 0, 53)
			.awaitClientClose());
		assertThatExceptionOfType(Socks5ProtocolException.class)
			.isThrownBy(() -> handshake(null, TIMEOUT).udpAssociate(DST))
			.withMessageContaining("ATYP");
		assertClosed();
	}

	@Test
	void repliesOneByteAtATimeSucceed() throws Exception {
		Socks5Address bound = Socks5Address.of("relay.example", 50000);
		startServer((script) -> script.readGreeting()
			.replyByteByByte(bytes(0x05, 0x02))
			.readAuthRequest()
			.replyByteByByte(bytes(0x01, 0x00))
			.readRequest()
			.replyByteByByte(associateReply(0x00, bound))
			.hold());
		assertThat(handshake(new Socks5Credentials("alice", "s3cret"), TIMEOUT).udpAssociate(DST)).isEqualTo(bound);
	}

	@Test
	void serverThatNeverAnswersTimesOut() throws Exception {
		startServer((script) -> script.readGreeting().awaitClientClose());
		Socks5HandshakeTimeoutException ex = catchThrowableOfType(Socks5HandshakeTimeoutException.class,
				() -> handshake(null, Duration.ofMillis(200)).udpAssociate(DST));
		assertThat(ex.errno()).isEqualTo(Socks5Errno.S5_EHANDSHAKETIMEDOUT);
		assertThat(ex).hasMessageContaining("method reply");
		assertClosed();
	}

	@Test
	void tricklingServerHitsTheOverallDeadline() throws Exception {
		// Each byte comes well within the timeout; all of them together do not
		startServer((script) -> script.readGreeting()
			.reply(0x05, 0x00)
			.readRequest()
			.trickle(Duration.ofMillis(150), associateReply(0x00, BND))
			.awaitClientClose());
		assertThatExceptionOfType(Socks5HandshakeTimeoutException.class)
			.isThrownBy(() -> handshake(null, Duration.ofMillis(600)).udpAssociate(DST))
			.withMessageContaining("UDP ASSOCIATE reply");
		assertClosed();
	}

	@Test
	void bytesAfterTheReplyAreLeftUnread() throws Exception {
		byte[] reply = associateReply(0x00, BND);
		byte[] replyAndMore = new byte[reply.length + 3];
		System.arraycopy(reply, 0, replyAndMore, 0, reply.length);
		startServer((script) -> script.readGreeting().reply(0x05, 0x00).readRequest().reply(replyAndMore).hold());
		assertThat(handshake(null, TIMEOUT).udpAssociate(DST)).isEqualTo(BND);
	}

	@Test
	void connectToClosedPortNamesTheServer() throws Exception {
		InetSocketAddress closed;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = (InetSocketAddress) probe.getLocalSocketAddress();
		}
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> Socks5Handshake.connect(closed, TIMEOUT, Socks5KeepAlive.DEFAULT))
			.withMessageContaining("SOCKS5 server 127.0.0.1:" + closed.getPort());
	}

	@Test
	void connectTurnsOnKeepAliveWithTheGivenTimes() throws Exception {
		startServer((script) -> script.hold());
		this.socket = Socks5Handshake.connect(this.server.address(), TIMEOUT,
				new Socks5KeepAlive(Duration.ofSeconds(7), Duration.ofSeconds(2), 4));
		assertThat(this.socket.getKeepAlive()).isTrue();
		assumeTrue(this.socket.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE),
				"TCP keepalive times cannot be set on this platform");
		assertThat(this.socket.getOption(ExtendedSocketOptions.TCP_KEEPIDLE)).isEqualTo(7);
		assertThat(this.socket.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL)).isEqualTo(2);
		assertThat(this.socket.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT)).isEqualTo(4);
	}

	@Test
	void timeoutMillisNeverZero() {
		assertThat(Socks5Handshake.timeoutMillis(1)).isEqualTo(1);
		assertThat(Socks5Handshake.timeoutMillis(-5)).isEqualTo(1);
		assertThat(Socks5Handshake.timeoutMillis(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
		assertThat(Socks5Handshake.saturatedNanos(Duration.ofDays(365L * 1000))).isPositive();
	}

	private void startServer(Consumer<ScriptedSocks5Server.Script> script) throws IOException {
		this.server = ScriptedSocks5Server.start(script);
	}

	private Socks5Handshake handshake(Socks5Credentials credentials, Duration timeout) throws IOException {
		this.socket = Socks5Handshake.connect(this.server.address(), TIMEOUT, Socks5KeepAlive.DEFAULT);
		return new Socks5Handshake(this.socket, credentials, timeout);
	}

	private void assertClosed() throws Exception {
		assertThat(this.socket.isClosed()).isTrue();
		// The server sees the end of the connection: nothing lingers on its side
		this.server.clientClosed().get(10, TimeUnit.SECONDS);
	}

}
