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

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AuthMethod;
import io.socks5udp.core.protocol.Socks5AuthReplyParser;
import io.socks5udp.core.protocol.Socks5CommandReplyParser;
import io.socks5udp.core.protocol.Socks5MethodReplyParser;
import io.socks5udp.core.protocol.Socks5ReplyCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HandshakeReplies}, read back with the client's parsers.
 *
 * @author socks5-udp authors
 */
class HandshakeRepliesTests {

	@Test
	void methodSelectionIsReadByTheClient() throws Exception {
		for (Socks5AuthMethod method : List.of(Socks5AuthMethod.NO_AUTH, Socks5AuthMethod.USERNAME_PASSWORD,
				Socks5AuthMethod.NO_ACCEPTABLE)) {
			Socks5MethodReplyParser parser = new Socks5MethodReplyParser();
			assertThat(parser.parse(ByteBuffer.wrap(HandshakeReplies.methodSelection(method)))).isTrue();
			assertThat(parser.method()).isEqualTo(method);
		}
	}

	@Test
	void loginStatusIsReadByTheClient() throws Exception {
		Socks5AuthReplyParser accepted = new Socks5AuthReplyParser();
		assertThat(accepted.parse(ByteBuffer.wrap(HandshakeReplies.loginStatus(true)))).isTrue();
		assertThat(accepted.succeeded()).isTrue();
		Socks5AuthReplyParser refused = new Socks5AuthReplyParser();
		assertThat(refused.parse(ByteBuffer.wrap(HandshakeReplies.loginStatus(false)))).isTrue();
		assertThat(refused.succeeded()).isFalse();
	}

	@Test
	void commandRepliesOfEveryCodeAndAddressTypeAreReadByTheClient() throws Exception {
		List<Socks5Address> addresses = List.of(Socks5Address.of("127.0.0.1", 40000), Socks5Address.of("::1", 1),
				Socks5Address.of("0.0.0.0", 65535), Socks5Address.of("relay.example", 1080));
		for (int code = 0; code <= 8; code++) {
			Socks5ReplyCode replyCode = Socks5ReplyCode.valueOf((byte) code);
			for (Socks5Address bound : addresses) {
				Socks5CommandReplyParser parser = new Socks5CommandReplyParser();
				ByteBuffer reply = ByteBuffer.wrap(HandshakeReplies.commandReply(replyCode, bound));
				assertThat(parser.parse(reply)).isTrue();
				assertThat(reply.hasRemaining()).isFalse();
				assertThat(parser.replyCode()).isEqualTo(replyCode);
				assertThat(parser.boundAddress()).isEqualTo(bound);
			}
		}
	}

}
