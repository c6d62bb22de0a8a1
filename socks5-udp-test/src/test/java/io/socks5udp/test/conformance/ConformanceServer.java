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

/**
 * A SOCKS5 server under test in {@link Socks5UdpConformanceTests}: Dante as a process,
 * Dante in a container, or the embedded relay.
 *
 * @author socks5-udp authors
 */
interface ConformanceServer extends AutoCloseable {

	/**
	 * Return the address clients reach the server at.
	 * @return a loopback address
	 */
	String host();

	/**
	 * Return the port clients reach the server at.
	 * @return the port
	 */
	int port();

	/**
	 * End the server abruptly, as a crash would: every control connection it holds is
	 * closed by the kernel.
	 * @throws Exception if the server could not be ended
	 */
	void kill() throws Exception;

	/**
	 * Stop the server and release what it holds.
	 */
	@Override
	void close();

}
