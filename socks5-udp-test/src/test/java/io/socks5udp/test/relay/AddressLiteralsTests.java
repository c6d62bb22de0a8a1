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

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AddressLiterals}.
 *
 * @author socks5-udp authors
 */
class AddressLiteralsTests {

	@Test
	void writesIpv4AsItIs() throws Exception {
		assertThat(AddressLiterals.host(InetAddress.getByName("127.0.0.1"))).isEqualTo("127.0.0.1");
		assertThat(AddressLiterals.hostAndPort(InetAddress.getByName("127.0.0.1"), 1080)).isEqualTo("127.0.0.1:1080");
	}

	@Test
	void writesIpv6InItsShortForm() throws Exception {
		assertThat(host("::1")).isEqualTo("::1");
		assertThat(host("::")).isEqualTo("::");
		assertThat(host("2001:db8:0:0:0:0:2:1")).isEqualTo("2001:db8::2:1");
		assertThat(host("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
		assertThat(host("2001:0:0:1:0:0:0:1")).isEqualTo("2001:0:0:1::1");
		assertThat(host("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
		assertThat(host("fe80:0:0:0:0:0:0:0")).isEqualTo("fe80::");
		assertThat(AddressLiterals.hostAndPort(InetAddress.getByName("::1"), 53)).isEqualTo("[::1]:53");
	}

	private static String host(String literal) throws Exception {
		return AddressLiterals.host(InetAddress.getByName(literal));
	}

}
