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

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Longest name-fragment match: a host name is walked from its last character towards its
 * first, hashing the suffix read so far; where some fragment has the length and the first
 * character of that suffix, one probe of an open-addressing table tells whether the
 * suffix is a fragment. The cost grows with the length of the host name, not with the
 * number of rules, and nothing is allocated.
 * <p>
 * Matching ignores ASCII case and one trailing dot of the host name. For equal fragments
 * the first one given wins.
 *
 * @author socks5-udp authors
 */
final class NameFragmentTable {

	private final String[] fragments;

	private final long[] keys;

	private final Socks5ServerSelection[] routes;

	private final long[] firstCharacters;

	private final int maxLength;

	private final int mask;

	NameFragmentTable(Map<String, Socks5ServerSelection> routesByFragment) {
		Map<String, Socks5ServerSelection> entries = new LinkedHashMap<>(routesByFragment);
		// At most a quarter full, so that a probe for an absent suffix mostly ends at
		// once
		int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 4 - 1)) << 1;
		this.fragments = new String[capacity];
		this.keys = new long[capacity];
		this.routes = new Socks5ServerSelection[capacity];
		this.mask = capacity - 1;
		int maxLength = 0;
		for (String fragment : entries.keySet()) {
			maxLength = Math.max(maxLength, fragment.length());
		}
		this.maxLength = maxLength;
		this.firstCharacters = new long[(maxLength + 1) * 2];
		entries.forEach(this::put);
	}

	boolean isEmpty() {
		return this.maxLength == 0;
	}

	/**
	 * Return the route of the longest fragment that the host name ends with.
	 * @param host the host name
	 * @return the route, or {@code null} if no fragment matches
	 */
	@Nullable Socks5ServerSelection match(String host) {
		int end = host.length();
		if (end > 0 && host.charAt(end - 1) == '.') {
			end--;
		}
		int limit = Math.min(end, this.maxLength);
		Socks5ServerSelection best = null;
		int hash = 0;
		for (int length = 1; length <= limit; length++) {
			char c = lowerCase(host.charAt(end - length));
			hash = 31 * hash + c;
			if (c < 128 && (this.firstCharacters[length * 2 + (c >>> 6)] & (1L << c)) != 0) {
				Socks5ServerSelection route = probe(hash, length, host, end - length);
				if (route != null) {
					best = route;
				}
			}
		}
		return best;
	}

	private @Nullable Socks5ServerSelection probe(int hash, int length, String host, int start) {
		long key = key(hash, length);
		for (int slot = spread(hash, length) & this.mask;; slot = (slot + 1) & this.mask) {
			long candidate = this.keys[slot];
			if (candidate == 0) {
				return null;
			}
			if (candidate == key && matches(this.fragments[slot], host, start)) {
				return this.routes[slot];
			}
		}
	}

	private static boolean matches(String fragment, String host, int start) {
		for (int i = 0; i < fragment.length(); i++) {
			if (lowerCase(host.charAt(start + i)) != fragment.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static long key(int hash, int length) {
		// The low bit keeps every key apart from 0, which marks an empty slot
		return ((long) hash << 32) | ((long) length << 1) | 1L;
	}

	private void put(String fragment, Socks5ServerSelection route) {
		int hash = 0;
		for (int i = fragment.length() - 1; i >= 0; i--) {
			hash = 31 * hash + lowerCase(fragment.charAt(i));
		}
		int slot = spread(hash, fragment.length()) & this.mask;
		while (this.keys[slot] != 0) {
			slot = (slot + 1) & this.mask;
		}
		this.fragments[slot] = fragment;
		this.keys[slot] = key(hash, fragment.length());
		this.routes[slot] = route;
		char first = fragment.charAt(0);
		this.firstCharacters[fragment.length() * 2 + (first >>> 6)] |= 1L << first;
	}

	private static int spread(int hash, int length) {
		int h = hash * 0x9E3779B9 + length;
		return h ^ (h >>> 16);
	}

	private static char lowerCase(char c) {
		return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
	}

}
