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

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import io.socks5udp.core.nativeio.NativeSockets;
import org.jspecify.annotations.Nullable;

/**
 * Linux {@code sockaddr_in} and {@code sockaddr_in6} in native memory, read into and
 * written from {@link InetSocketAddress}: the family in the platform's byte order, the
 * port and the address in network order. An IPv4 address on an IPv6 socket is written
 * IPv4-mapped, and read back as IPv4, as the JDK's channels do.
 *
 * @author socks5-udp authors
 */
final class SocketAddresses {

	/** Room for the largest of the two: {@code sockaddr_in6}. */
	static final int MAX_LENGTH = 28;

	private static final int IN_LENGTH = 16;

	private static final int IN6_LENGTH = 28;

	private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

	private SocketAddresses() {
	}

	/**
	 * Read a socket address.
	 * @param memory where it is
	 * @param offset its offset
	 * @return the address, or {@code null} if its family is neither IPv4 nor IPv6
	 */
	static @Nullable InetSocketAddress read(ByteBuffer memory, int offset) {
		int family = memory.getShort(offset);
		int port = Short.toUnsignedInt(Short.reverseBytes(memory.getShort(offset + 2)));
		byte[] address;
		int scope = 0;
		if (family == NativeSockets.AF_INET) {
			address = new byte[4];
			memory.get(offset + 4, address);
		}
		else if (family == NativeSockets.AF_INET6) {
			address = new byte[16];
			memory.get(offset + 8, address);
			scope = memory.getInt(offset + 24);
		}
		else {
			return null;
		}
		try {
			InetAddress host = InetAddress.getByAddress(address);
			if (scope != 0 && host instanceof Inet6Address) {
				host = Inet6Address.getByAddress(null, address, scope);
			}
			return new InetSocketAddress(host, port);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * Write a socket address for a socket of a family.
	 * @param address the address, resolved
	 * @param family the socket's family
	 * @param out where to write it, from index 0
	 * @return the length written, or -1 if the socket cannot send there (an IPv6 address
	 * on an IPv4 socket)
	 */
	static int write(InetSocketAddress address, int family, byte[] out) {
		InetAddress host = address.getAddress();
		int port = address.getPort();
		Arrays.fill(out, (byte) 0);
		if (family == NativeSockets.AF_INET) {
			if (!(host instanceof Inet4Address)) {
				return -1;
			}
			writeHeader(out, family, port);
			System.arraycopy(host.getAddress(), 0, out, 4, 4);
			return IN_LENGTH;
		}
		writeHeader(out, family, port);
		if (host instanceof Inet4Address) {
			out[18] = (byte) 0xff;
			out[19] = (byte) 0xff;
			System.arraycopy(host.getAddress(), 0, out, 20, 4);
		}
		else {
			System.arraycopy(host.getAddress(), 0, out, 8, 16);
			int scope = ((Inet6Address) host).getScopeId();
			for (int i = 0; i < 4; i++) {
				// The scope id in the platform's byte order, as the kernel reads it
				int shift = LITTLE_ENDIAN ? 8 * i : 8 * (3 - i);
				out[24 + i] = (byte) (scope >>> shift);
			}
		}
		return IN6_LENGTH;
	}

	/**
	 * Return whether a socket address in memory is the same as one kept earlier.
	 * @param memory where it is
	 * @param offset its offset
	 * @param length its length
	 * @param kept the one kept
	 * @param keptLength the kept one's length, 0 for none
	 * @return whether their bytes are the same
	 */
	static boolean same(ByteBuffer memory, int offset, int length, byte[] kept, int keptLength) {
		if (length != keptLength) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (memory.get(offset + i) != kept[i]) {
				return false;
			}
		}
		return true;
	}

	private static void writeHeader(byte[] out, int family, int port) {
		out[LITTLE_ENDIAN ? 0 : 1] = (byte) family;
		out[LITTLE_ENDIAN ? 1 : 0] = (byte) (family >>> 8);
		out[2] = (byte) (port >>> 8);
		out[3] = (byte) port;
	}

}
