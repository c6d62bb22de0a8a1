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
import java.nio.channels.ClosedChannelException;
import java.util.function.Consumer;

/**
 * A receive thread for the paths that read with a blocking call.
 *
 * @author socks5-udp authors
 */
final class BlockingReceiver {

	private BlockingReceiver() {
	}

	/**
	 * A blocking read of one datagram's payload.
	 */
	@FunctionalInterface
	interface Read {

		ByteBuffer read() throws IOException;

	}

	static Thread start(String name, Read read, Consumer<ByteBuffer> sink) {
		Thread thread = new Thread(() -> {
			try {
				while (true) {
					sink.accept(read.read());
				}
			}
			catch (ClosedChannelException ex) {
				// the path was closed
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

}
