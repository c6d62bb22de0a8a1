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

package io.socks5udp.template;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5UdpRoute}.
 *
 * @author socks5-udp authors
 */
class Socks5UdpRouteTests {

	@Test
	void directRouteIsDirect() {
		assertThat(Socks5UdpRoute.DIRECT.isDirect()).isTrue();
		assertThat(Socks5UdpRoute.DIRECT.describe()).isEqualTo("DIRECT");
	}

	@Test
	void serverRouteWithARelayIsNotDirect() {
		Socks5UdpRoute route = new Socks5UdpRoute("corp", new InetSocketAddress("127.0.0.1", 40000));
		assertThat(route.isDirect()).isFalse();
		assertThat(route.describe()).isEqualTo("server 'corp' (relay 127.0.0.1:40000)");
	}

	@Test
	void serverRouteWhoseAssociationIsDownIsNotDirect() {
		Socks5UdpRoute route = new Socks5UdpRoute("corp", null);
		assertThat(route.isDirect()).isFalse();
		assertThat(route.describe()).isEqualTo("server 'corp' (no association)");
	}

}
