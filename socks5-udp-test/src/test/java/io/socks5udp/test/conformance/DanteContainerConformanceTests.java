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

package io.socks5udp.test.conformance;

import io.socks5udp.test.dante.DanteContainer;
import io.socks5udp.test.support.TestEnvironment;

/**
 * The conformance cases against Dante in a Testcontainers container
 * ({@link DanteContainer}). Without Docker the cases are skipped, or fail where
 * {@code SOCKS5UDP_REQUIRE_ALL=true} (in CI).
 *
 * @author socks5-udp authors
 */
class DanteContainerConformanceTests extends Socks5UdpConformanceTests {

	@Override
	protected ConformanceServer startServer(ConformanceServerKind kind) {
		TestEnvironment.requireDocker();
		DanteContainer container = new DanteContainer();
		if (kind == ConformanceServerKind.USERNAME_PASSWORD) {
			container.withUsernameAuthentication();
		}
		if (kind == ConformanceServerKind.UDP_ASSOCIATE_REFUSED) {
			container.withSocksCommands("connect");
		}
		container.start();
		return new ConformanceServer() {

			@Override
			public String host() {
				return container.host();
			}

			@Override
			public int port() {
				return container.port();
			}

			@Override
			public void kill() {
				container.kill();
			}

			@Override
			public void close() {
				container.stop();
			}

			@Override
			public String toString() {
				return "DanteContainer[" + container.address() + "]";
			}

		};
	}

}
