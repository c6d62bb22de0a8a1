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

import org.junit.jupiter.api.Test;

import io.socks5udp.core.protocol.Socks5DecodeStatus;
import io.socks5udp.core.protocol.Socks5UdpHeaderDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MalformedDatagram}: each kind breaks the rule it names, as the
 * client's decoder sees it.
 *
 * @author socks5-udp authors
 */
class MalformedDatagramTests {

	@Test
	void eachKindFailsToDecodeForItsReason() {
		assertThat(decode(MalformedDatagram.SHORT)).isEqualTo(Socks5DecodeStatus.SHORT);
		assertThat(decode(MalformedDatagram.RESERVED_NONZERO)).isEqualTo(Socks5DecodeStatus.RESERVED_NONZERO);
		assertThat(decode(MalformedDatagram.FRAGMENTED)).isEqualTo(Socks5DecodeStatus.FRAGMENTED);
		assertThat(decode(MalformedDatagram.UNKNOWN_ADDRESS_TYPE)).isEqualTo(Socks5DecodeStatus.UNKNOWN_ADDRESS_TYPE);
		assertThat(decode(MalformedDatagram.EMPTY_DOMAIN)).isEqualTo(Socks5DecodeStatus.EMPTY_DOMAIN);
	}

	@Test
	void bytesAreAFreshCopy() {
		byte[] first = MalformedDatagram.FRAGMENTED.bytes();
		first[2] = 0;
		assertThat(decode(MalformedDatagram.FRAGMENTED)).isEqualTo(Socks5DecodeStatus.FRAGMENTED);
	}

	private static Socks5DecodeStatus decode(MalformedDatagram kind) {
		return new Socks5UdpHeaderDecoder().decode(ByteBuffer.wrap(kind.bytes()));
	}

}
