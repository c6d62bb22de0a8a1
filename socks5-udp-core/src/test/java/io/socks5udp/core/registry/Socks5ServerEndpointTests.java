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
package io.socks5udp.core.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Socks5ServerEndpoint}.
 *
 * @author socks5-udp authors
 */
class Socks5ServerEndpointTests {

	@Test
	void endpointIsNamedAfterItsAddress() {
		assertThat(Socks5ServerEndpoint.of("proxy.example.test", 1080).name()).isEqualTo("proxy.example.test:1080");
		assertThat(Socks5ServerEndpoint.of("2001:db8::1", 1080).name()).isEqualTo("[2001:db8::1]:1080");
		assertThat(Socks5ServerEndpoint.of("[2001:db8::1]", 1080).host()).isEqualTo("2001:db8::1");
	}

	@Test
	void logicalNameShowsWithTheAddress() {
		Socks5ServerEndpoint corp = Socks5ServerEndpoint.of("corp", "proxy.corp.test", 1081);
		assertThat(corp.name()).isEqualTo("corp");
		assertThat(corp).hasToString("corp (proxy.corp.test:1081)");
		assertThat(corp).isEqualTo(Socks5ServerEndpoint.of("corp", "proxy.corp.test", 1081))
			.isNotEqualTo(Socks5ServerEndpoint.of("proxy.corp.test", 1081));
	}

	@Test
	void portMustBeUsable() {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5ServerEndpoint.of("proxy", 0))
			.withMessage("port: 0 (expected: 1-65535)");
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5ServerEndpoint.of("proxy", 65536))
			.withMessage("port: 65536 (expected: 1-65535)");
	}

}
