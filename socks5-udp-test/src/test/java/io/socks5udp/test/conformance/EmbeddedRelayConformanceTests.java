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

import io.socks5udp.core.protocol.Socks5ReplyCode;
import io.socks5udp.test.dante.DanteUsers;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.relay.EmbeddedSocks5RelayBuilder;

/**
 * The conformance cases against the embedded relay: the same cases, and the same expected
 * results, as against Dante. Where Dante refuses UDP ASSOCIATE by its rule set, the relay
 * is told to answer X'02' by its fault injection.
 *
 * @author socks5-udp authors
 */
class EmbeddedRelayConformanceTests extends Socks5UdpConformanceTests {

	@Override
	protected ConformanceServer startServer(ConformanceServerKind kind) throws Exception {
		EmbeddedSocks5RelayBuilder builder = EmbeddedSocks5Relay.builder().bind("127.0.0.1");
		if (kind == ConformanceServerKind.USERNAME_PASSWORD) {
			builder.user(DanteUsers.USERNAME, DanteUsers.PASSWORD);
		}
		EmbeddedSocks5Relay relay = builder.build().start();
		if (kind == ConformanceServerKind.UDP_ASSOCIATE_REFUSED) {
			relay.faults().replyCode(Socks5ReplyCode.CONNECTION_NOT_ALLOWED);
		}
		return new ConformanceServer() {

			@Override
			public String host() {
				return relay.host();
			}

			@Override
			public int port() {
				return relay.port();
			}

			@Override
			public void kill() {
				relay.closeControlConnections(true);
				relay.close();
			}

			@Override
			public void close() {
				relay.close();
			}

			@Override
			public String toString() {
				return relay.toString();
			}

		};
	}

}
