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
package io.socks5udp.core.fuzz;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Buffers that frame fuzz data the way a receive loop's buffer does: headroom before the
 * position and sentinel bytes after the limit, so that a read past the limit or a write
 * anywhere shows. Read-only views keep the code under test from writing.
 *
 * @author socks5-udp authors
 */
final class FramedBuffers {

	/** Bytes in front of the data: the position is never 0. */
	static final int HEADROOM = 7;

	/** Bytes after the limit, up to the capacity. */
	static final int TAIL = 23;

	private FramedBuffers() {
	}

	/**
	 * Return a read-only buffer whose remaining bytes are the data, with sentinels before
	 * the position and after the limit.
	 * @param data the data
	 * @param sentinel the value of the bytes around the data
	 * @param direct whether to use a direct buffer
	 * @return the buffer, position {@link #HEADROOM}, limit
	 * {@code HEADROOM + data.length}
	 */
	static ByteBuffer framed(byte[] data, byte sentinel, boolean direct) {
		int capacity = HEADROOM + data.length + TAIL;
		ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
		byte[] fill = new byte[capacity];
		Arrays.fill(fill, sentinel);
		System.arraycopy(data, 0, fill, HEADROOM, data.length);
		buffer.put(fill).position(HEADROOM).limit(HEADROOM + data.length);
		return buffer.asReadOnlyBuffer();
	}

	/**
	 * Return the bytes of a buffer from its position to its limit, leaving it unchanged.
	 * @param buffer the buffer
	 * @return a copy of the remaining bytes
	 */
	static byte[] remaining(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.remaining()];
		buffer.duplicate().get(bytes);
		return bytes;
	}

}
