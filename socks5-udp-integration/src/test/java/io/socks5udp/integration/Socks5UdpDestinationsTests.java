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

package io.socks5udp.integration;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Socks5UdpDestinations}.
 *
 * @author socks5-udp authors
 */
class Socks5UdpDestinationsTests {

	@Test
	void socks5AddressIsUsedAsIs() {
		Socks5Address address = Socks5Address.of("127.0.0.1", 53);
		assertThat(Socks5UdpDestinations.toAddress(address)).isSameAs(address);
	}

	@Test
	void udpUriStringAsTheIpModuleExpectsIt() {
		assertThat(Socks5UdpDestinations.toAddress("udp://127.0.0.1:5353"))
			.isEqualTo(Socks5Address.of("127.0.0.1", 5353));
		assertThat(Socks5UdpDestinations.toAddress("udp://[::1]:5353")).isEqualTo(Socks5Address.of("::1", 5353));
	}

	@Test
	void uri() {
		assertThat(Socks5UdpDestinations.toAddress(URI.create("udp://127.0.0.1:53")))
			.isEqualTo(Socks5Address.of("127.0.0.1", 53));
	}

	@Test
	void hostAndPortString() {
		assertThat(Socks5UdpDestinations.toAddress("127.0.0.1:53")).isEqualTo(Socks5Address.of("127.0.0.1", 53));
		assertThat(Socks5UdpDestinations.toAddress("[::1]:53")).isEqualTo(Socks5Address.of("::1", 53));
	}

	@Test
	void hostNameStaysADomainNameForTheRelayToResolve() {
		Socks5Address address = Socks5UdpDestinations.toAddress("dns.example:53");
		assertThat(address.type()).isEqualTo(Socks5AddressType.DOMAIN);
		assertThat(address.host()).isEqualTo("dns.example");
		Socks5Address fromUri = Socks5UdpDestinations.toAddress("udp://localhost:53");
		assertThat(fromUri.isDomain()).isTrue();
	}

	@Test
	void resolvedSocketAddressGivesItsIpAddress() {
		InetSocketAddress socketAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), 53);
		assertThat(Socks5UdpDestinations.toAddress(socketAddress))
			.isEqualTo(Socks5Address.of(InetAddress.getLoopbackAddress(), 53));
	}

	@Test
	void unresolvedSocketAddressGivesADomainName() {
		Socks5Address address = Socks5UdpDestinations.toAddress(InetSocketAddress.createUnresolved("dns.example", 53));
		assertThat(address).isEqualTo(Socks5Address.domain("dns.example", 53));
	}

	@Test
	void bareIpv6WithPortIsAmbiguous() {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5UdpDestinations.toAddress("::1:53"))
			.withMessage("destination: ::1:53 (expected: host:port, [ipv6]:port or udp://host:port)");
	}

	@Test
	void stringWithoutPort() {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5UdpDestinations.toAddress("127.0.0.1"))
			.withMessageStartingWith("destination: 127.0.0.1 (expected:");
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5UdpDestinations.toAddress("udp://127.0.0.1"))
			.withMessageStartingWith("destination: udp://127.0.0.1 (expected: a URI with a host and a port");
	}

	@Test
	void nonNumericPort() {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5UdpDestinations.toAddress("127.0.0.1:dns"))
			.withMessage("destination: 127.0.0.1:dns (expected: a numeric port)");
	}

	@Test
	void unsupportedType() {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5UdpDestinations.toAddress(53))
			.withMessage("destination: 53 (expected: Socks5Address, InetSocketAddress, URI or String host:port)");
	}

}
