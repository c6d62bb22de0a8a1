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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link Socks5UdpDatagram}.
 *
 * @author socks5-udp authors
 */
class Socks5UdpDatagramTests {

	@Test
	void holdsAddressAndPayload() {
		ByteBuffer payload = ByteBuffer.wrap(new byte[] { 1, 2 });
		Socks5UdpDatagram datagram = new Socks5UdpDatagram(Socks5Address.of("127.0.0.1", 53), payload);
		assertThat(datagram.address()).isEqualTo(Socks5Address.of("127.0.0.1", 53));
		assertThat(datagram.payload()).isSameAs(payload);
	}

	@Test
	void rejectsNulls() {
		assertThatNullPointerException().isThrownBy(() -> new Socks5UdpDatagram(null, ByteBuffer.allocate(0)))
			.withMessage("'address' must not be null");
		assertThatNullPointerException()
			.isThrownBy(() -> new Socks5UdpDatagram(Socks5Address.of("127.0.0.1", 53), null))
			.withMessage("'payload' must not be null");
	}

}
