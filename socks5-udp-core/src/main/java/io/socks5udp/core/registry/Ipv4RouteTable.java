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
 * Longest-prefix match over IPv4 rules: a binary search over segment start points.
 *
 * @author socks5-udp authors
 */
final class Ipv4RouteTable {

	private final int[] starts;

	private final Socks5ServerSelection[] routes;

	Ipv4RouteTable(List<PrefixSegments.Prefix> prefixes, Socks5ServerSelection defaultRoute) {
		PrefixSegments segments = PrefixSegments.of(prefixes, 32, defaultRoute);
		List<BigInteger> points = segments.starts();
		this.starts = new int[points.size()];
		for (int i = 0; i < this.starts.length; i++) {
			// Flipping the sign bit makes signed comparison order unsigned addresses
			this.starts[i] = points.get(i).intValue() ^ Integer.MIN_VALUE;
		}
		this.routes = segments.routes();
	}

	/**
	 * Return the route of the longest prefix that matches.
	 * @param address the address, as {@link java.net.Inet4Address#hashCode()} gives it
	 * @return the route
	 */
	Socks5ServerSelection lookup(int address) {
		int key = address ^ Integer.MIN_VALUE;
		int[] points = this.starts;
		int low = 0;
		int high = points.length - 1;
		while (low < high) {
			int middle = (low + high + 1) >>> 1;
			if (points[middle] <= key) {
				low = middle;
			}
			else {
				high = middle - 1;
			}
		}
		return this.routes[low];
	}

	int segments() {
		return this.starts.length;
	}

}
