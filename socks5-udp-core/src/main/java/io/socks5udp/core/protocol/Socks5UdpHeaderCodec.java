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
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Encoder of the UDP request header of RFC 1928 section 7: RSV (2 bytes, zero), FRAG
 * (zero: this client never fragments), ATYP, DST.ADDR, DST.PORT, then the payload.
 * <p>
 * Works on heap and direct buffers and allocates nothing. Every field is written in
 * network order, so the buffers' {@link ByteBuffer#order() order} does not matter.
 *
 * @author socks5-udp authors
 * @see Socks5UdpHeaderDecoder
 */
public final class Socks5UdpHeaderCodec {

	/**
	 * Largest payload of a UDP datagram over IPv4 (65,535 minus the 20-byte IP and 8-byte
	 * UDP headers); the SOCKS5 header is taken from it.
	 */
	public static final int MAX_DATAGRAM_PAYLOAD = 65507;

	/** Address fields from this length on are copied in bulk rather than byte by byte. */
	static final int BULK_COPY_THRESHOLD = 16;

	private static final int FIXED_LENGTH = 3;

	private Socks5UdpHeaderCodec() {
	}

	/**
	 * Return the length of the header for a destination: 10 bytes for IPv4, 22 for IPv6,
	 * 7 plus the name's length for a domain name.
	 * @param dst the destination
	 * @return the header length in bytes
	 */
	public static int headerLength(Socks5Address dst) {
		return FIXED_LENGTH + dst.encodedLength();
	}

	/**
	 * Return the largest payload that can be sent to a destination: 65,497 bytes for
	 * IPv4, 65,485 for IPv6, 65,500 minus the name's length for a domain name.
	 * @param dst the destination
	 * @return the maximum payload in bytes
	 */
	public static int maxPayload(Socks5Address dst) {
		return MAX_DATAGRAM_PAYLOAD - headerLength(dst);
	}

	/**
	 * Write the header in front of a payload, in the same buffer: the payload is the
	 * buffer's remaining bytes, and the header goes in the headroom just before its
	 * position. On return the position is at the header's start and the limit unchanged,
	 * so the buffer holds the whole datagram. Nothing is copied.
	 * @param dst the destination
	 * @param datagram the buffer; its position must be at least
	 * {@link #headerLength(Socks5Address)}
	 * @throws Socks5PayloadTooLargeException if the payload is larger than
	 * {@link #maxPayload(Socks5Address)}
	 * @throws IllegalArgumentException if the headroom is too small
	 */
	public static void encodeInHeadroom(Socks5Address dst, ByteBuffer datagram) {
		Objects.requireNonNull(dst, "'dst' must not be null");
		Objects.requireNonNull(datagram, "'datagram' must not be null");
		checkPayload(dst, datagram.remaining());
		int headerLength = headerLength(dst);
		int start = datagram.position() - headerLength;
		if (start < 0) {
			throw new IllegalArgumentException("headroom: " + datagram.position() + " bytes (expected: at least "
					+ headerLength + " for " + dst + ")");
		}
		writeHeader(dst, datagram, start);
		datagram.position(start);
	}

	/**
	 * Put the header and then the payload into a target buffer at its position.
	 * @param dst the destination
	 * @param payload the payload, its remaining bytes; its position moves to its limit
	 * @param target the buffer to write to; its position moves past the datagram
	 * @throws Socks5PayloadTooLargeException if the payload is larger than
	 * {@link #maxPayload(Socks5Address)}
	 * @throws IllegalArgumentException if the target has too little room
	 */
	public static void encode(Socks5Address dst, ByteBuffer payload, ByteBuffer target) {
		Objects.requireNonNull(dst, "'dst' must not be null");
		Objects.requireNonNull(payload, "'payload' must not be null");
		Objects.requireNonNull(target, "'target' must not be null");
		int payloadLength = payload.remaining();
		checkPayload(dst, payloadLength);
		int headerLength = headerLength(dst);
		if (target.remaining() < headerLength + payloadLength) {
			throw new IllegalArgumentException("target: " + target.remaining() + " bytes remaining (expected: at least "
					+ (headerLength + payloadLength) + ")");
		}
		writeHeader(dst, target, target.position());
		target.position(target.position() + headerLength);
		target.put(payload);
	}

	private static void checkPayload(Socks5Address dst, int payloadLength) {
		int max = maxPayload(dst);
		if (payloadLength > max) {
			throw new Socks5PayloadTooLargeException(dst, payloadLength, max);
		}
	}

	private static void writeHeader(Socks5Address dst, ByteBuffer buffer, int start) {
		if (dst.type() == Socks5AddressType.IPV4) {
			writeIpv4Header(dst, buffer, start);
			return;
		}
		int at = start;
		buffer.put(at++, (byte) 0);
		buffer.put(at++, (byte) 0);
		buffer.put(at++, (byte) 0);
		buffer.put(at++, dst.type().byteValue());
		byte[] address = dst.rawAddress();
		if (dst.isDomain()) {
			buffer.put(at++, (byte) address.length);
		}
		if (address.length < BULK_COPY_THRESHOLD) {
			for (byte b : address) {
				buffer.put(at++, b);
			}
		}
		else {
			// One bulk copy (arraycopy or copyMemory) beats a bounds-checked put per byte
			buffer.put(at, address, 0, address.length);
			at += address.length;
		}
		int port = dst.port();
		buffer.put(at++, (byte) (port >>> 8));
		buffer.put(at, (byte) port);
	}

	/**
	 * The most common header in three wide writes instead of ten single-byte ones: RSV,
	 * FRAG and ATYP as one int, the address as one int, the port as one short.
	 */
	private static void writeIpv4Header(Socks5Address dst, ByteBuffer buffer, int start) {
		byte[] address = dst.rawAddress();
		int head = Socks5AddressType.IPV4.byteValue();
		int ip = ((address[0] & 0xFF) << 24) | ((address[1] & 0xFF) << 16) | ((address[2] & 0xFF) << 8)
				| (address[3] & 0xFF);
		short port = (short) dst.port();
		if (buffer.order() == ByteOrder.LITTLE_ENDIAN) {
			head = Integer.reverseBytes(head);
			ip = Integer.reverseBytes(ip);
			port = Short.reverseBytes(port);
		}
		buffer.putInt(start, head);
		buffer.putInt(start + 4, ip);
		buffer.putShort(start + 8, port);
	}

}
