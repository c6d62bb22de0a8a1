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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5UdpHeaderDecoder}.
 *
 * @author socks5-udp authors
 */
class Socks5UdpHeaderDecoderTests {

	private final Socks5UdpHeaderDecoder decoder = new Socks5UdpHeaderDecoder();

	static Stream<Arguments> malformed() {
		return Stream.of(Arguments.of("empty", bytes(), Socks5DecodeStatus.SHORT),
				Arguments.of("3 bytes", bytes(0, 0, 0), Socks5DecodeStatus.SHORT),
				Arguments.of("RSV high byte", bytes(1, 0, 0, 1, 127, 0, 0, 1, 0, 53),
						Socks5DecodeStatus.RESERVED_NONZERO),
				Arguments.of("RSV low byte", bytes(0, 1, 0, 1, 127, 0, 0, 1, 0, 53),
						Socks5DecodeStatus.RESERVED_NONZERO),
				Arguments.of("RSV before FRAG", bytes(0, 1, 1, 1, 127, 0, 0, 1, 0, 53),
						Socks5DecodeStatus.RESERVED_NONZERO),
				Arguments.of("FRAG 1", bytes(0, 0, 1, 1, 127, 0, 0, 1, 0, 53), Socks5DecodeStatus.FRAGMENTED),
				Arguments.of("FRAG last", bytes(0, 0, 0x81, 1, 127, 0, 0, 1, 0, 53), Socks5DecodeStatus.FRAGMENTED),
				Arguments.of("FRAG before ATYP", bytes(0, 0, 1, 7), Socks5DecodeStatus.FRAGMENTED),
				Arguments.of("ATYP 0", bytes(0, 0, 0, 0, 127, 0, 0, 1, 0, 53), Socks5DecodeStatus.UNKNOWN_ADDRESS_TYPE),
				Arguments.of("ATYP 2", bytes(0, 0, 0, 2, 127, 0, 0, 1, 0, 53), Socks5DecodeStatus.UNKNOWN_ADDRESS_TYPE),
				Arguments.of("ATYP 0xFF", bytes(0, 0, 0, 0xFF), Socks5DecodeStatus.UNKNOWN_ADDRESS_TYPE),
				Arguments.of("IPv4 without port", bytes(0, 0, 0, 1, 127, 0, 0, 1), Socks5DecodeStatus.SHORT),
				Arguments.of("IPv4 half port", bytes(0, 0, 0, 1, 127, 0, 0, 1, 0), Socks5DecodeStatus.SHORT),
				Arguments.of("IPv6 cut", bytes(0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0),
						Socks5DecodeStatus.SHORT),
				Arguments.of("domain without length", bytes(0, 0, 0, 3), Socks5DecodeStatus.SHORT),
				Arguments.of("domain empty", bytes(0, 0, 0, 3, 0, 0, 53), Socks5DecodeStatus.EMPTY_DOMAIN),
				Arguments.of("domain beyond limit", bytes(0, 0, 0, 3, 200, 'a', 'b', 0, 53), Socks5DecodeStatus.SHORT),
				Arguments.of("domain without port", bytes(0, 0, 0, 3, 2, 'a', 'b', 0), Socks5DecodeStatus.SHORT));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformed")
	void reportsMalformedDatagramAndLeavesTheBufferAlone(String name, byte[] datagram, Socks5DecodeStatus status) {
		byte[] framed = new byte[datagram.length + 6];
		System.arraycopy(datagram, 0, framed, 3, datagram.length);
		ByteBuffer buffer = ByteBuffer.wrap(framed, 3, datagram.length);
		assertThat(this.decoder.decode(buffer)).isEqualTo(status);
		assertThat(buffer.position()).isEqualTo(3);
		assertThat(buffer.limit()).isEqualTo(3 + datagram.length);
		assertThat(this.decoder.source()).isNull();
	}

	@Test
	void neverReadsPastTheLimit() {
		byte[] complete = bytes(0, 0, 0, 1, 127, 0, 0, 1, 0, 53, 'x');
		for (int limit = 0; limit < 10; limit++) {
			ByteBuffer buffer = ByteBuffer.wrap(complete).limit(limit);
			assertThat(this.decoder.decode(buffer)).as("limit %d", limit).isEqualTo(Socks5DecodeStatus.SHORT);
		}
		ByteBuffer buffer = ByteBuffer.wrap(complete).limit(10);
		assertThat(this.decoder.decode(buffer)).isEqualTo(Socks5DecodeStatus.OK);
		assertThat(buffer.remaining()).isZero();
	}

	@Test
	void reportsFragmentAndAddressTypeOfAFragment() {
		assertThat(this.decoder.decode(ByteBuffer.wrap(bytes(0, 0, 2, 1, 127, 0, 0, 1, 0, 53))))
			.isEqualTo(Socks5DecodeStatus.FRAGMENTED);
		assertThat(this.decoder.fragment()).isEqualTo(2);
		assertThat(this.decoder.addressType()).isEqualTo(Socks5AddressType.IPV4);
	}

	@Test
	void reportsUnknownAddressType() {
		assertThat(this.decoder.decode(ByteBuffer.wrap(bytes(0, 0, 0, 9))))
			.isEqualTo(Socks5DecodeStatus.UNKNOWN_ADDRESS_TYPE);
		assertThat(this.decoder.addressType().isKnown()).isFalse();
		assertThat(this.decoder.addressType().byteValue()).isEqualTo((byte) 9);
	}

	@Test
	void hasNoFragmentOrAddressTypeWhenTooShort() {
		assertThat(this.decoder.decode(ByteBuffer.wrap(bytes(0, 0)))).isEqualTo(Socks5DecodeStatus.SHORT);
		assertThat(this.decoder.fragment()).isEqualTo(-1);
		assertThat(this.decoder.addressType()).isNull();
	}

	@Test
	void decodesFromTheBufferPosition() {
		ByteBuffer buffer = ByteBuffer.wrap(bytes(0xAA, 0xBB, 0, 0, 0, 3, 3, 'd', 'n', 's', 0x14, 0xE9, 'o', 'k'));
		buffer.position(2);
		assertThat(this.decoder.decode(buffer)).isEqualTo(Socks5DecodeStatus.OK);
		assertThat(this.decoder.source()).isEqualTo(Socks5Address.of("dns", 5353));
		assertThat(buffer.position()).isEqualTo(12);
		assertThat(buffer.remaining()).isEqualTo(2);
	}

	@Test
	void decodesIpv6Source() {
		ByteBuffer buffer = ByteBuffer.wrap(bytes(0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 53));
		assertThat(this.decoder.decode(buffer)).isEqualTo(Socks5DecodeStatus.OK);
		assertThat(this.decoder.source()).isEqualTo(Socks5Address.of("::1", 53));
		assertThat(buffer.hasRemaining()).isFalse();
	}

	@Test
	void returnsTheSameSourceInstanceForTheSameSource() {
		this.decoder.decode(ByteBuffer.wrap(bytes(0, 0, 0, 1, 127, 0, 0, 1, 0, 53, 'a')));
		Socks5Address first = this.decoder.source();
		this.decoder.decode(ByteBuffer.allocateDirect(16).put(bytes(0, 0, 0, 1, 127, 0, 0, 1, 0, 53, 'b')).flip());
		assertThat(this.decoder.source()).isSameAs(first);
	}

	@Test
	void returnsANewSourceWhenAddressPortOrTypeDiffers() {
		this.decoder.decode(ByteBuffer.wrap(bytes(0, 0, 0, 1, 127, 0, 0, 1, 0, 53)));
		Socks5Address first = this.decoder.source();
		this.decoder.decode(ByteBuffer.wrap(bytes(0, 0, 0, 1, 127, 0, 0, 1, 0, 54)));
		assertThat(this.decoder.source()).isNotSameAs(first).isEqualTo(Socks5Address.of("127.0.0.1", 54));
		this.decoder.decode(ByteBuffer.wrap(bytes(0, 0, 0, 1, 127, 0, 0, 2, 0, 54)));
		assertThat(this.decoder.source()).isEqualTo(Socks5Address.of("127.0.0.2", 54));
		this.decoder.decode(ByteBuffer.wrap(bytes(0, 0, 0, 3, 4, 127, 0, 0, 2, 0, 54)));
		assertThat(this.decoder.source().isDomain()).isTrue();
		assertThat(this.decoder.source().addressBytes()).containsExactly(127, 0, 0, 2);
		this.decoder.decode(ByteBuffer.wrap(bytes(0, 0, 0, 3, 3, 127, 0, 0, 0, 54)));
		assertThat(this.decoder.source().addressBytes()).containsExactly(127, 0, 0);
	}

	@Test
	void comparesIpv6AndIpv4SourcesWholeInEitherByteOrder() {
		byte[] ipv6 = bytes(0, 0, 0, 4, 0x20, 1, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 53);
		this.decoder.decode(ByteBuffer.wrap(ipv6));
		Socks5Address first = this.decoder.source();
		this.decoder.decode(ByteBuffer.wrap(ipv6).order(ByteOrder.LITTLE_ENDIAN));
		assertThat(this.decoder.source()).isSameAs(first);
		byte[] lastByte = ipv6.clone();
		lastByte[19] = 2;
		this.decoder.decode(ByteBuffer.wrap(lastByte).order(ByteOrder.LITTLE_ENDIAN));
		assertThat(this.decoder.source()).isEqualTo(Socks5Address.of("2001:db8::2", 53));
		byte[] firstByte = lastByte.clone();
		firstByte[4] = 0x30;
		this.decoder.decode(ByteBuffer.wrap(firstByte));
		assertThat(this.decoder.source()).isEqualTo(Socks5Address.of("3001:db8::2", 53));
		this.decoder.decode(ByteBuffer.wrap(bytes(0, 0, 0, 1, 10, 0, 0, 1, 0, 53)).order(ByteOrder.LITTLE_ENDIAN));
		Socks5Address ipv4 = this.decoder.source();
		this.decoder.decode(ByteBuffer.wrap(bytes(0, 0, 0, 1, 10, 0, 0, 1, 0, 53)));
		assertThat(this.decoder.source()).isSameAs(ipv4);
		this.decoder.decode(ByteBuffer.wrap(bytes(0, 0, 0, 1, 11, 0, 0, 1, 0, 53)));
		assertThat(this.decoder.source()).isEqualTo(Socks5Address.of("11.0.0.1", 53));
	}

	@Test
	void keepsTheCachedSourceAcrossAMalformedDatagram() {
		byte[] good = bytes(0, 0, 0, 1, 127, 0, 0, 1, 0, 53);
		this.decoder.decode(ByteBuffer.wrap(good));
		Socks5Address first = this.decoder.source();
		assertThat(this.decoder.decode(ByteBuffer.wrap(bytes(0, 0, 1, 1)))).isEqualTo(Socks5DecodeStatus.FRAGMENTED);
		assertThat(this.decoder.source()).isNull();
		this.decoder.decode(ByteBuffer.wrap(good));
		assertThat(this.decoder.source()).isSameAs(first);
	}

	@Test
	void decodingTheSameSourceAllocatesNothing() {
		ByteBuffer buffer = ByteBuffer.allocateDirect(300);
		buffer.put(bytes(0, 0, 0, 3, 11)).put("dns.example".getBytes()).put(bytes(0, 53, 1, 2, 3)).flip();
		long allocated = AllocationMeter.allocatedBy(() -> {
			buffer.rewind();
			this.decoder.decode(buffer);
		});
		assertThat(allocated).isLessThan(AllocationMeter.SLACK);
		assertThat(this.decoder.source()).isEqualTo(Socks5Address.of("dns.example", 53));
	}

	private static byte[] bytes(int... values) {
		return Socks5CommandReplyParserTests.bytes(values);
	}

}
