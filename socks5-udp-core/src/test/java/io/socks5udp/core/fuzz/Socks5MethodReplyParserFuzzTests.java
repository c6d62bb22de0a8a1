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

import io.socks5udp.core.protocol.Socks5AuthMethod;
import io.socks5udp.core.protocol.Socks5MethodReplyParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz tests of {@link Socks5MethodReplyParser}: whatever a server sends as its method
 * reply, the parser only throws {@code Socks5ProtocolException}, gives the same result
 * fed at once or byte by byte, and consumes no byte past the two of the reply.
 *
 * @author socks5-udp authors
 */
class Socks5MethodReplyParserFuzzTests {

	private static final int LENGTH = 2;

	@FuzzTest(maxDuration = "60s")
	void methodReplyIsParsedAlikeWholeAndByteByByte(byte[] data) {
		Socks5MethodReplyParser whole = new Socks5MethodReplyParser();
		ReplyFeeding.Outcome wholeOutcome = ReplyFeeding.whole(whole::parse, data);
		Socks5MethodReplyParser bytewise = new Socks5MethodReplyParser();
		ReplyFeeding.Outcome bytewiseOutcome = ReplyFeeding.byteByByte(bytewise::parse, data, (index) -> {
			assertThat(bytewise.isComplete()).isFalse();
			assertThat(bytewise.method()).isNull();
		});
		int failAt = (data.length > 0 && data[0] != 0x05) ? 0 : -1;
		ReplyFeeding.assertOutcome(data, wholeOutcome, bytewiseOutcome, failAt, LENGTH);
		assertThat(whole.isComplete()).isEqualTo(wholeOutcome.complete());
		if (!wholeOutcome.complete()) {
			assertThat(whole.method()).isNull();
			return;
		}
		assertThat(whole.method()).isEqualTo(Socks5AuthMethod.valueOf(data[1])).isEqualTo(bytewise.method());
		assertThat(whole.method().byteValue()).isEqualTo(data[1]);
		ReplyFeeding.assertConsumesNothingMore(whole::parse);
		ReplyFeeding.assertConsumesNothingMore(bytewise::parse);
	}

}
