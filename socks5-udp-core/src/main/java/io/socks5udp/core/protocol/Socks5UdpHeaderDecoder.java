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
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Decoder of the UDP request header of RFC 1928 section 7 on datagrams received from a
 * relay. It never throws on malformed input and never reads past the buffer's limit: it
 * returns a {@link Socks5DecodeStatus} and leaves the buffer untouched unless the header
 * is valid. Checks, in this order: the length of the fixed part (RSV, FRAG, ATYP), RSV,
 * FRAG, ATYP, then the length of the address and port.
 * <p>
 * One decoder per receive loop: it is not thread-safe. In the steady state it allocates
 * nothing: the source address of the last datagram is kept and returned again when the
 * next datagram comes from the same address and port, compared in place in the buffer.
 *
 * @author socks5-udp authors
 * @see Socks5UdpHeaderCodec
 */
public final class Socks5UdpHeaderDecoder {

	private static final int FIXED_LENGTH = 4;

	private static final byte NO_ADDRESS_TYPE = 0;

	private final byte[] scratch = new byte[Socks5Address.MAX_DOMAIN_LENGTH];

	private @Nullable Socks5Address cachedSource;

	// The cached source's address as big-endian words: an IPv6 address's first and last
	// 8 bytes, or an IPv4 address in the low 32 bits of cachedLow
	private long cachedHigh;

	private long cachedLow;

	private @Nullable Socks5Address source;

	private int fragment = -1;

	private byte addressType = NO_ADDRESS_TYPE;

	/**
	 * Decode the header of the datagram held in the buffer from its position to its
	 * limit. On {@link Socks5DecodeStatus#OK} the position is moved to the start of the
	 * payload, and {@link #source()} returns the address the datagram came from; on any
	 * other status position and limit are left as they were.
	 * @param datagram the datagram
	 * @return the outcome
	 */
	public Socks5DecodeStatus decode(ByteBuffer datagram) {
		this.source = null;
		this.fragment = -1;
		this.addressType = NO_ADDRESS_TYPE;
		int start = datagram.position();
		int limit = datagram.limit();
		if (limit - start < FIXED_LENGTH) {
			return Socks5DecodeStatus.SHORT;
		}
		if (datagram.get(start) != 0 || datagram.get(start + 1) != 0) {
			return Socks5DecodeStatus.RESERVED_NONZERO;
		}
		this.fragment = datagram.get(start + 2) & 0xFF;
		this.addressType = datagram.get(start + 3);
		if (this.fragment != 0) {
			return Socks5DecodeStatus.FRAGMENTED;
		}
		int addressStart;
		int addressLength;
		switch (this.addressType) {
			case 0x01 -> {
				addressStart = start + FIXED_LENGTH;
				addressLength = 4;
			}
			case 0x04 -> {
				addressStart = start + FIXED_LENGTH;
				addressLength = 16;
			}
			case 0x03 -> {
				if (limit - start < FIXED_LENGTH + 1) {
					return Socks5DecodeStatus.SHORT;
				}
				addressStart = start + FIXED_LENGTH + 1;
				addressLength = datagram.get(start + FIXED_LENGTH) & 0xFF;
				if (addressLength == 0) {
					return Socks5DecodeStatus.EMPTY_DOMAIN;
				}
			}
			default -> {
				return Socks5DecodeStatus.UNKNOWN_ADDRESS_TYPE;
			}
		}
		int portStart = addressStart + addressLength;
		if (limit - portStart < 2) {
			return Socks5DecodeStatus.SHORT;
		}
		int port = ((datagram.get(portStart) & 0xFF) << 8) | (datagram.get(portStart + 1) & 0xFF);
		this.source = source(datagram, addressStart, addressLength, port);
		datagram.position(portStart + 2);
		return Socks5DecodeStatus.OK;
	}

	private Socks5Address source(ByteBuffer datagram, int addressStart, int addressLength, int port) {
		Socks5Address cached = this.cachedSource;
		if (cached != null && isSame(cached, datagram, addressStart, addressLength, port)) {
			return cached;
		}
		datagram.get(addressStart, this.scratch, 0, addressLength);
		Socks5Address decoded = Socks5Address.fromWire(Socks5AddressType.valueOf(this.addressType), this.scratch, 0,
				addressLength, port);
		this.cachedSource = decoded;
		if (addressLength == 16) {
			this.cachedHigh = longAt(datagram, addressStart);
			this.cachedLow = longAt(datagram, addressStart + 8);
		}
		else if (addressLength == 4) {
			this.cachedLow = intAt(datagram, addressStart);
		}
		return decoded;
	}

	private boolean isSame(Socks5Address cached, ByteBuffer datagram, int addressStart, int addressLength, int port) {
		if (cached.port() != port || cached.type().byteValue() != this.addressType) {
			return false;
		}
		byte[] address = cached.rawAddress();
		if (address.length != addressLength) {
			return false;
		}
		// An address compared as one or two words read in place: no copy
		if (addressLength == 16) {
			return longAt(datagram, addressStart) == this.cachedHigh
					&& longAt(datagram, addressStart + 8) == this.cachedLow;
		}
		if (addressLength == 4) {
			return intAt(datagram, addressStart) == (int) this.cachedLow;
		}
		if (addressLength < Socks5UdpHeaderCodec.BULK_COPY_THRESHOLD) {
			for (int i = 0; i < addressLength; i++) {
				if (address[i] != datagram.get(addressStart + i)) {
					return false;
				}
			}
			return true;
		}
		// A bulk copy and a vectorized compare beat a bounds-checked get per byte
		datagram.get(addressStart, this.scratch, 0, addressLength);
		return Arrays.equals(address, 0, addressLength, this.scratch, 0, addressLength);
	}

	// Eight bytes of the buffer as a big-endian long, whatever the buffer's order
	private static long longAt(ByteBuffer datagram, int index) {
		long word = datagram.getLong(index);
		return (datagram.order() == ByteOrder.BIG_ENDIAN) ? word : Long.reverseBytes(word);
	}

	// Four bytes of the buffer as a big-endian int, whatever the buffer's order
	private static int intAt(ByteBuffer datagram, int index) {
		int word = datagram.getInt(index);
		return (datagram.order() == ByteOrder.BIG_ENDIAN) ? word : Integer.reverseBytes(word);
	}

	/**
	 * Return the source address of the last datagram decoded.
	 * @return the source, or {@code null} if the last status was not
	 * {@link Socks5DecodeStatus#OK}
	 */
	public @Nullable Socks5Address source() {
		return this.source;
	}

	/**
	 * Return the address type (ATYP) of the last datagram decoded, known or not.
	 * @return the address type, or {@code null} if the datagram was too short or its RSV
	 * not zero
	 */
	public @Nullable Socks5AddressType addressType() {
		return (this.fragment >= 0) ? Socks5AddressType.valueOf(this.addressType) : null;
	}

	/**
	 * Return the fragment number (FRAG) of the last datagram decoded.
	 * @return the fragment number, 0 to 255, or -1 if the datagram was too short or its
	 * RSV not zero
	 */
	public int fragment() {
		return this.fragment;
	}

}
