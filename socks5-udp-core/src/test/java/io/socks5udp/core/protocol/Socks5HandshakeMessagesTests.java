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

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Socks5HandshakeMessages}: byte-exact against messages built by hand
 * from RFC 1928 and RFC 1929.
 *
 * @author socks5-udp authors
 */
class Socks5HandshakeMessagesTests {

	@Test
	void greetingOfferingNoAuthAndUsernamePassword() {
		assertThat(
				Socks5HandshakeMessages.greeting(List.of(Socks5AuthMethod.NO_AUTH, Socks5AuthMethod.USERNAME_PASSWORD)))
			.containsExactly(0x05, 0x02, 0x00, 0x02);
	}

	@Test
	void greetingOfferingNoAuthOnly() {
		assertThat(Socks5HandshakeMessages.greeting(List.of(Socks5AuthMethod.NO_AUTH))).containsExactly(0x05, 0x01,
				0x00);
	}

	@Test
	void greetingRejectsNoMethodsTooManyAndNoAcceptable() {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5HandshakeMessages.greeting(List.of()))
			.withMessage("methods: 0 (expected: 1-255)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Socks5HandshakeMessages.greeting(Collections.nCopies(256, Socks5AuthMethod.NO_AUTH)))
			.withMessage("methods: 256 (expected: 1-255)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Socks5HandshakeMessages.greeting(List.of(Socks5AuthMethod.NO_ACCEPTABLE)));
	}

	@Test
	void usernamePasswordRequest() {
		byte[] request = Socks5HandshakeMessages.usernamePasswordRequest(new Socks5Credentials("alice", "s3cret"));
		assertThat(request).containsExactly(0x01, 0x05, 'a', 'l', 'i', 'c', 'e', 0x06, 's', '3', 'c', 'r', 'e', 't');
	}

	@Test
	void usernamePasswordRequestEncodesUtf8() {
		byte[] request = Socks5HandshakeMessages
			.usernamePasswordRequest(new Socks5Credentials("j\u00fcrgen", "\u20ac"));
		assertThat(request).containsExactly(0x01, 0x07, 'j', 0xC3, 0xBC, 'r', 'g', 'e', 'n', 0x03, 0xE2, 0x82, 0xAC);
	}

	@Test
	void usernamePasswordRequestWithLongestFields() {
		byte[] request = Socks5HandshakeMessages
			.usernamePasswordRequest(new Socks5Credentials("u".repeat(255), "p".repeat(255)));
		assertThat(request).hasSize(3 + 255 + 255);
		assertThat(request[1]).isEqualTo((byte) 0xFF);
		assertThat(request[2 + 255]).isEqualTo((byte) 0xFF);
	}

	@Test
	void udpAssociateRequestWithZeros() {
		assertThat(Socks5HandshakeMessages.udpAssociateRequest(Socks5Address.of("0.0.0.0", 0))).containsExactly(0x05,
				0x03, 0x00, 0x01, 0, 0, 0, 0, 0, 0);
	}

	@Test
	void udpAssociateRequestWithIpv4() {
		assertThat(Socks5HandshakeMessages.udpAssociateRequest(Socks5Address.of("127.0.0.1", 40000)))
			.containsExactly(0x05, 0x03, 0x00, 0x01, 0x7F, 0x00, 0x00, 0x01, 0x9C, 0x40);
	}

	@Test
	void udpAssociateRequestWithIpv6() {
		assertThat(Socks5HandshakeMessages.udpAssociateRequest(Socks5Address.of("::1", 53))).containsExactly(0x05, 0x03,
				0x00, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0x00, 0x35);
	}

	@Test
	void commandRequestWithDomain() {
		assertThat(Socks5HandshakeMessages.commandRequest(Socks5HandshakeMessages.CMD_CONNECT,
				Socks5Address.of("example.com", 443)))
			.containsExactly(0x05, 0x01, 0x00, 0x03, 0x0B, 'e', 'x', 'a', 'm', 'p', 'l', 'e', '.', 'c', 'o', 'm', 0x01,
					0xBB);
	}

}
