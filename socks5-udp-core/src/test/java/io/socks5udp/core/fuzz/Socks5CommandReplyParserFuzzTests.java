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

import java.util.Arrays;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressType;
import io.socks5udp.core.protocol.Socks5CommandReplyParser;
import io.socks5udp.core.protocol.Socks5ReplyCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz tests of {@link Socks5CommandReplyParser}: whatever a server sends as its UDP
 * ASSOCIATE reply, the parser only throws {@code Socks5ProtocolException}, gives the same
 * result fed at once or byte by byte, fails on the very byte that breaks RFC 1928 section
 * 6, makes REP known as soon as it is read, and consumes no byte past the reply.
 *
 * @author socks5-udp authors
 */
class Socks5CommandReplyParserFuzzTests {

	@FuzzTest(maxDuration = "60s")
	void commandReplyIsParsedAlikeWholeAndByteByByte(byte[] data) {
		Socks5CommandReplyParser whole = new Socks5CommandReplyParser();
		ReplyFeeding.Outcome wholeOutcome = ReplyFeeding.whole(whole::parse, data);
		Socks5CommandReplyParser bytewise = new Socks5CommandReplyParser();
		ReplyFeeding.Outcome bytewiseOutcome = ReplyFeeding.byteByByte(bytewise::parse, data, (index) -> {
			assertThat(bytewise.isComplete()).isFalse();
			assertThat(bytewise.boundAddress()).isNull();
			if (index == 0) {
				assertThat(bytewise.replyCode()).as("REP before it was read").isNull();
			}
			else {
				assertThat(bytewise.replyCode()).as("REP once read").isEqualTo(Socks5ReplyCode.valueOf(data[1]));
			}
		});
		ReplyFeeding.assertOutcome(data, wholeOutcome, bytewiseOutcome, failAt(data), length(data));
		assertThat(whole.isComplete()).isEqualTo(wholeOutcome.complete());
		if (!wholeOutcome.complete()) {
			assertThat(whole.boundAddress()).isNull();
			return;
		}
		assertThat(whole.replyCode()).isEqualTo(Socks5ReplyCode.valueOf(data[1])).isEqualTo(bytewise.replyCode());
		assertThat(whole.replyCode().byteValue()).isEqualTo(data[1]);
		assertThat(whole.boundAddress()).isEqualTo(expectedBound(data)).isEqualTo(bytewise.boundAddress());
		assertThat(whole.boundAddress().toString()).isNotEmpty();
		ReplyFeeding.assertConsumesNothingMore(whole::parse);
		ReplyFeeding.assertConsumesNothingMore(bytewise::parse);
	}

	private static int failAt(byte[] data) {
		if (data.length > 0 && data[0] != 0x05) {
			return 0;
		}
		if (data.length > 2 && data[2] != 0) {
			return 2;
		}
		if (data.length > 3 && data[3] != 0x01 && data[3] != 0x03 && data[3] != 0x04) {
			return 3;
		}
		if (data.length > 4 && data[3] == 0x03 && data[4] == 0) {
			return 4;
		}
		return -1;
	}

	private static int length(byte[] data) {
		if (data.length < 4) {
			return -1;
		}
		return switch (data[3]) {
			case 0x01 -> 4 + 4 + 2;
			case 0x04 -> 4 + 16 + 2;
			default -> (data.length > 4) ? 5 + (data[4] & 0xFF) + 2 : -1;
		};
	}

	private static Socks5Address expectedBound(byte[] data) {
		int length = length(data);
		int port = ((data[length - 2] & 0xFF) << 8) | (data[length - 1] & 0xFF);
		return switch (data[3]) {
			case 0x01 -> Socks5Address.ipv4(Arrays.copyOfRange(data, 4, 8), port);
			case 0x04 -> Socks5Address.ipv6(Arrays.copyOfRange(data, 4, 20), port);
			default -> Socks5Address.fromWire(Socks5AddressType.DOMAIN, data, 5, data[4] & 0xFF, port);
		};
	}

}
