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

import java.util.concurrent.atomic.AtomicReferenceArray;

import io.socks5udp.core.protocol.Socks5Address;
import org.jspecify.annotations.Nullable;

/**
 * The destinations the template's {@code String} host overloads parsed last, so that
 * sending again to the same host and port parses nothing and allocates nothing: a
 * bounded, thread-safe cache from host text and port to the {@link Socks5Address} that
 * {@link Socks5Address#of(String, int)} makes of them.
 * <p>
 * A fixed table of {@value #SLOTS} entries in pairs: a host and port hash to one pair,
 * where a hit is looked for by comparing the text and the port in place (no key object,
 * no boxing) and a miss parses the text and puts the result in front of the pair, pushing
 * out its older half. However many distinct hosts the template sees, the cache holds no
 * more than {@value #SLOTS} of them; a host that is pushed out is parsed again next time,
 * to the same address. Text that does not parse is never cached, so it fails every time
 * with the same exception.
 * <p>
 * Entries are immutable and published through an {@link AtomicReferenceArray}; two
 * threads that miss at once both parse, and one of their entries stays. What a cached
 * address is does not depend on which thread parsed it.
 *
 * @author socks5-udp authors
 */
final class DestinationCache {

	/** Entries in the table, a power of two. */
	static final int SLOTS = 256;

	private final AtomicReferenceArray<@Nullable Entry> entries = new AtomicReferenceArray<>(SLOTS);

	/**
	 * Return the address of a host and port, parsed as
	 * {@link Socks5Address#of(String, int)} does: from the cache when this host text and
	 * port were parsed lately.
	 * @param host an IP literal or a domain name
	 * @param port the port, 0 to 65535
	 * @return the address
	 * @throws IllegalArgumentException if the host or port is invalid, as from
	 * {@link Socks5Address#of(String, int)}
	 */
	Socks5Address address(String host, int port) {
		int first = pair(host, port);
		Entry entry = this.entries.get(first);
		if (entry != null && entry.matches(host, port)) {
			return entry.address();
		}
		Entry second = this.entries.get(first + 1);
		if (second != null && second.matches(host, port)) {
			return second.address();
		}
		Socks5Address address = Socks5Address.of(host, port);
		if (entry != null) {
			this.entries.set(first + 1, entry);
		}
		this.entries.set(first, new Entry(host, address));
		return address;
	}

	/**
	 * Return how many entries the cache holds, for tests.
	 * @return the number of entries
	 */
	int size() {
		int size = 0;
		for (int i = 0; i < SLOTS; i++) {
			if (this.entries.get(i) != null) {
				size++;
			}
		}
		return size;
	}

	/**
	 * Return the index of the first slot of the pair a host and port belong to.
	 * @param host the host text
	 * @param port the port
	 * @return an even index below {@link #SLOTS}
	 */
	static int pair(String host, int port) {
		// String caches its hash: hashing the same text again costs a field read
		int hash = host.hashCode() * 31 + port;
		hash ^= hash >>> 16;
		return hash & (SLOTS - 2);
	}

	/**
	 * One parsed destination.
	 *
	 * @param host the host text as given
	 * @param address what it parsed to, with the port
	 */
	private record Entry(String host, Socks5Address address) {

		boolean matches(String host, int port) {
			return this.address.port() == port && this.host.equals(host);
		}

	}

}
