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
 * Tests for {@link Socks5AuthReplyParser}.
 *
 * @author socks5-udp authors
 */
class Socks5AuthReplyParserTests {

	private final Socks5AuthReplyParser parser = new Socks5AuthReplyParser();

	@Test
	void parsesSuccess() throws Exception {
		assertThat(this.parser.parse(ByteBuffer.wrap(new byte[] { 0x01, 0x00 }))).isTrue();
		assertThat(this.parser.succeeded()).isTrue();
		assertThat(this.parser.status()).isZero();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0x01, 0x02, 0xFF })
	void parsesFailure(int status) throws Exception {
		assertThat(this.parser.parse(ByteBuffer.wrap(new byte[] { 0x01, (byte) status }))).isTrue();
		assertThat(this.parser.succeeded()).isFalse();
		assertThat(this.parser.status()).isEqualTo(status);
	}

	@Test
	void acceptsSocksVersionFromServersThatSendIt() throws Exception {
		assertThat(this.parser.parse(ByteBuffer.wrap(new byte[] { 0x05, 0x00 }))).isTrue();
		assertThat(this.parser.succeeded()).isTrue();
	}

	@Test
	void parsesOneByteAtATime() throws Exception {
		assertThat(this.parser.parse(ByteBuffer.wrap(new byte[] { 0x01 }))).isFalse();
		assertThat(this.parser.succeeded()).isFalse();
		assertThat(this.parser.status()).isEqualTo(-1);
		assertThat(this.parser.parse(ByteBuffer.wrap(new byte[] { 0x00 }))).isTrue();
		assertThat(this.parser.succeeded()).isTrue();
	}

	@Test
	void doesNotConsumeBytesAfterTheReply() throws Exception {
		ByteBuffer in = ByteBuffer.wrap(new byte[] { 0x01, 0x00, 0x05, 0x00 });
		assertThat(this.parser.parse(in)).isTrue();
		assertThat(in.position()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0x00, 0x02, 0x04 })
	void rejectsOtherVersions(int version) {
		assertThatExceptionOfType(Socks5ProtocolException.class)
			.isThrownBy(() -> this.parser.parse(ByteBuffer.wrap(new byte[] { (byte) version, 0x00 })))
			.withMessage("VER: " + version + " (expected: 1)");
	}

}
