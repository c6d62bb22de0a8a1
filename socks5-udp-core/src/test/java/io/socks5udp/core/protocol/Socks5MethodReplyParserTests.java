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

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Socks5MethodReplyParser}.
 *
 * @author socks5-udp authors
 */
class Socks5MethodReplyParserTests {

	private final Socks5MethodReplyParser parser = new Socks5MethodReplyParser();

	@ParameterizedTest
	@ValueSource(ints = { 0x00, 0x02, 0xFF })
	void parsesWholeReply(int method) throws Exception {
		assertThat(this.parser.parse(ByteBuffer.wrap(new byte[] { 0x05, (byte) method }))).isTrue();
		assertThat(this.parser.method()).isEqualTo(Socks5AuthMethod.valueOf((byte) method));
		assertThat(this.parser.isComplete()).isTrue();
	}

	@Test
	void parsesOneByteAtATime() throws Exception {
		assertThat(this.parser.parse(ByteBuffer.wrap(new byte[] { 0x05 }))).isFalse();
		assertThat(this.parser.method()).isNull();
		assertThat(this.parser.parse(ByteBuffer.allocate(0))).isFalse();
		assertThat(this.parser.parse(ByteBuffer.wrap(new byte[] { 0x02 }))).isTrue();
		assertThat(this.parser.method()).isSameAs(Socks5AuthMethod.USERNAME_PASSWORD);
	}

	@Test
	void reportsNoAcceptableMethodWithoutThrowing() throws Exception {
		assertThat(this.parser.parse(ByteBuffer.wrap(new byte[] { 0x05, (byte) 0xFF }))).isTrue();
		assertThat(this.parser.method()).isSameAs(Socks5AuthMethod.NO_ACCEPTABLE);
	}

	@Test
	void doesNotConsumeBytesAfterTheReply() throws Exception {
		ByteBuffer in = ByteBuffer.wrap(new byte[] { 0x05, 0x00, 0x01, 0x00 });
		assertThat(this.parser.parse(in)).isTrue();
		assertThat(in.position()).isEqualTo(2);
		assertThat(this.parser.parse(in)).isTrue();
		assertThat(in.position()).isEqualTo(2);
		assertThat(this.parser.method()).isSameAs(Socks5AuthMethod.NO_AUTH);
	}

	@Test
	void rejectsSocks4Version() {
		assertThatExceptionOfType(Socks5ProtocolException.class)
			.isThrownBy(() -> this.parser.parse(ByteBuffer.wrap(new byte[] { 0x04, 0x00 })))
			.withMessage("VER: 4 (expected: 5)")
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Socks5Errno.S5_EPROTO));
	}

	@Test
	void rejectsHttpResponse() {
		assertThatExceptionOfType(Socks5ProtocolException.class)
			.isThrownBy(() -> this.parser.parse(ByteBuffer.wrap("HTTP/1.1 400".getBytes())))
			.withMessage("VER: 72 (expected: 5)");
	}

}
