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

import io.socks5udp.test.dante.DanteConfig;
import io.socks5udp.test.dante.DanteSocksMethod;
import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.support.TestEnvironment;

/**
 * The conformance cases against Dante running as a local process ({@link LocalDante}).
 *
 * @author socks5-udp authors
 */
class LocalDanteConformanceTests extends Socks5UdpConformanceTests {

	@Override
	protected ConformanceServer startServer(ConformanceServerKind kind) throws Exception {
		TestEnvironment.requireDanted();
		DanteConfig.Builder config = DanteConfig.builder();
		if (kind == ConformanceServerKind.USERNAME_PASSWORD) {
			TestEnvironment.requireTestUser();
			config.socksMethod(DanteSocksMethod.USERNAME);
		}
		if (kind == ConformanceServerKind.UDP_ASSOCIATE_REFUSED) {
			config.commands("connect");
		}
		LocalDante dante = LocalDante.start(config.build());
		return new ConformanceServer() {

			@Override
			public String host() {
				return dante.host();
			}

			@Override
			public int port() {
				return dante.port();
			}

			@Override
			public void kill() {
				dante.kill();
			}

			@Override
			public void close() {
				dante.close();
			}

			@Override
			public String toString() {
				return dante.toString();
			}

		};
	}

}
