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
package io.socks5udp.core.fuzz;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressType;
import io.socks5udp.core.protocol.Socks5DecodeStatus;
import io.socks5udp.core.protocol.Socks5PayloadTooLargeException;
import io.socks5udp.core.protocol.Socks5UdpHeaderCodec;
import io.socks5udp.core.protocol.Socks5UdpHeaderDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Fuzz tests of {@link Socks5UdpHeaderDecoder} and {@link Socks5UdpHeaderCodec}: what a
 * hostile relay can send must never make the decoder throw, read past the limit or write
 * to the datagram, and what the encoder writes must decode to what was encoded. The
 * expected outcome of every input is worked out here from RFC 1928 section 7, apart from
 * the code under test.
 *
 * @author socks5-udp authors
 */
class Socks5UdpHeaderDecoderFuzzTests {

	private static final int FIXED_LENGTH = 4;

	@FuzzTest(maxDuration = "60s")
	void decodeReportsEveryDatagramWithoutThrowingOrReadingPastTheLimit(byte[] data) {
		Socks5UdpHeaderDecoder decoder = new Socks5UdpHeaderDecoder();
		ByteBuffer heap = FramedBuffers.framed(data, (byte) 0x00, false);
		Socks5DecodeStatus status = decoder.decode(heap);
		Socks5Address source = decoder.source();
		int fragment = decoder.fragment();
		Socks5AddressType addressType = decoder.addressType();
		assertThat(status).as("status of %s", hex(data)).isEqualTo(expectedStatus(data));
		assertThat(heap.limit()).isEqualTo(FramedBuffers.HEADROOM + data.length);
		// The same bytes with other sentinels around them, in a direct buffer: bytes
		// outside [position, limit) must not change the outcome
		ByteBuffer direct = FramedBuffers.framed(data, (byte) 0xFF, true);
		assertThat(decoder.decode(direct)).isEqualTo(status);
		assertThat(direct.position()).isEqualTo(heap.position());
		assertThat(direct.limit()).isEqualTo(heap.limit());
		assertThat(decoder.fragment()).isEqualTo(fragment);
		assertThat(decoder.addressType()).isEqualTo(addressType);
		if (status != Socks5DecodeStatus.OK) {
			assertThat(heap.position()).isEqualTo(FramedBuffers.HEADROOM);
			assertThat(source).isNull();
			assertThat(decoder.source()).isNull();
			assertRejectedFields(data, status, fragment, addressType);
			return;
		}
		int headerLength = expectedHeaderLength(data);
		assertThat(source).isEqualTo(expectedSource(data));
		// The cached source is handed out again for the same address and port
		assertThat(decoder.source()).isSameAs(source);
		assertThat(heap.position()).isEqualTo(FramedBuffers.HEADROOM + headerLength);
		assertThat(Socks5UdpHeaderCodec.headerLength(source)).isEqualTo(headerLength);
		assertThat(fragment).isZero();
		assertThat(addressType).isEqualTo(Socks5AddressType.valueOf(data[3]));
		assertThat(new Socks5UdpHeaderDecoder().decode(FramedBuffers.framed(data, (byte) 0x5A, false)))
			.isEqualTo(Socks5DecodeStatus.OK);
		assertUsable(source);
		// A valid header has one wire form: encoding what was decoded gives the input
		byte[] payload = FramedBuffers.remaining(heap);
		if (payload.length <= Socks5UdpHeaderCodec.maxPayload(source)) {
			ByteBuffer target = ByteBuffer.allocate(data.length);
			Socks5UdpHeaderCodec.encode(source, ByteBuffer.wrap(payload), target);
			assertThat(target.array()).isEqualTo(data);
		}
	}

