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

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.socks5udp.core.protocol.Socks5AuthReplyParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz tests of {@link Socks5AuthReplyParser}: whatever a server sends as its
 * username/password reply, the parser only throws {@code Socks5ProtocolException}, gives
 * the same result fed at once or byte by byte, and consumes no byte past the two of the
 * reply. VER X'01' (RFC 1929) and X'05' (what some servers send) are accepted.
 *
 * @author socks5-udp authors
 */
class Socks5AuthReplyParserFuzzTests {

	private static final int LENGTH = 2;

	@FuzzTest(maxDuration = "60s")
	void authReplyIsParsedAlikeWholeAndByteByByte(byte[] data) {
		Socks5AuthReplyParser whole = new Socks5AuthReplyParser();
		ReplyFeeding.Outcome wholeOutcome = ReplyFeeding.whole(whole::parse, data);
		Socks5AuthReplyParser bytewise = new Socks5AuthReplyParser();
		ReplyFeeding.Outcome bytewiseOutcome = ReplyFeeding.byteByByte(bytewise::parse, data, (index) -> {
			assertThat(bytewise.isComplete()).isFalse();
			assertThat(bytewise.succeeded()).isFalse();
			assertThat(bytewise.status()).isEqualTo(-1);
		});
		int failAt = (data.length > 0 && data[0] != 0x01 && data[0] != 0x05) ? 0 : -1;
		ReplyFeeding.assertOutcome(data, wholeOutcome, bytewiseOutcome, failAt, LENGTH);
		assertThat(whole.isComplete()).isEqualTo(wholeOutcome.complete());
		if (!wholeOutcome.complete()) {
			assertThat(whole.succeeded()).isFalse();
			assertThat(whole.status()).isEqualTo(-1);
			return;
		}
		assertThat(whole.status()).isEqualTo(data[1] & 0xFF).isEqualTo(bytewise.status());
		assertThat(whole.succeeded()).isEqualTo(data[1] == 0).isEqualTo(bytewise.succeeded());
		ReplyFeeding.assertConsumesNothingMore(whole::parse);
		ReplyFeeding.assertConsumesNothingMore(bytewise::parse);
	}

}
