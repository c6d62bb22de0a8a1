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

package io.socks5udp.test.support;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link UdpEchoServer}.
 *
 * @author socks5-udp authors
 */
class UdpEchoServerTests {

	@Test
	void echoesToTheSenderOnIpv4AndRecordsIt() throws Exception {
		try (UdpEchoServer echo = UdpEchoServer.startIpv4();
				DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
			assertThat(echo.host()).isEqualTo("127.0.0.1");
			assertThat(echo.lastSender()).isNull();
			byte[] reply = roundTrip(client, echo, new byte[] { 1, 2, 3 });
			assertThat(reply).containsExactly(1, 2, 3);
			assertThat(echo.datagramCount()).isEqualTo(1);
			assertThat(echo.lastSender()).isEqualTo(client.getLocalSocketAddress());
			assertThat(echo.lastPayload()).containsExactly(1, 2, 3);
		}
	}

	@Test
	void echoesTheLargestDatagramOnIpv6() throws Exception {
		try (UdpEchoServer echo = UdpEchoServer.startIpv6();
				DatagramSocket client = new DatagramSocket(new InetSocketAddress("::1", 0))) {
			client.setReceiveBufferSize(256 * 1024);
			assertThat(echo.host()).isEqualTo("::1");
			byte[] payload = new byte[65_507];
			payload[65_506] = 7;
			assertThat(roundTrip(client, echo, payload)).isEqualTo(payload);
			assertThat(echo.lastSender()).isEqualTo(client.getLocalSocketAddress());
		}
	}

	@Test
	void refusesAddressesOtherThanLoopback() throws Exception {
		assertThatIllegalArgumentException().isThrownBy(() -> UdpEchoServer.start(InetAddress.getByName("0.0.0.0")))
			.withMessageContaining("expected: a loopback address");
	}

	private static byte[] roundTrip(DatagramSocket client, UdpEchoServer echo, byte[] payload) throws Exception {
		client.setSoTimeout(5000);
		client.send(new DatagramPacket(payload, payload.length, echo.address()));
		DatagramPacket reply = new DatagramPacket(new byte[65_535], 65_535);
		client.receive(reply);
		byte[] bytes = new byte[reply.getLength()];
		System.arraycopy(reply.getData(), 0, bytes, 0, bytes.length);
		return bytes;
	}

}
