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
package io.socks5udp.benchmarks.e2e;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * One way of sending a datagram to the echo target and getting the echo back: raw UDP,
 * the minimal client, the core association, the template, Spring Integration.
 *
 * @author socks5-udp authors
 */
public interface RoundTripPath extends AutoCloseable {

	/**
	 * Return the short name used in reports, e.g. {@code b-minimal}.
	 * @return the name
	 */
	String name();

	/**
	 * Open the path and start delivering echoed payloads to the sink, on any thread.
	 * @param sink receives each echoed payload (valid during the call only)
	 * @throws Exception when the path cannot be opened
	 */
	void open(Consumer<ByteBuffer> sink) throws Exception;

	/**
	 * Send one payload to the echo target.
	 * @param payload the payload, from position to limit
	 * @throws IOException on failure
	 */
	void send(ByteBuffer payload) throws IOException;

	/**
	 * Return the name prefixes of the threads this path runs besides the caller's, for
	 * CPU and allocation accounting.
	 * @return thread name prefixes
	 */
	default String[] threadNamePrefixes() {
		return new String[0];
	}

}
