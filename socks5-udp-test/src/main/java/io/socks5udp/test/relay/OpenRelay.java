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

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;

/**
 * What makes a relay open: listening beyond loopback (the wildcard address included)
 * without users. An open UDP relay is an open proxy: anyone who reaches it can send
 * datagrams anywhere from its host. The relay refuses to be one unless told explicitly,
 * and warns when it is.
 *
 * @author socks5-udp authors
 */
final class OpenRelay {

	private static final Logger logger = System.getLogger(EmbeddedSocks5Relay.class.getName());

	private OpenRelay() {
	}

	/**
	 * Return whether a relay would be open.
	 * @param bindAddress the address it listens on
	 * @param hasUsers whether clients must authenticate
	 * @return whether it is an open proxy for anyone who reaches that address
	 */
	static boolean isOpen(InetAddress bindAddress, boolean hasUsers) {
		return !bindAddress.isLoopbackAddress() && !hasUsers;
	}

	/**
	 * Log the warning an open relay gives when it starts.
	 * @param hostAndPort where it listens
	 */
	static void warn(String hostAndPort) {
		logger.log(Level.WARNING,
				() -> "SOCKS5 relay on " + hostAndPort + " relays for anyone without authentication: an open UDP"
						+ " relay is an open proxy, which sends datagrams anywhere from this host");
	}

}
