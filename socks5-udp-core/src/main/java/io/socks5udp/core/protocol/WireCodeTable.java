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
package io.socks5udp.core.protocol;

import java.util.function.IntFunction;

/**
 * The code-to-constant lookup of a {@link WireCode} type: one slot per byte value, so
 * that {@code valueOf(byte)} is an array read for a known code and never throws for an
 * unknown one.
 *
 * @param <T> the code type
 * @author socks5-udp authors
 */
final class WireCodeTable<T extends WireCode> {

	private final WireCode[] known = new WireCode[256];

	private final IntFunction<T> unknown;

	/**
	 * Create a table.
	 * @param unknown makes the instance for a byte value that no constant has
	 * @param constants the constants, each with its own byte value
	 */
	@SafeVarargs
	WireCodeTable(IntFunction<T> unknown, T... constants) {
		this.unknown = unknown;
		for (T constant : constants) {
			int index = constant.byteValue() & 0xFF;
			if (this.known[index] != null) {
				throw new IllegalStateException(constant + " has the byte value of " + this.known[index]);
			}
			this.known[index] = constant;
		}
	}

	/**
	 * Return the constant for a byte value, or a new unknown instance carrying it.
	 * @param value the byte value
	 * @return the code
	 */
	@SuppressWarnings("unchecked")
	T valueOf(byte value) {
		WireCode code = this.known[value & 0xFF];
		return (code != null) ? (T) code : this.unknown.apply(value);
	}

	/**
	 * Return whether a code is one of the constants of the table.
	 * @param code the code
	 * @return whether the code is known
	 */
	boolean isKnown(T code) {
		return this.known[code.byteValue() & 0xFF] == code;
	}

}
