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
package io.socks5udp.core.client;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;

/**
 * Checks of the arguments of an association's receive methods, made before anything is
 * received, so that a bad argument never costs a datagram.
 *
 * @author socks5-udp authors
 */
final class ReceiveArguments {

	private ReceiveArguments() {
	}

	/**
	 * Return the {@link System#nanoTime()} at which a receive with this timeout gives up.
	 * @param timeout the timeout, zero or positive
	 * @return the deadline
	 * @throws IllegalArgumentException if the timeout is negative
	 */
	static long deadline(Duration timeout) {
		Objects.requireNonNull(timeout, "'timeout' must not be null");
		if (timeout.isNegative()) {
			throw new IllegalArgumentException("timeout: " + timeout + " (expected: zero or positive)");
		}
		return System.nanoTime() + Socks5Handshake.saturatedNanos(timeout);
	}

	/**
	 * Check that a buffer can take a payload.
	 * @param into the buffer
	 * @throws IllegalArgumentException if it is read-only
	 */
	static void checkWritable(ByteBuffer into) {
		Objects.requireNonNull(into, "'into' must not be null");
		if (into.isReadOnly()) {
			throw new IllegalArgumentException("into: a read-only buffer (expected: a writable one)");
		}
	}

}
