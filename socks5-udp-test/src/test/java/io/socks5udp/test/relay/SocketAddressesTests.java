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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.socks5udp.core.nativeio.NativeSockets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SocketAddresses}: the bytes the kernel reads and writes.
 *
 * @author socks5-udp authors
 */
class SocketAddressesTests {

	private final byte[] name = new byte[SocketAddresses.MAX_LENGTH];

	@Test
	void anIpv4AddressOnAnIpv4SocketIsASockaddrIn() throws Exception {
		InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0x1F90);
		assertThat(SocketAddresses.write(address, NativeSockets.AF_INET, this.name)).isEqualTo(16);
		ByteBuffer memory = memory(16);
		assertThat(memory.getShort(0)).isEqualTo((short) NativeSockets.AF_INET);
		// The port in network order: 8080 is 0x1F 0x90
		assertThat(memory.get(2)).isEqualTo((byte) 0x1F);
		assertThat(memory.get(3)).isEqualTo((byte) 0x90);
		assertThat(new byte[] { memory.get(4), memory.get(5), memory.get(6), memory.get(7) }).containsExactly(127, 0, 0,
				1);
		assertThat(SocketAddresses.read(memory, 0)).isEqualTo(address);
	}

	@Test
	void anIpv4AddressOnAnIpv6SocketIsMappedAndReadBackAsIpv4() throws Exception {
		InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 53);
		assertThat(SocketAddresses.write(address, NativeSockets.AF_INET6, this.name)).isEqualTo(28);
		ByteBuffer memory = memory(28);
		assertThat(memory.getShort(0)).isEqualTo((short) NativeSockets.AF_INET6);
		assertThat(memory.get(18)).isEqualTo((byte) 0xff);
		assertThat(memory.get(19)).isEqualTo((byte) 0xff);
		InetSocketAddress read = SocketAddresses.read(memory, 0);
		assertThat(read).isEqualTo(address);
		assertThat(read.getAddress()).isInstanceOf(Inet4Address.class);
	}

	@Test
	void anIpv6AddressKeepsItsScope() throws Exception {
		Inet6Address host = Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(), 3);
		InetSocketAddress address = new InetSocketAddress(host, 65535);
		assertThat(SocketAddresses.write(address, NativeSockets.AF_INET6, this.name)).isEqualTo(28);
		ByteBuffer memory = memory(28);
		assertThat(memory.getInt(24)).isEqualTo(3);
		InetSocketAddress read = SocketAddresses.read(memory, 0);
		assertThat(read.getPort()).isEqualTo(65535);
		assertThat(((Inet6Address) read.getAddress()).getScopeId()).isEqualTo(3);
		assertThat(read.getAddress().getAddress()).isEqualTo(host.getAddress());
	}

	@Test
	void anIpv6AddressCannotBeSentFromAnIpv4Socket() throws Exception {
		InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("::1"), 53);
		assertThat(SocketAddresses.write(address, NativeSockets.AF_INET, this.name)).isEqualTo(-1);
	}

	@Test
	void anUnknownFamilyIsNotAnAddress() {
		ByteBuffer memory = ByteBuffer.allocate(32).order(ByteOrder.nativeOrder());
		memory.putShort(0, (short) 1);
		assertThat(SocketAddresses.read(memory, 0)).isNull();
	}

	@Test
	void theSameBytesAreTheSameAddressAndOneByteMakesAnother() throws Exception {
		InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 40000);
		int length = SocketAddresses.write(address, NativeSockets.AF_INET6, this.name);
		ByteBuffer memory = memory(length);
		assertThat(SocketAddresses.same(memory, 0, length, this.name, length)).isTrue();
		assertThat(SocketAddresses.same(memory, 0, length, this.name, 16)).isFalse();
		memory.put(3, (byte) (memory.get(3) + 1));
		assertThat(SocketAddresses.same(memory, 0, length, this.name, length)).isFalse();
	}

	private ByteBuffer memory(int length) {
		ByteBuffer memory = ByteBuffer.allocate(32).order(ByteOrder.nativeOrder());
		memory.put(0, this.name, 0, length);
		return memory;
	}

}
