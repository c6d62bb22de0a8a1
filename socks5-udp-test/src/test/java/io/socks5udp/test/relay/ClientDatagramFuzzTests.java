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

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5DecodeStatus;
import io.socks5udp.core.protocol.Socks5UdpHeaderDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz tests of the relay's reading of client datagrams, as
 * {@link ClientToDestinationLoop} does it: one direct buffer, one
 * {@link Socks5UdpHeaderDecoder} and one {@link DestinationResolver} for every datagram
 * of an association. Whatever a client sends, one datagram after another, each is refused
 * or decoded exactly as it would be on its own, whatever came before it (the decoder and
 * the resolver keep the last source), and its payload is what follows the header.
 * Destinations that are names are decoded but not resolved: a fuzz test looks nothing up.
 *
 * @author socks5-udp authors
 */
class ClientDatagramFuzzTests {

	private static final int BUFFER_SIZE = 65536;

	@FuzzTest(maxDuration = "60s")
	void clientDatagramsDecodeAsEachAloneWhateverCameBefore(byte[] data) {
		ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
		Socks5UdpHeaderDecoder decoder = new Socks5UdpHeaderDecoder();
		DestinationResolver resolver = new DestinationResolver();
		int position = 0;
		while (position < data.length) {
			// Each datagram is its length (two bytes, at most what is left) and its bytes
			int length = (position + 1 < data.length)
					? (((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF)) % (data.length - position - 1) : 0;
			position += 2;
			byte[] datagram = Arrays.copyOfRange(data, Math.min(position, data.length),
					Math.min(position + length, data.length));
			position += length;
			buffer.clear();
			buffer.put(datagram).flip();
			Socks5DecodeStatus status = decoder.decode(buffer);
			Socks5UdpHeaderDecoder alone = new Socks5UdpHeaderDecoder();
			ByteBuffer copy = ByteBuffer.wrap(datagram.clone());
			assertThat(status).as("status").isEqualTo(alone.decode(copy));
			if (status != Socks5DecodeStatus.OK) {
				assertThat(decoder.source()).isNull();
				assertThat(buffer.position()).isZero();
				assertThat(buffer.limit()).isEqualTo(datagram.length);
				continue;
			}
			Socks5Address source = decoder.source();
			assertThat(source).as("destination").isEqualTo(alone.source());
			assertThat(source.host()).isEqualTo(alone.source().host());
			assertThat(buffer.position()).as("header length").isEqualTo(copy.position());
			byte[] payload = new byte[buffer.remaining()];
			buffer.get(payload);
			assertThat(payload).isEqualTo(Arrays.copyOfRange(datagram, copy.position(), datagram.length));
			if (!source.isDomain()) {
				InetSocketAddress target = resolver.resolve(source);
				assertThat(target).as("target of %s", source)
					.isEqualTo(new InetSocketAddress(source.inetAddress(), source.port()));
			}
		}
	}

}
