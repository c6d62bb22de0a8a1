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

package io.socks5udp.sample;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Socks5AddressConverter}.
 *
 * @author socks5-udp authors
 */
class Socks5AddressConverterTests {

	private final Socks5AddressConverter converter = new Socks5AddressConverter();

	@Test
	void readsIpv4AndPort() {
		Socks5Address address = this.converter.convert("127.0.0.1:7");
		assertThat(address.type()).isEqualTo(Socks5AddressType.IPV4);
		assertThat(address).hasToString("127.0.0.1:7");
	}

	@Test
	void readsBracketedIpv6AndPort() {
		Socks5Address address = this.converter.convert(" [::1]:7 ");
		assertThat(address.type()).isEqualTo(Socks5AddressType.IPV6);
		assertThat(address.port()).isEqualTo(7);
	}

	@Test
	void keepsHostNamesForTheServerToResolve() {
		Socks5Address address = this.converter.convert("echo.example.com:7");
		assertThat(address.isDomain()).isTrue();
		assertThat(address.host()).isEqualTo("echo.example.com");
	}

	@Test
	void rejectsWhatIsNotHostAndPort() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.converter.convert("localhost"))
			.withMessage("'localhost' (expected: host:port or [IPv6]:port, such as 127.0.0.1:7)");
		assertThatIllegalArgumentException().isThrownBy(() -> this.converter.convert("localhost:"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.converter.convert(":7"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.converter.convert("localhost:echo"));
	}

	@Test
	void rejectsIpv6WithoutBrackets() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.converter.convert("::1:7"))
			.withMessageStartingWith("'::1:7' (expected: host:port or [IPv6]:port");
	}

	@Test
	void rejectsPortsOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.converter.convert("127.0.0.1:0"))
			.withMessage("'127.0.0.1:0': port 0 (expected: 1-65535)");
		assertThatIllegalArgumentException().isThrownBy(() -> this.converter.convert("127.0.0.1:65536"))
			.withMessage("'127.0.0.1:65536': port 65536 (expected: 1-65535)");
	}

}
