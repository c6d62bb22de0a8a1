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
package io.socks5udp.benchmarks.codec;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5DecodeStatus;
import io.socks5udp.core.protocol.Socks5UdpHeaderCodec;
import io.socks5udp.core.protocol.Socks5UdpHeaderDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encoding the UDP request header into the headroom in front of a payload, and decoding
 * it with the payload left in place, per address type, payload size and buffer kind. Run
 * with {@code -prof gc}: the target is 0 B/op.
 *
 * @author socks5-udp authors
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UdpHeaderCodecBenchmark {

	private static final int HEADROOM = 262;

	/** Destination address type: IPv4, IPv6, a 10-byte and a 255-byte domain name. */
	@Param({ "ipv4", "ipv6", "domain10", "domain255" })
	public String address;

	/** Payload size in bytes. */
	@Param({ "0", "64", "1200", "65000" })
	public int payload;

	/** Whether the buffer is direct. */
	@Param({ "heap", "direct" })
	public String buffer;

	private Socks5Address destination;

	private ByteBuffer datagram;

	private ByteBuffer encoded;

	private final Socks5UdpHeaderDecoder decoder = new Socks5UdpHeaderDecoder();

	/**
	 * Prepare the buffers: one with headroom for encoding, one holding an encoded
	 * datagram for decoding.
	 */
	@Setup
	public void setUp() {
		this.destination = switch (this.address) {
			case "ipv4" -> Socks5Address.of("127.0.0.1", 53);
			case "ipv6" -> Socks5Address.of("::1", 53);
			case "domain10" -> Socks5Address.domain("abcdef.com", 53);
			case "domain255" -> Socks5Address.domain(domain(255), 53);
			default -> throw new IllegalArgumentException(this.address);
		};
		int capacity = HEADROOM + this.payload;
		this.datagram = "direct".equals(this.buffer) ? ByteBuffer.allocateDirect(capacity)
				: ByteBuffer.allocate(capacity);
		this.encoded = "direct".equals(this.buffer) ? ByteBuffer.allocateDirect(capacity)
				: ByteBuffer.allocate(capacity);
		this.encoded.position(HEADROOM).limit(capacity);
		Socks5UdpHeaderCodec.encodeInHeadroom(this.destination, this.encoded);
	}

	/**
	 * Encode the header in front of the payload.
	 * @return the buffer, so that the work is not eliminated
	 */
	@Benchmark
	public ByteBuffer encodeInHeadroom() {
		ByteBuffer buf = this.datagram;
		buf.limit(HEADROOM + this.payload).position(HEADROOM);
		Socks5UdpHeaderCodec.encodeInHeadroom(this.destination, buf);
		return buf;
	}

	/**
	 * Decode the header; the payload stays where it is.
	 * @return the source address, so that the work is not eliminated
	 */
	@Benchmark
	public Object decode() {
		ByteBuffer buf = this.encoded;
		int start = buf.position();
		Socks5DecodeStatus status = this.decoder.decode(buf);
		buf.position(start);
		return (status == Socks5DecodeStatus.OK) ? this.decoder.source() : status;
	}

	private static String domain(int length) {
		StringBuilder name = new StringBuilder();
		while (name.length() < length) {
			name.append((name.length() % 64 == 63) ? '.' : 'a');
		}
		name.setCharAt(length - 1, 'z');
		return name.substring(0, length);
	}

}
