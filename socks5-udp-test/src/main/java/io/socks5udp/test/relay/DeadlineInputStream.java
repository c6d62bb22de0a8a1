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

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * The input of a socket with one deadline for all reads, so that a client trickling its
 * handshake cannot stretch it beyond the handshake timeout.
 *
 * @author socks5-udp authors
 */
final class DeadlineInputStream extends FilterInputStream {

	private final Socket socket;

	private final long deadline;

	DeadlineInputStream(Socket socket, InputStream in, long deadlineNanos) {
		super(in);
		this.socket = socket;
		this.deadline = deadlineNanos;
	}

	@Override
	public int read() throws IOException {
		applyDeadline();
		return super.read();
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		applyDeadline();
		return super.read(bytes, offset, length);
	}

	private void applyDeadline() throws IOException {
		long remaining = TimeUnit.NANOSECONDS.toMillis(this.deadline - System.nanoTime());
		if (remaining <= 0) {
			throw new SocketTimeoutException("handshake timed out");
		}
		this.socket.setSoTimeout((int) Math.min(remaining, Integer.MAX_VALUE));
	}

}
