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
package io.socks5udp.netty;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.socket.DatagramPacket;
import io.socks5udp.core.client.Socks5AssociationCounters;
import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5DecodeStatus;
import io.socks5udp.core.protocol.Socks5PayloadTooLargeException;
import io.socks5udp.core.protocol.Socks5UdpHeaderCodec;
import io.socks5udp.core.protocol.Socks5UdpHeaderDecoder;
import org.jspecify.annotations.Nullable;

/**
 * Wraps outbound datagrams in the RFC 1928 section 7 header and unwraps relayed ones,
 * with the core's codec, counting what goes through and what is dropped. Used on one
 * event loop only.
 *
 * @author socks5-udp authors
 */
final class Socks5DatagramCodec {

	private final Socks5UdpHeaderDecoder decoder = new Socks5UdpHeaderDecoder();

	private final Socks5AssociationCounters counters;

	Socks5DatagramCodec(Socks5AssociationCounters counters) {
		this.counters = counters;
	}

	/**
	 * Wrap a payload for a destination into a datagram to the relay. The payload is not
	 * released.
	 * @param alloc the allocator of the new buffer
	 * @param payload the payload, its readable bytes
	 * @param recipient the destination; unresolved means a domain name the relay resolves
	 * @param relay the relay address
	 * @return the datagram to write
	 * @throws Socks5PayloadTooLargeException if the payload does not fit in one datagram
	 */
	DatagramPacket wrap(ByteBufAllocator alloc, ByteBuf payload, InetSocketAddress recipient, InetSocketAddress relay) {
		Socks5Address dst = Socks5Address.of(recipient);
		int length = payload.readableBytes();
		int max = Socks5UdpHeaderCodec.maxPayload(dst);
		if (length > max) {
			this.counters.drop(Socks5DropReason.OVERSIZE);
			throw new Socks5PayloadTooLargeException(dst, length, max);
		}
		int total = Socks5UdpHeaderCodec.headerLength(dst) + length;
		ByteBuf datagram = alloc.ioBuffer(total);
		try {
			datagram.ensureWritable(total);
			Socks5UdpHeaderCodec.encode(dst, payload.nioBuffer(), datagram.nioBuffer(datagram.writerIndex(), total));
			datagram.writerIndex(datagram.writerIndex() + total);
		}
		catch (RuntimeException ex) {
			datagram.release();
			throw ex;
		}
		this.counters.sent(length);
		return new DatagramPacket(datagram, relay);
	}

	/**
	 * Unwrap a datagram: from the relay, with a header that decodes and no fragment, it
	 * becomes a datagram whose sender is the remote the relay reports; anything else is
	 * dropped and counted. The packet is released either way.
	 * @param packet the datagram as received
	 * @param relay the current relay address, or {@code null} when not associated
	 * @return the unwrapped datagram, or {@code null} if dropped
	 */
	@Nullable DatagramPacket unwrap(DatagramPacket packet, @Nullable InetSocketAddress relay) {
		try {
			if (relay == null || !relay.equals(packet.sender())) {
				this.counters.drop(Socks5DropReason.FOREIGN_SOURCE);
				return null;
			}
			ByteBuf content = packet.content();
			ByteBuffer nio = content.nioBuffer();
			int start = nio.position();
			Socks5DecodeStatus status = this.decoder.decode(nio);
			if (status != Socks5DecodeStatus.OK) {
				this.counters.drop((status == Socks5DecodeStatus.FRAGMENTED) ? Socks5DropReason.FRAGMENT
						: Socks5DropReason.MALFORMED);
				return null;
			}
			Socks5Address source = Objects.requireNonNull(this.decoder.source());
			int headerLength = nio.position() - start;
			ByteBuf payload = content.retainedSlice(content.readerIndex() + headerLength,
					content.readableBytes() - headerLength);
			this.counters.received(payload.readableBytes());
			return new DatagramPacket(payload, packet.recipient(), remote(source));
		}
		finally {
			packet.release();
		}
	}

	private static InetSocketAddress remote(Socks5Address source) {
		if (source.isDomain()) {
			return InetSocketAddress.createUnresolved(source.host(), source.port());
		}
		return source.toInetSocketAddress();
	}

}
