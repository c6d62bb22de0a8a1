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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Socks5UdpHeaderCodec}, decoding what it encodes with
 * {@link Socks5UdpHeaderDecoder}.
 *
 * @author socks5-udp authors
 */
class Socks5UdpHeaderCodecTests {

	private static final String LONGEST_DOMAIN = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "."
			+ "d".repeat(63);

	static Stream<Arguments> destinations() {
		return Stream.of(Arguments.of(Socks5Address.of("192.0.2.1", 53), 10, 65497),
				Arguments.of(Socks5Address.of("2001:db8::1", 443), 22, 65485),
				Arguments.of(Socks5Address.of("a", 1), 8, 65499),
				Arguments.of(Socks5Address.of(LONGEST_DOMAIN, 65535), 262, 65245));
	}

	@ParameterizedTest
	@MethodSource("destinations")
	void headerLengthAndMaxPayloadPerAddressType(Socks5Address dst, int headerLength, int maxPayload) {
		assertThat(Socks5UdpHeaderCodec.headerLength(dst)).isEqualTo(headerLength);
		assertThat(Socks5UdpHeaderCodec.maxPayload(dst)).isEqualTo(maxPayload);
		assertThat(headerLength + maxPayload).isEqualTo(Socks5UdpHeaderCodec.MAX_DATAGRAM_PAYLOAD);
	}

	static Stream<Arguments> roundTrips() {
		List<Arguments> cases = new ArrayList<>();
		destinations().forEach((destination) -> {
			Socks5Address dst = (Socks5Address) destination.get()[0];
			for (int length : new int[] { 0, 1, Socks5UdpHeaderCodec.maxPayload(dst) }) {
				for (boolean direct : new boolean[] { false, true }) {
					cases.add(Arguments.of(dst, length, direct));
				}
			}
		});
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} payload {1} direct {2}")
	@MethodSource("roundTrips")
	void encodeInHeadroomRoundTrips(Socks5Address dst, int length, boolean direct) {
		int headroom = Socks5UdpHeaderCodec.headerLength(dst) + 3;
		ByteBuffer buffer = allocate(headroom + length, direct);
		buffer.position(headroom);
		putPayload(buffer, length);
		buffer.position(headroom);
		Socks5UdpHeaderCodec.encodeInHeadroom(dst, buffer);
		assertThat(buffer.position()).isEqualTo(3);
		assertThat(buffer.limit()).isEqualTo(headroom + length);
		assertDecodes(buffer, dst, length);
	}

	@ParameterizedTest(name = "{0} payload {1} direct {2}")
	@MethodSource("roundTrips")
	void encodeRoundTrips(Socks5Address dst, int length, boolean direct) {
		ByteBuffer payload = allocate(length, !direct);
		putPayload(payload, length);
		payload.flip();
		ByteBuffer target = allocate(Socks5UdpHeaderCodec.MAX_DATAGRAM_PAYLOAD, direct);
		Socks5UdpHeaderCodec.encode(dst, payload, target);
		assertThat(payload.hasRemaining()).isFalse();
		assertThat(target.position()).isEqualTo(Socks5UdpHeaderCodec.headerLength(dst) + length);
		target.flip();
		assertDecodes(target, dst, length);
	}

	@ParameterizedTest
	@MethodSource("destinations")
	void encodeInHeadroomRejectsOversizePayloadBeforeWritingAnything(Socks5Address dst, int headerLength,
			int maxPayload) {
		ByteBuffer buffer = ByteBuffer.allocate(headerLength + maxPayload + 1);
		fill(buffer, (byte) 0xEE);
		buffer.position(headerLength);
		assertThatExceptionOfType(Socks5PayloadTooLargeException.class)
			.isThrownBy(() -> Socks5UdpHeaderCodec.encodeInHeadroom(dst, buffer))
			.withMessage("payload: %d bytes (expected: 0-%d for %s)", maxPayload + 1, maxPayload, dst)
			.satisfies((ex) -> {
				assertThat(ex.payloadLength()).isEqualTo(maxPayload + 1);
				assertThat(ex.maxPayload()).isEqualTo(maxPayload);
			});
		assertThat(buffer.position()).isEqualTo(headerLength);
		assertThat(buffer.limit()).isEqualTo(headerLength + maxPayload + 1);
		for (int i = 0; i < headerLength; i++) {
			assertThat(buffer.get(i)).isEqualTo((byte) 0xEE);
		}
	}

