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
package io.socks5udp.core.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Socks5CommandReplyParser}.
 *
 * @author socks5-udp authors
 */
class Socks5CommandReplyParserTests {

	private final Socks5CommandReplyParser parser = new Socks5CommandReplyParser();

	static Stream<Arguments> replies() {
		String longest = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63);
		return Stream.of(
				Arguments.of(bytes(0x05, 0x00, 0x00, 0x01, 127, 0, 0, 1, 0x9C, 0x40),
						Socks5Address.of("127.0.0.1", 40000)),
				Arguments.of(bytes(0x05, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0x04, 0x38), Socks5Address.of("0.0.0.0", 1080)),
				Arguments.of(bytes(0x05, 0x00, 0x00, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0xFF, 0xFF),
						Socks5Address.of("::1", 65535)),
				Arguments.of(bytes(0x05, 0x00, 0x00, 0x03, 1, 'r', 0, 0), Socks5Address.of("r", 0)),
				Arguments.of(domainReply(longest, 53), Socks5Address.of(longest, 53)));
	}

	@ParameterizedTest
	@MethodSource("replies")
	void parsesWholeReply(byte[] reply, Socks5Address bound) throws Exception {
		ByteBuffer in = ByteBuffer.wrap(reply);
		assertThat(this.parser.parse(in)).isTrue();
		assertThat(in.hasRemaining()).isFalse();
		assertThat(this.parser.replyCode()).isSameAs(Socks5ReplyCode.SUCCEEDED);
		assertThat(this.parser.boundAddress()).isEqualTo(bound);
	}

	@ParameterizedTest
	@MethodSource("replies")
	void parsesOneByteAtATime(byte[] reply, Socks5Address bound) throws Exception {
		for (int i = 0; i < reply.length - 1; i++) {
			assertThat(this.parser.parse(ByteBuffer.wrap(reply, i, 1))).as("after byte %d", i).isFalse();
			assertThat(this.parser.boundAddress()).isNull();
		}
		assertThat(this.parser.parse(ByteBuffer.wrap(reply, reply.length - 1, 1))).isTrue();
		assertThat(this.parser.boundAddress()).isEqualTo(bound);
	}

	@ParameterizedTest
	@MethodSource("replies")
	void truncatedReplyNeedsMoreBytes(byte[] reply, Socks5Address bound) throws Exception {
		for (int length = 0; length < reply.length; length++) {
			Socks5CommandReplyParser fresh = new Socks5CommandReplyParser();
			ByteBuffer in = ByteBuffer.wrap(reply, 0, length);
			assertThat(fresh.parse(in)).as("%d of %d bytes", length, reply.length).isFalse();
			assertThat(in.hasRemaining()).isFalse();
			assertThat(fresh.isComplete()).isFalse();
		}
	}

	@Test
	void doesNotConsumeBytesAfterTheReply() throws Exception {
		ByteBuffer in = ByteBuffer.wrap(bytes(0x05, 0x00, 0x00, 0x01, 127, 0, 0, 1, 0x9C, 0x40, 0xEE, 0xEE));
		assertThat(this.parser.parse(in)).isTrue();
		assertThat(in.position()).isEqualTo(10);
		assertThat(this.parser.parse(in)).isTrue();
		assertThat(in.position()).isEqualTo(10);
	}

	@Test
	void eachParserTakesOnlyItsOwnReplyFromTheServersWholeResponse() throws Exception {
		ByteBuffer in = ByteBuffer
			.wrap(bytes(0x05, 0x02, 0x01, 0x00, 0x05, 0x00, 0x00, 0x01, 127, 0, 0, 1, 0x9C, 0x40, 0, 0, 0, 1));
		Socks5MethodReplyParser methodReply = new Socks5MethodReplyParser();
		Socks5AuthReplyParser authReply = new Socks5AuthReplyParser();
		assertThat(methodReply.parse(in)).isTrue();
		assertThat(methodReply.method()).isSameAs(Socks5AuthMethod.USERNAME_PASSWORD);
		assertThat(authReply.parse(in)).isTrue();
		assertThat(authReply.succeeded()).isTrue();
		assertThat(this.parser.parse(in)).isTrue();
		assertThat(this.parser.boundAddress()).isEqualTo(Socks5Address.of("127.0.0.1", 40000));
		assertThat(in.remaining()).isEqualTo(4);
	}

	@Test
	void replyCodeIsAvailableAsSoonAsRepIsRead() throws Exception {
		assertThat(this.parser.parse(ByteBuffer.wrap(bytes(0x05)))).isFalse();
		assertThat(this.parser.replyCode()).isNull();
		assertThat(this.parser.parse(ByteBuffer.wrap(bytes(0x02)))).isFalse();
		assertThat(this.parser.replyCode()).isSameAs(Socks5ReplyCode.CONNECTION_NOT_ALLOWED);
		assertThat(Socks5ReplyException.of(this.parser.replyCode(), "UDP ASSOCIATE"))
			.isInstanceOf(Socks5NotAllowedException.class);
	}

	@Test
	void parsesFailingReplyWithoutThrowing() throws Exception {
		assertThat(this.parser.parse(ByteBuffer.wrap(bytes(0x05, 0x07, 0x00, 0x01, 0, 0, 0, 0, 0, 0)))).isTrue();
		assertThat(this.parser.replyCode()).isSameAs(Socks5ReplyCode.COMMAND_NOT_SUPPORTED);
	}

	static Stream<Arguments> malformedReplies() {
		return Stream.of(Arguments.of(bytes(0x04), "VER: 4 (expected: 5)"),
				Arguments.of(bytes(0x05, 0x00, 0x01), "RSV: 1 (expected: 0)"),
				Arguments.of(bytes(0x05, 0x00, 0x00, 0x07), "ATYP: 0x07 (expected: 0x01, 0x03 or 0x04)"),
				Arguments.of(bytes(0x05, 0x00, 0x00, 0x00), "ATYP: 0x00 (expected: 0x01, 0x03 or 0x04)"),
				Arguments.of(bytes(0x05, 0x00, 0x00, 0x03, 0x00), "domain length: 0 (expected: 1-255)"));
	}

	@ParameterizedTest
	@MethodSource("malformedReplies")
	void rejectsMalformedReply(byte[] reply, String message) {
		assertThatExceptionOfType(Socks5ProtocolException.class)
			.isThrownBy(() -> this.parser.parse(ByteBuffer.wrap(reply)))
			.withMessage(message)
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Socks5Errno.S5_EPROTO));
	}

	@ParameterizedTest
	@MethodSource("malformedReplies")
	void rejectsMalformedReplyFedOneByteAtATime(byte[] reply, String message) throws Exception {
		for (int i = 0; i < reply.length - 1; i++) {
			assertThat(this.parser.parse(ByteBuffer.wrap(reply, i, 1))).isFalse();
		}
		assertThatExceptionOfType(Socks5ProtocolException.class)
			.isThrownBy(() -> this.parser.parse(ByteBuffer.wrap(reply, reply.length - 1, 1)))
			.withMessage(message);
	}

	private static byte[] domainReply(String domain, int port) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(bytes(0x05, 0x00, 0x00, 0x03, domain.length()));
		out.writeBytes(domain.getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(bytes(port >>> 8, port & 0xFF));
		return out.toByteArray();
	}

	static byte[] bytes(int... values) {
		byte[] result = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			result[i] = (byte) values[i];
		}
		return result;
	}

}
