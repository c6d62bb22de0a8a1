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

import java.io.Closeable;
import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * Releases sockets, channels and selectors that are done with, where a failure to close
 * leaves nothing to do.
 *
 * @author socks5-udp authors
 */
final class Closeables {

	private Closeables() {
	}

	/**
	 * Close something, ignoring a failure.
	 * @param closeable what to close, or {@code null}
	 */
	static void closeQuietly(@Nullable Closeable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// Nothing left to release
		}
	}

}
