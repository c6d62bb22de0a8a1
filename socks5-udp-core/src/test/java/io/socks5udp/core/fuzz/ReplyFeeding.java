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
package io.socks5udp.core.fuzz;

import java.nio.ByteBuffer;
import java.util.function.IntConsumer;

import io.socks5udp.core.protocol.Socks5ProtocolException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds fuzz data to an incremental handshake reply parser in one piece or one byte at a
 * time, and checks the outcome against what RFC 1928 and 1929 say the bytes are. Any
 * exception other than {@link Socks5ProtocolException} escapes and fails the fuzz test.
 *
 * @author socks5-udp authors
 */
final class ReplyFeeding {

	private static final byte[] MORE = { 0x05, 0x00, 0x00, 0x01 };

	private ReplyFeeding() {
	}

	/**
	 * Feed all the data at once, from a buffer framed by sentinels.
	 * @param parser the parser
	 * @param data the bytes received
	 * @return the outcome
	 */
	static Outcome whole(Parser parser, byte[] data) {
		ByteBuffer in = FramedBuffers.framed(data, (byte) 0x05, false);
		try {
			boolean complete = parser.parse(in);
			assertThat(in.limit()).isEqualTo(FramedBuffers.HEADROOM + data.length);
			return new Outcome(complete, in.position() - FramedBuffers.HEADROOM, null, -1);
		}
		catch (Socks5ProtocolException ex) {
			return new Outcome(false, in.position() - FramedBuffers.HEADROOM, ex, -1);
		}
	}

	/**
	 * Feed the data one byte at a time, each in a buffer of its own, until the parser
	 * completes or fails.
	 * @param parser the parser
	 * @param data the bytes received
	 * @param afterByte called with the index of each byte fed that neither completed nor
	 * failed the reply
	 * @return the outcome
	 */
	static Outcome byteByByte(Parser parser, byte[] data, IntConsumer afterByte) {
		for (int i = 0; i < data.length; i++) {
			ByteBuffer one = ByteBuffer.wrap(data, i, 1).asReadOnlyBuffer();
			boolean complete;
			try {
				complete = parser.parse(one);
			}
			catch (Socks5ProtocolException ex) {
				return new Outcome(false, i + 1, ex, i);
			}
			assertThat(one.hasRemaining()).as("byte %d consumed", i).isFalse();
			if (complete) {
				return new Outcome(true, i + 1, null, -1);
			}
			afterByte.accept(i);
		}
		return new Outcome(false, data.length, null, -1);
	}

	/**
	 * Check that both ways of feeding agree and that the outcome is the expected one.
	 * @param data the bytes received
	 * @param whole the outcome of feeding them at once
	 * @param bytewise the outcome of feeding them one at a time
	 * @param failAt the index of the first byte that breaks the protocol, or -1
	 * @param length the length of the reply, or -1 while the data is too short to tell
	 */
	static void assertOutcome(byte[] data, Outcome whole, Outcome bytewise, int failAt, int length) {
		assertThat(bytewise.complete()).as("complete, byte by byte").isEqualTo(whole.complete());
		if (failAt >= 0) {
			assertThat(whole.failure()).as("failure, whole").isNotNull();
			assertThat(bytewise.failure()).as("failure, byte by byte").isNotNull();
			assertThat(bytewise.failedAt()).as("index of the byte that failed").isEqualTo(failAt);
			assertThat(whole.failure().getMessage()).isNotBlank().isEqualTo(bytewise.failure().getMessage());
			return;
		}
		assertThat(whole.failure()).as("failure, whole").isNull();
		assertThat(bytewise.failure()).as("failure, byte by byte").isNull();
		boolean complete = length >= 0 && data.length >= length;
		assertThat(whole.complete()).as("complete").isEqualTo(complete);
		int consumed = complete ? length : data.length;
		assertThat(whole.consumed()).as("bytes consumed, whole").isEqualTo(consumed);
		assertThat(bytewise.consumed()).as("bytes consumed, byte by byte").isEqualTo(consumed);
	}

	/**
	 * Check that a parser whose reply is complete consumes nothing more.
	 * @param parser the parser
	 */
	static void assertConsumesNothingMore(Parser parser) {
		ByteBuffer more = ByteBuffer.wrap(MORE).asReadOnlyBuffer();
		try {
			assertThat(parser.parse(more)).isTrue();
		}
		catch (Socks5ProtocolException ex) {
			throw new AssertionError("parser failed after a complete reply", ex);
		}
		assertThat(more.position()).isZero();
	}

	/**
	 * A parser's {@code parse} method.
	 */
	@FunctionalInterface
	interface Parser {

		boolean parse(ByteBuffer in) throws Socks5ProtocolException;

	}

	/**
	 * What feeding gave.
	 *
	 * @param complete whether the reply was complete
	 * @param consumed how many bytes the parser consumed (when feeding byte by byte: the
	 * bytes fed)
	 * @param failure the exception, or {@code null}
	 * @param failedAt the index of the byte whose feeding threw, when fed byte by byte,
	 * or -1
	 */
	record Outcome(boolean complete, int consumed, Socks5ProtocolException failure, int failedAt) {

	}

}
