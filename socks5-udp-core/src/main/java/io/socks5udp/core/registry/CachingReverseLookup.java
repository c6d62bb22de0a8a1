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

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * A {@link Socks5ReverseLookup} that keeps answers for a while. A hit allocates nothing.
 * When the cache is full it is emptied, which bounds its size without bookkeeping on the
 * path of a hit.
 *
 * @author socks5-udp authors
 */
final class CachingReverseLookup implements Socks5ReverseLookup {

	private final Socks5ReverseLookup delegate;

	private final long timeToLiveNanos;

	private final int maxEntries;

	private final LongSupplier clock;

	private final Map<InetAddress, Entry> entries = new ConcurrentHashMap<>();

	CachingReverseLookup(Socks5ReverseLookup delegate, Duration timeToLive, int maxEntries, LongSupplier clock) {
		this.delegate = Objects.requireNonNull(delegate, "'delegate' must not be null");
		Objects.requireNonNull(timeToLive, "'timeToLive' must not be null");
		if (timeToLive.isNegative() || timeToLive.isZero()) {
			throw new IllegalArgumentException("timeToLive: " + timeToLive + " (expected: more than zero)");
		}
		if (maxEntries < 1) {
			throw new IllegalArgumentException("maxEntries: " + maxEntries + " (expected: 1 or more)");
		}
		this.timeToLiveNanos = timeToLive.toNanos();
		this.maxEntries = maxEntries;
		this.clock = clock;
	}

	@Override
	public @Nullable String hostName(InetAddress address) {
		long now = this.clock.getAsLong();
		Entry entry = this.entries.get(address);
		if (entry == null || now - entry.expiresAt() > 0) {
			String name = this.delegate.hostName(address);
			entry = new Entry(name, now + this.timeToLiveNanos);
			if (this.entries.size() >= this.maxEntries) {
				this.entries.clear();
			}
			this.entries.put(address, entry);
		}
		return entry.name();
	}

	/**
	 * A cached answer; a {@code null} name records that the address has none.
	 */
	private record Entry(@Nullable String name, long expiresAt) {
	}

}
