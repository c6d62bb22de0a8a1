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

package io.socks5udp.test.pysocks;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpHeaderCodec;
import io.socks5udp.test.support.TestEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our RFC 1928 section 7 header encoder against PySocks's: for the same destination and
 * payload, PySocks puts on the wire exactly the bytes
 * {@link Socks5UdpHeaderCodec#encode(Socks5Address, ByteBuffer, ByteBuffer)} produces.
 * PySocks talks to a {@link ScriptedSocks5Server} whose relay address is a socket of this
 * test.
 *
 * @author socks5-udp authors
 */
class PySocksHeaderTests {

	private static PySocksClient pySocks;

	@BeforeAll
	static void writeScript(@TempDir Path directory) {
		pySocks = PySocksClient.in(directory);
	}

	@BeforeEach
	void requirePySocks() {
		TestEnvironment.requirePySocks();
	}

	@ParameterizedTest(name = "{0}:{1}")
	@CsvSource({ "127.0.0.1, 53", "::1, 5353", "localhost, 65535", "dns.example.test, 853" })
	void pySocksSendsTheHeaderWeEncode(String host, int port) throws Exception {
		byte[] payload = ("payload for " + host).getBytes();
		try (ScriptedSocks5Server server = new ScriptedSocks5Server()) {
			PySocksClient.Result result = pySocks.send(server.port(), host, port, payload, false, null);
			assertThat(result.exitCode()).as(result.output()).isZero();
			byte[] datagram = server.receiveDatagram();
			assertThat(datagram).isEqualTo(encode(Socks5Address.of(host, port), payload));
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "127.0.0.1", "::1" })
	void pySocksAnnouncesTheDomainNameZeroWithItsPort(String host) throws Exception {
		try (ScriptedSocks5Server server = new ScriptedSocks5Server()) {
			PySocksClient.Result result = pySocks.send(server.port(), host, 9, new byte[] { 1 }, false, null);
			assertThat(result.exitCode()).as(result.output()).isZero();
			byte[] request = server.associateRequest();
			assertThat(Arrays.copyOf(request, 4)).containsExactly(5, 3, 0, 3);
			assertThat(ScriptedSocks5Server.domainOf(request)).isEqualTo("0");
			int announcedPort = ((request[request.length - 2] & 0xff) << 8) | (request[request.length - 1] & 0xff);
			assertThat(announcedPort).isPositive();
		}
	}

	private static byte[] encode(Socks5Address destination, byte[] payload) {
		ByteBuffer target = ByteBuffer.allocate(Socks5UdpHeaderCodec.headerLength(destination) + payload.length);
		Socks5UdpHeaderCodec.encode(destination, ByteBuffer.wrap(payload), target);
		target.flip();
		byte[] bytes = new byte[target.remaining()];
		target.get(bytes);
		return bytes;
	}

}