	@ParameterizedTest
	@MethodSource("destinations")
	void encodeRejectsOversizePayloadBeforeWritingAnything(Socks5Address dst, int headerLength, int maxPayload) {
		ByteBuffer payload = ByteBuffer.allocateDirect(maxPayload + 1);
		ByteBuffer target = ByteBuffer.allocate(70000);
		fill(target, (byte) 0xEE);
		assertThatExceptionOfType(Socks5PayloadTooLargeException.class)
			.isThrownBy(() -> Socks5UdpHeaderCodec.encode(dst, payload, target));
		assertThat(payload.position()).isZero();
		assertThat(target.position()).isZero();
		assertThat(target.get(0)).isEqualTo((byte) 0xEE);
	}

	@Test
	void oversizeIpv4DatagramFromTheFailureTable() {
		Socks5Address dst = Socks5Address.of("127.0.0.1", 53);
		ByteBuffer buffer = ByteBuffer.allocate(10 + 65498).position(10);
		assertThatExceptionOfType(Socks5PayloadTooLargeException.class)
			.isThrownBy(() -> Socks5UdpHeaderCodec.encodeInHeadroom(dst, buffer))
			.withMessage("payload: 65498 bytes (expected: 0-65497 for 127.0.0.1:53)");
	}

	@Test
	void encodeInHeadroomRejectsTooLittleHeadroomWithoutWriting() {
		Socks5Address dst = Socks5Address.of("127.0.0.1", 53);
		ByteBuffer buffer = ByteBuffer.allocate(20);
		fill(buffer, (byte) 0xEE);
		buffer.position(9);
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5UdpHeaderCodec.encodeInHeadroom(dst, buffer))
			.withMessage("headroom: 9 bytes (expected: at least 10 for 127.0.0.1:53)");
		assertThat(buffer.position()).isEqualTo(9);
		assertThat(buffer.get(0)).isEqualTo((byte) 0xEE);
	}

	@Test
	void encodeRejectsTooSmallTarget() {
		Socks5Address dst = Socks5Address.of("127.0.0.1", 53);
		ByteBuffer target = ByteBuffer.allocate(12);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Socks5UdpHeaderCodec.encode(dst, ByteBuffer.wrap(new byte[3]), target))
			.withMessage("target: 12 bytes remaining (expected: at least 13)");
		assertThat(target.position()).isZero();
	}

	@Test
	void writesTheRfc1928HeaderForIpv4() {
		ByteBuffer target = ByteBuffer.allocate(32);
		Socks5UdpHeaderCodec.encode(Socks5Address.of("127.0.0.1", 53), ByteBuffer.wrap(new byte[] { 'h', 'i' }),
				target);
		assertThat(written(target)).containsExactly(0x00, 0x00, 0x00, 0x01, 0x7F, 0x00, 0x00, 0x01, 0x00, 0x35, 'h',
				'i');
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.1", "2130706433", "0x7f.1", "0177.0.0.1" })
	void writesAHostInAnyInetAtonFormAsItsIpv4Address(String host) {
		ByteBuffer target = ByteBuffer.allocate(32);
		Socks5UdpHeaderCodec.encode(Socks5Address.of(host, 53), ByteBuffer.wrap(new byte[] { 'h', 'i' }), target);
		assertThat(written(target)).containsExactly(0x00, 0x00, 0x00, 0x01, 0x7F, 0x00, 0x00, 0x01, 0x00, 0x35, 'h',
				'i');
	}

	@Test
	void writesTheRfc1928HeaderForIpv6() {
		ByteBuffer target = ByteBuffer.allocate(32);
		Socks5UdpHeaderCodec.encode(Socks5Address.of("::1", 8080), ByteBuffer.allocate(0), target);
		assertThat(written(target)).containsExactly(0x00, 0x00, 0x00, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
				1, 0x1F, 0x90);
	}

	@Test
	void writesTheRfc1928HeaderForADomainInBigEndianWhateverTheBufferOrder() {
		ByteBuffer buffer = ByteBuffer.allocateDirect(32).order(ByteOrder.LITTLE_ENDIAN);
		buffer.position(24).put((byte) 'x').flip().position(24);
		Socks5UdpHeaderCodec.encodeInHeadroom(Socks5Address.of("dns.example", 53), buffer);
		byte[] datagram = new byte[buffer.remaining()];
		buffer.get(datagram);
		assertThat(datagram).containsExactly(0x00, 0x00, 0x00, 0x03, 0x0B, 'd', 'n', 's', '.', 'e', 'x', 'a', 'm', 'p',
				'l', 'e', 0x00, 0x35, 'x');
	}

	@ParameterizedTest
	@CsvSource({ "BIG_ENDIAN, false", "BIG_ENDIAN, true", "LITTLE_ENDIAN, false", "LITTLE_ENDIAN, true" })
	void writesTheRfc1928HeaderForIpv4InBigEndianWhateverTheBufferOrderAndKind(String order, boolean direct) {
		ByteBuffer buffer = (direct ? ByteBuffer.allocateDirect(32) : ByteBuffer.allocate(32))
			.order("BIG_ENDIAN".equals(order) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
		buffer.position(13).put((byte) 'x').flip().position(13);
		Socks5UdpHeaderCodec.encodeInHeadroom(Socks5Address.of("192.168.200.7", 65534), buffer);
		byte[] datagram = new byte[buffer.remaining()];
		buffer.get(datagram);
		assertThat(datagram).containsExactly(0x00, 0x00, 0x00, 0x01, 0xC0, 0xA8, 0xC8, 0x07, 0xFF, 0xFE, 'x');
	}

	@Test
	void encodeInHeadroomAllocatesNothing() {
		Socks5Address dst = Socks5Address.of("dns.example", 53);
		ByteBuffer buffer = ByteBuffer.allocateDirect(512);
		long allocated = AllocationMeter.allocatedBy(() -> {
			buffer.clear().position(64);
			Socks5UdpHeaderCodec.encodeInHeadroom(dst, buffer);
		});
		assertThat(allocated).isLessThan(AllocationMeter.SLACK);
	}

	private static void assertDecodes(ByteBuffer datagram, Socks5Address dst, int length) {
		Socks5UdpHeaderDecoder decoder = new Socks5UdpHeaderDecoder();
		assertThat(decoder.decode(datagram)).isEqualTo(Socks5DecodeStatus.OK);
		assertThat(decoder.source()).isEqualTo(dst);
		assertThat(decoder.fragment()).isZero();
		assertThat(decoder.addressType()).isEqualTo(dst.type());
		assertThat(datagram.remaining()).isEqualTo(length);
		for (int i = 0; i < length; i++) {
			assertThat(datagram.get()).isEqualTo((byte) i);
		}
	}

	private static ByteBuffer allocate(int capacity, boolean direct) {
		return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
	}

	private static void putPayload(ByteBuffer buffer, int length) {
		for (int i = 0; i < length; i++) {
			buffer.put((byte) i);
		}
	}

	private static void fill(ByteBuffer buffer, byte value) {
		for (int i = 0; i < buffer.capacity(); i++) {
			buffer.put(i, value);
		}
	}

	private static byte[] written(ByteBuffer target) {
		byte[] bytes = new byte[target.position()];
		target.flip().get(bytes);
		return bytes;
	}

}
