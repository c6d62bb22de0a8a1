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

package io.socks5udp.test.dante;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Finds TCP ports that are free on both {@code 127.0.0.1} and {@code ::1}, for a Dante
 * that has to be told its port in its configuration. The port is released before Dante
 * binds it, so callers retry when another process took it in between.
 *
 * @author socks5-udp authors
 */
final class LoopbackPorts {

	private static final int ATTEMPTS = 50;

	private LoopbackPorts() {
	}

	/**
	 * Return a port that was free on both loopback addresses a moment ago.
	 * @return the port
	 * @throws UncheckedIOException if no such port was found
	 */
	static int findFree() {
		IOException last = null;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			try (ServerSocket ipv4 = bind(InetAddress.getByName("127.0.0.1"), 0)) {
				int port = ipv4.getLocalPort();
				try (ServerSocket ipv6 = bind(InetAddress.getByName("::1"), port)) {
					return port;
				}
			}
			catch (IOException ex) {
				last = ex;
			}
		}
		throw new UncheckedIOException("No TCP port free on both 127.0.0.1 and ::1 after " + ATTEMPTS + " attempts",
				last);
	}

	private static ServerSocket bind(InetAddress address, int port) throws IOException {
		ServerSocket socket = new ServerSocket();
		try {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(address, port));
			return socket;
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

}