	@FuzzTest(maxDuration = "60s")
	void encodedDatagramDecodesToTheSameAddressAndPayload(byte[] data) {
		FuzzInput input = new FuzzInput(data);
		int selector = input.nextByte();
		Socks5Address dst = address(selector & 0x03, input);
		int max = Socks5UdpHeaderCodec.maxPayload(dst);
		byte[] payload = ((selector & 0x04) != 0) ? nearTheLimit(max, input) : input.rest();
		int headerLength = Socks5UdpHeaderCodec.headerLength(dst);
		assertThat(headerLength).isEqualTo(3 + dst.encodedLength());
		assertThat(max).isEqualTo(Socks5UdpHeaderCodec.MAX_DATAGRAM_PAYLOAD - headerLength);
		if (payload.length > max) {
			assertOversizeIsRejected(dst, payload, headerLength);
			return;
		}
		ByteBuffer target = ByteBuffer.allocate(headerLength + payload.length);
		ByteBuffer source = ByteBuffer.wrap(payload);
		Socks5UdpHeaderCodec.encode(dst, source, target);
		assertThat(target.hasRemaining()).isFalse();
		assertThat(source.hasRemaining()).isFalse();
		byte[] datagram = target.array();
		ByteBuffer inPlace = ByteBuffer.allocateDirect(FramedBuffers.HEADROOM + headerLength + payload.length);
		inPlace.position(FramedBuffers.HEADROOM + headerLength).put(payload);
		inPlace.flip().position(FramedBuffers.HEADROOM + headerLength);
		Socks5UdpHeaderCodec.encodeInHeadroom(dst, inPlace);
		assertThat(inPlace.position()).isEqualTo(FramedBuffers.HEADROOM);
		assertThat(FramedBuffers.remaining(inPlace)).isEqualTo(datagram);
		Socks5UdpHeaderDecoder decoder = new Socks5UdpHeaderDecoder();
		ByteBuffer received = FramedBuffers.framed(datagram, (byte) 0xA5, (selector & 0x08) != 0);
		assertThat(decoder.decode(received)).isEqualTo(Socks5DecodeStatus.OK);
		assertThat(decoder.source()).isEqualTo(dst);
		assertThat(decoder.source().host()).isEqualTo(dst.host());
		assertThat(received.position()).isEqualTo(FramedBuffers.HEADROOM + headerLength);
		assertThat(FramedBuffers.remaining(received)).isEqualTo(payload);
	}

	private static void assertOversizeIsRejected(Socks5Address dst, byte[] payload, int headerLength) {
		ByteBuffer target = ByteBuffer.allocate(headerLength + payload.length);
		ByteBuffer source = ByteBuffer.wrap(payload);
		assertThatExceptionOfType(Socks5PayloadTooLargeException.class)
			.isThrownBy(() -> Socks5UdpHeaderCodec.encode(dst, source, target));
		assertThat(target.position()).isZero();
		assertThat(source.position()).isZero();
		ByteBuffer inPlace = ByteBuffer.allocate(headerLength + payload.length);
		inPlace.position(headerLength);
		assertThatExceptionOfType(Socks5PayloadTooLargeException.class)
			.isThrownBy(() -> Socks5UdpHeaderCodec.encodeInHeadroom(dst, inPlace));
		assertThat(inPlace.position()).isEqualTo(headerLength);
		assertThat(inPlace.array()).containsOnly(0);
	}

	private static Socks5Address address(int kind, FuzzInput input) {
		switch (kind) {
			case 0:
				return Socks5Address.ipv4(input.next(4), input.nextUnsignedShort());
			case 1:
				return Socks5Address.ipv6(input.next(16), input.nextUnsignedShort());
			case 2:
				int length = 1 + input.nextByte() % Socks5Address.MAX_DOMAIN_LENGTH;
				byte[] name = input.next(length);
				return Socks5Address.fromWire(Socks5AddressType.DOMAIN, name, 0, length, input.nextUnsignedShort());
			default:
				// Through InetAddress, which turns an IPv4-mapped IPv6 address into IPv4
				return Socks5Address.of(inet(input.next(((input.nextByte() & 1) != 0) ? 16 : 4)),
						input.nextUnsignedShort());
		}
	}

