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
package io.socks5udp.template;

import io.socks5udp.core.protocol.Socks5Address;

/**
 * A hash of a destination that is the same in every run and on every machine (unlike
 * {@link Socks5Address#hashCode()}, which promises nothing across runs), for spreading
 * destinations over servers: one destination always lands on the same server while the
 * same servers work.
 *
 * @author socks5-udp authors
 */
final class DestinationHash {

	private static final long FNV_OFFSET = 0xcbf29ce484222325L;

	private static final long FNV_PRIME = 0x100000001b3L;

	private DestinationHash() {
	}

	/**
	 * Return the hash of a destination: FNV-1a over its address type, address bytes and
	 * port. Allocates nothing.
	 * @param destination the destination
	 * @return the hash
	 */
	static long of(Socks5Address destination) {
		long hash = FNV_OFFSET;
		hash = (hash ^ (destination.type().byteValue() & 0xFF)) * FNV_PRIME;
		for (int i = 0; i < destination.addressLength(); i++) {
			hash = (hash ^ (destination.addressByte(i) & 0xFF)) * FNV_PRIME;
		}
		hash = (hash ^ (destination.port() >>> 8)) * FNV_PRIME;
		return (hash ^ (destination.port() & 0xFF)) * FNV_PRIME;
	}

	/**
	 * Mix the bits of a value (SplitMix64's finalizer), so that close values score far
	 * apart.
	 * @param value the value
	 * @return the mixed value
	 */
	static long mix(long value) {
		long z = value * 0x9e3779b97f4a7c15L;
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

}
