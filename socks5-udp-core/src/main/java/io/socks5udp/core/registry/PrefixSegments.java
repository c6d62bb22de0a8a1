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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Turns address prefixes into the sorted start points of the segments of the address
 * space they cut it into, each with the route of its longest matching prefix. A lookup is
 * then a binary search over the start points, with no allocation and no linear scan.
 * <p>
 * Prefixes are either nested or disjoint, so one sweep with a stack of the prefixes that
 * contain the current position suffices. For equal prefixes the first one given wins.
 *
 * @author socks5-udp authors
 */
final class PrefixSegments {

	private final List<BigInteger> starts = new ArrayList<>();

	private final List<Socks5ServerSelection> routes = new ArrayList<>();

	private PrefixSegments() {
	}

	/**
	 * Compute the segments.
	 * @param prefixes the prefixes, in rule order
	 * @param bits the address width, 32 or 128
	 * @param defaultRoute the route where no prefix matches
	 * @return the segments
	 */
	static PrefixSegments of(List<Prefix> prefixes, int bits, Socks5ServerSelection defaultRoute) {
		List<Prefix> sorted = new ArrayList<>(prefixes);
		// Stable: among equal prefixes the first rule stays first, and wins below
		sorted.sort(Comparator.comparing(Prefix::start).thenComparingInt(Prefix::length));
		PrefixSegments segments = new PrefixSegments();
		Deque<Prefix> enclosing = new ArrayDeque<>();
		BigInteger cursor = BigInteger.ZERO;
		Prefix previous = null;
		for (Prefix prefix : sorted) {
			if (previous != null && previous.start().equals(prefix.start()) && previous.length() == prefix.length()) {
				continue;
			}
			previous = prefix;
			while (!enclosing.isEmpty() && enclosing.peek().end().compareTo(prefix.start()) < 0) {
				cursor = segments.close(enclosing.pop(), cursor);
			}
			if (cursor.compareTo(prefix.start()) < 0) {
				segments.add(cursor, enclosing.isEmpty() ? defaultRoute : enclosing.peek().route());
			}
			cursor = prefix.start();
			enclosing.push(prefix);
		}
		while (!enclosing.isEmpty()) {
			cursor = segments.close(enclosing.pop(), cursor);
		}
		if (cursor.bitLength() <= bits) {
			segments.add(cursor, defaultRoute);
		}
		return segments;
	}

	private BigInteger close(Prefix prefix, BigInteger cursor) {
		if (cursor.compareTo(prefix.end()) <= 0) {
			add(cursor, prefix.route());
			return prefix.end().add(BigInteger.ONE);
		}
		return cursor;
	}

	private void add(BigInteger start, Socks5ServerSelection route) {
		if (!this.routes.isEmpty() && this.routes.get(this.routes.size() - 1) == route) {
			return;
		}
		this.starts.add(start);
		this.routes.add(route);
	}

	List<BigInteger> starts() {
		return this.starts;
	}

	Socks5ServerSelection[] routes() {
		return this.routes.toArray(new Socks5ServerSelection[0]);
	}

	/**
	 * An address prefix and its route.
	 *
	 * @param start the first address, as an unsigned number
	 * @param end the last address, as an unsigned number
	 * @param length the prefix length
	 * @param route the route
	 */
	record Prefix(BigInteger start, BigInteger end, int length, Socks5ServerSelection route) {

		static Prefix of(Socks5Destination destination, Socks5ServerSelection route) {
			byte[] bytes = Objects.requireNonNull(destination.address()).getAddress();
			BigInteger start = new BigInteger(1, bytes);
			int hostBits = bytes.length * 8 - destination.prefixLength();
			BigInteger end = start.add(BigInteger.ONE.shiftLeft(hostBits)).subtract(BigInteger.ONE);
			return new Prefix(start, end, destination.prefixLength(), route);
		}

	}

}
