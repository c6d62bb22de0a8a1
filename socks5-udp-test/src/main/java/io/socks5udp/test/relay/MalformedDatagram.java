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

/**
 * Kinds of malformed datagram that {@link EmbeddedSocks5Relay#sendMalformed} sends to
 * clients, each breaking one rule of the RFC 1928 section 7 header. Apart from the broken
 * rule they carry a source 127.0.0.1:7 and the payload {@code malformed}.
 *
 * @author socks5-udp authors
 */
public enum MalformedDatagram {

	/** Five bytes: the header ends in the middle of the address. */
	SHORT,

	/** RSV is X'0100' instead of X'0000'. */
	RESERVED_NONZERO,

	/** FRAG is X'01': a fragment, which clients drop unless they reassemble. */
	FRAGMENTED,

	/** ATYP is X'09', which RFC 1928 does not define. */
	UNKNOWN_ADDRESS_TYPE,

	/** ATYP is X'03' with a domain name of length 0. */
	EMPTY_DOMAIN;

	private static final byte[] PAYLOAD = { 'm', 'a', 'l', 'f', 'o', 'r', 'm', 'e', 'd' };

	/**
	 * Return the datagram's bytes.
	 * @return a new array holding the datagram
	 */
	public byte[] bytes() {
		return switch (this) {
			case SHORT -> new byte[] { 0, 0, 0, 0x01, 127 };
			case RESERVED_NONZERO -> ipv4Datagram(0x01, 0x00);
			case FRAGMENTED -> ipv4Datagram(0x00, 0x01);
			case UNKNOWN_ADDRESS_TYPE -> withPayload(new byte[] { 0, 0, 0, 0x09, 127, 0, 0, 1, 0, 7 });
			case EMPTY_DOMAIN -> withPayload(new byte[] { 0, 0, 0, 0x03, 0, 0, 7 });
		};
	}

	private static byte[] ipv4Datagram(int firstReservedByte, int fragment) {
		return withPayload(new byte[] { (byte) firstReservedByte, 0, (byte) fragment, 0x01, 127, 0, 0, 1, 0, 7 });
	}

	private static byte[] withPayload(byte[] header) {
		byte[] datagram = new byte[header.length + PAYLOAD.length];
		System.arraycopy(header, 0, datagram, 0, header.length);
		System.arraycopy(PAYLOAD, 0, datagram, header.length, PAYLOAD.length);
		return datagram;
	}

}
