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

import java.util.Arrays;

/**
 * Reads structured values from fuzz data, front to back. Once the data is used up it
 * gives zeros, so that every input, however short, builds a value.
 *
 * @author socks5-udp authors
 */
final class FuzzInput {

	private final byte[] data;

	private int position;

	FuzzInput(byte[] data) {
		this.data = data;
	}

	/**
	 * Return the next byte, unsigned.
	 * @return 0 to 255
	 */
	int nextByte() {
		return (this.position < this.data.length) ? this.data[this.position++] & 0xFF : 0;
	}

	/**
	 * Return the next two bytes as an unsigned big-endian number, as a port is sent.
	 * @return 0 to 65535
	 */
	int nextUnsignedShort() {
		return (nextByte() << 8) | nextByte();
	}

	/**
	 * Return the next bytes, padded with zeros where the data ends.
	 * @param count how many
	 * @return the bytes
	 */
	byte[] next(int count) {
		byte[] bytes = new byte[count];
		int available = Math.max(0, Math.min(count, this.data.length - this.position));
		System.arraycopy(this.data, this.position, bytes, 0, available);
		this.position += available;
		return bytes;
	}

	/**
	 * Return the bytes not read yet.
	 * @return the rest of the data
	 */
	byte[] rest() {
		byte[] bytes = Arrays.copyOfRange(this.data, Math.min(this.position, this.data.length), this.data.length);
		this.position = this.data.length;
		return bytes;
	}

}
