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
package io.socks5udp.test.reliability;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.socks5udp.core.protocol.Socks5UdpDatagram;

/**
 * Payloads for the tests: recognisable bytes, and the bytes of a received datagram.
 *
 * @author socks5-udp authors
 */
final class Datagrams {

	private Datagrams() {
	}

	/**
	 * Return a payload of a length, each byte depending on its index, so that a truncated
	 * or shifted payload does not compare equal.
	 * @param length the length
	 * @return the payload
	 */
	static byte[] payload(int length) {
		byte[] payload = new byte[length];
		for (int i = 0; i < length; i++) {
			payload[i] = (byte) (i * 31 + (i >>> 8));
		}
		return payload;
	}

	/**
	 * Return the UTF-8 bytes of a text.
	 * @param text the text
	 * @return the bytes
	 */
	static byte[] text(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Return the payload of a datagram.
	 * @param datagram the datagram
	 * @return a copy of its payload
	 */
	static byte[] bytes(Socks5UdpDatagram datagram) {
		ByteBuffer payload = datagram.payload().duplicate();
		byte[] bytes = new byte[payload.remaining()];
		payload.get(bytes);
		return bytes;
	}

}
