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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5AuthMethod}.
 *
 * @author socks5-udp authors
 */
class Socks5AuthMethodTests {

	@Test
	void valueOfReturnsTheConstants() {
		assertThat(Socks5AuthMethod.valueOf((byte) 0x00)).isSameAs(Socks5AuthMethod.NO_AUTH);
		assertThat(Socks5AuthMethod.valueOf((byte) 0x02)).isSameAs(Socks5AuthMethod.USERNAME_PASSWORD);
		assertThat(Socks5AuthMethod.valueOf((byte) 0xFF)).isSameAs(Socks5AuthMethod.NO_ACCEPTABLE);
		assertThat(Socks5AuthMethod.NO_ACCEPTABLE.byteValue()).isEqualTo((byte) 0xFF);
	}

	@Test
	void valueOfDoesNotThrowOnMethodsThisClientDoesNotImplement() {
		Socks5AuthMethod gssapi = Socks5AuthMethod.valueOf((byte) 0x01);
		assertThat(gssapi.isKnown()).isFalse();
		assertThat(gssapi.byteValue()).isEqualTo((byte) 0x01);
		assertThat(gssapi).isEqualTo(Socks5AuthMethod.valueOf((byte) 0x01)).hasToString("UNKNOWN(0x01)");
		assertThat(Socks5AuthMethod.USERNAME_PASSWORD.isKnown()).isTrue();
	}

}
