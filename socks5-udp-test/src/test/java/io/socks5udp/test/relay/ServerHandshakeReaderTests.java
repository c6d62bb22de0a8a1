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

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressType;
import io.socks5udp.core.protocol.Socks5AuthMethod;
import io.socks5udp.core.protocol.Socks5Credentials;
import io.socks5udp.core.protocol.Socks5HandshakeMessages;
import io.socks5udp.core.protocol.Socks5ProtocolException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ServerHandshakeReader}.
 *
 * @author socks5-udp authors
 */
class ServerHandshakeReaderTests {

	@Test
	void readsTheGreetingOfTheCoreClient() throws Exception {
		byte[] greeting = Socks5HandshakeMessages
			.greeting(List.of(Socks5AuthMethod.NO_AUTH, Socks5AuthMethod.USERNAME_PASSWORD));
		assertThat(reader(greeting).readGreeting()).containsExactly(Socks5AuthMethod.NO_AUTH,
				Socks5AuthMethod.USERNAME_PASSWORD);
	}

	@Test
	void readsAGreetingWithoutMethodsAndUnknownMethods() throws Exception {
		assertThat(reader(new byte[] { 5, 0 }).readGreeting()).isEmpty();
		assertThat(reader(new byte[] { 5, 1, (byte) 0x80 }).readGreeting())
			.containsExactly(Socks5AuthMethod.valueOf((byte) 0x80));
	}

	@Test
	void rejectsAGreetingOfAnotherVersion() {
		assertThatExceptionOfType(Socks5ProtocolException.class)
			.isThrownBy(() -> reader(new byte[] { 4, 1, 0 }).readGreeting())
			.withMessage("greeting: VER X'04' (expected: X'05')");
	}

	@Test
	void readsALoginRequest() throws Exception {
		byte[] request = Socks5HandshakeMessages.usernamePasswordRequest(new Socks5Credentials("alice", "s3cr\u00e9t"));
		LoginRequest login = reader(request).readLoginRequest();
		assertThat(new String(login.username(), StandardCharsets.UTF_8)).isEqualTo("alice");
		assertThat(new String(login.password(), StandardCharsets.UTF_8)).isEqualTo("s3cr\u00e9t");
		assertThat(login.toString()).doesNotContain("s3cr");
	}

	@Test
	void rejectsALoginRequestOfAnotherVersion() {
		assertThatExceptionOfType(Socks5ProtocolException.class)
			.isThrownBy(() -> reader(new byte[] { 5, 1, 'a', 1, 'b' }).readLoginRequest())
			.withMessage("username/password request: VER X'05' (expected: X'01')");
	}

	@Test
	void readsUdpAssociateRequestsOfEveryAddressType() throws Exception {
		for (Socks5Address dst : List.of(Socks5Address.of("127.0.0.1", 5353), Socks5Address.of("::1", 53),
				Socks5Address.of("localhost", 0), Socks5Address.of("0.0.0.0", 0))) {
			CommandRequest request = reader(Socks5HandshakeMessages.udpAssociateRequest(dst)).readCommandRequest();
			assertThat(request.command()).isEqualTo(Socks5HandshakeMessages.CMD_UDP_ASSOCIATE);
			assertThat(request.addressType()).isEqualTo(dst.type());
			assertThat(request.destination()).isEqualTo(dst);
		}
	}

	@Test
	void readsOtherCommands() throws Exception {
		byte[] connect = Socks5HandshakeMessages.commandRequest(Socks5HandshakeMessages.CMD_CONNECT,
				Socks5Address.of("127.0.0.1", 80));
		assertThat(reader(connect).readCommandRequest().command()).isEqualTo(Socks5HandshakeMessages.CMD_CONNECT);
	}

	@Test
	void stopsAtAnUnknownAddressType() throws Exception {
		ByteArrayInputStream in = new ByteArrayInputStream(new byte[] { 5, 3, 0, 9, 1, 2, 3 });
		CommandRequest request = new ServerHandshakeReader(in).readCommandRequest();
		assertThat(request.addressType().isKnown()).isFalse();
		assertThat(request.addressType().byteValue()).isEqualTo((byte) 9);
		assertThat(request.destination()).isNull();
		assertThat(in.available()).isEqualTo(3);
	}

	@Test
	void rejectsAnEmptyDomainName() {
		assertThatExceptionOfType(Socks5ProtocolException.class)
			.isThrownBy(() -> reader(new byte[] { 5, 3, 0, 3, 0, 0, 53 }).readCommandRequest())
			.withMessageContaining("empty domain name");
	}

	@Test
	void readsNothingBeyondItsMessage() throws Exception {
		byte[] greeting = { 5, 1, 0 };
		byte[] request = Socks5HandshakeMessages.udpAssociateRequest(Socks5Address.of("127.0.0.1", 0));
		byte[] both = new byte[greeting.length + request.length];
		System.arraycopy(greeting, 0, both, 0, greeting.length);
		System.arraycopy(request, 0, both, greeting.length, request.length);
		ServerHandshakeReader reader = reader(both);
		assertThat(reader.readGreeting()).containsExactly(Socks5AuthMethod.NO_AUTH);
		assertThat(reader.readCommandRequest().addressType()).isEqualTo(Socks5AddressType.IPV4);
	}

	@Test
	void reportsAConnectionClosedMidMessage() {
		byte[] request = Socks5HandshakeMessages.udpAssociateRequest(Socks5Address.of("::1", 53));
		for (int length = 0; length < request.length; length++) {
			byte[] truncated = Arrays.copyOf(request, length);
			assertThatExceptionOfType(EOFException.class).isThrownBy(() -> reader(truncated).readCommandRequest());
		}
	}

	private static ServerHandshakeReader reader(byte[] bytes) {
		return new ServerHandshakeReader(new ByteArrayInputStream(bytes));
	}

}