	private static byte[] nearTheLimit(int max, FuzzInput input) {
		int length = max - 2 + input.nextByte() % 5;
		byte[] pattern = input.rest();
		byte[] payload = new byte[length];
		for (int i = 0; pattern.length > 0 && i < length; i++) {
			payload[i] = pattern[i % pattern.length];
		}
		return payload;
	}

	private static void assertRejectedFields(byte[] data, Socks5DecodeStatus status, int fragment,
			Socks5AddressType addressType) {
		if (data.length < FIXED_LENGTH || status == Socks5DecodeStatus.RESERVED_NONZERO) {
			assertThat(fragment).isEqualTo(-1);
			assertThat(addressType).isNull();
			return;
		}
		assertThat(fragment).isEqualTo(data[2] & 0xFF);
		assertThat(addressType).isEqualTo(Socks5AddressType.valueOf(data[3]));
		if (status == Socks5DecodeStatus.UNKNOWN_ADDRESS_TYPE) {
			assertThat(addressType.isKnown()).isFalse();
		}
	}

	private static void assertUsable(Socks5Address source) {
		assertThat(source.toString()).isNotEmpty();
		assertThat(source.toInetSocketAddress().getPort()).isEqualTo(source.port());
		assertThat(source.addressBytes()).hasSize(source.addressLength());
	}

	private static Socks5DecodeStatus expectedStatus(byte[] data) {
		if (data.length < FIXED_LENGTH) {
			return Socks5DecodeStatus.SHORT;
		}
		if (data[0] != 0 || data[1] != 0) {
			return Socks5DecodeStatus.RESERVED_NONZERO;
		}
		if (data[2] != 0) {
			return Socks5DecodeStatus.FRAGMENTED;
		}
		if (data[3] != 0x01 && data[3] != 0x03 && data[3] != 0x04) {
			return Socks5DecodeStatus.UNKNOWN_ADDRESS_TYPE;
		}
		if (data[3] == 0x03) {
			if (data.length < FIXED_LENGTH + 1) {
				return Socks5DecodeStatus.SHORT;
			}
			if (data[4] == 0) {
				return Socks5DecodeStatus.EMPTY_DOMAIN;
			}
		}
		return (data.length < expectedHeaderLength(data)) ? Socks5DecodeStatus.SHORT : Socks5DecodeStatus.OK;
	}

	private static int expectedHeaderLength(byte[] data) {
		return switch (data[3]) {
			case 0x01 -> FIXED_LENGTH + 4 + 2;
			case 0x04 -> FIXED_LENGTH + 16 + 2;
			default -> FIXED_LENGTH + 1 + (data[4] & 0xFF) + 2;
		};
	}

	private static Socks5Address expectedSource(byte[] data) {
		int headerLength = expectedHeaderLength(data);
		int port = ((data[headerLength - 2] & 0xFF) << 8) | (data[headerLength - 1] & 0xFF);
		return switch (data[3]) {
			case 0x01 -> Socks5Address.ipv4(Arrays.copyOfRange(data, 4, 8), port);
			case 0x04 -> Socks5Address.ipv6(Arrays.copyOfRange(data, 4, 20), port);
			default -> Socks5Address.fromWire(Socks5AddressType.DOMAIN, data, 5, data[4] & 0xFF, port);
		};
	}

	private static InetAddress inet(byte[] address) {
		try {
			return InetAddress.getByAddress(address);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String hex(byte[] data) {
		StringBuilder text = new StringBuilder(data.length * 2);
		for (int i = 0; i < Math.min(data.length, 64); i++) {
			text.append(String.format("%02x", data[i] & 0xFF));
		}
		return (data.length > 64) ? text + "... (" + data.length + " bytes)" : text.toString();
	}

}
