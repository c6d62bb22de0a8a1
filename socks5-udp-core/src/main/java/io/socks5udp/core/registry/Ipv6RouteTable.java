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
package io.socks5udp.core.registry;

import java.math.BigInteger;
import java.util.List;

/**
 * Longest-prefix match over IPv6 rules: a binary search over segment start points, each
 * held as two longs.
 *
 * @author socks5-udp authors
 */
final class Ipv6RouteTable {

	private final long[] highs;

	private final long[] lows;

	private final Socks5ServerSelection[] routes;

	Ipv6RouteTable(List<PrefixSegments.Prefix> prefixes, Socks5ServerSelection defaultRoute) {
		PrefixSegments segments = PrefixSegments.of(prefixes, 128, defaultRoute);
		List<BigInteger> points = segments.starts();
		this.highs = new long[points.size()];
		this.lows = new long[points.size()];
		for (int i = 0; i < this.highs.length; i++) {
			// Flipping the sign bits makes signed comparison order unsigned addresses
			this.highs[i] = points.get(i).shiftRight(64).longValue() ^ Long.MIN_VALUE;
			this.lows[i] = points.get(i).longValue() ^ Long.MIN_VALUE;
		}
		this.routes = segments.routes();
	}

	/**
	 * Return the route of the longest prefix that matches.
	 * @param address the 16 address bytes
	 * @return the route
	 */
	Socks5ServerSelection lookup(byte[] address) {
		return lookup(bits(address, 0), bits(address, 8));
	}

	/**
	 * Return the route of the longest prefix that matches.
	 * @param high the first 64 bits of the address
	 * @param low the last 64 bits of the address
	 * @return the route
	 */
	Socks5ServerSelection lookup(long high, long low) {
		long keyHigh = high ^ Long.MIN_VALUE;
		long keyLow = low ^ Long.MIN_VALUE;
		long[] pointHighs = this.highs;
		long[] pointLows = this.lows;
		int lowIndex = 0;
		int highIndex = pointHighs.length - 1;
		while (lowIndex < highIndex) {
			int middle = (lowIndex + highIndex + 1) >>> 1;
			long pointHigh = pointHighs[middle];
			if (pointHigh < keyHigh || (pointHigh == keyHigh && pointLows[middle] <= keyLow)) {
				lowIndex = middle;
			}
			else {
				highIndex = middle - 1;
			}
		}
		return this.routes[lowIndex];
	}

	static long bits(byte[] address, int offset) {
		return ((address[offset] & 0xFFL) << 56) | ((address[offset + 1] & 0xFFL) << 48)
				| ((address[offset + 2] & 0xFFL) << 40) | ((address[offset + 3] & 0xFFL) << 32)
				| ((address[offset + 4] & 0xFFL) << 24) | ((address[offset + 5] & 0xFFL) << 16)
				| ((address[offset + 6] & 0xFFL) << 8) | (address[offset + 7] & 0xFFL);
	}

}
