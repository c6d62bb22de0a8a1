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
package io.socks5udp.benchmarks.xproc;

import java.net.InetSocketAddress;

/**
 * A SOCKS5 relay running as its own process (or process tree) on loopback, whose CPU time
 * the harness reads around each client's measured interval.
 *
 * @author socks5-udp authors
 */
interface Relay extends AutoCloseable {

	/**
	 * Return the name used in reports: {@code ours}, {@code ours-batched} or
	 * {@code dante}.
	 * @return the name
	 */
	String name();

	/**
	 * Return the address clients connect to.
	 * @return a loopback address
	 */
	InetSocketAddress address();

	/**
	 * Return the CPU seconds the relay has used so far.
	 * @return seconds, of the whole process tree
	 */
	double cpuSeconds();

	@Override
	void close();

}
