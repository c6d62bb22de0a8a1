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
import java.net.UnknownHostException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Finds the host name of an address, so that name-fragment rules can match a destination
 * given only as an address. An explicit opt-in
 * ({@link Socks5ServerRegistryBuilder#reverseLookup(Socks5ReverseLookup)}): without it a
 * registry never turns an address into a name, and a reverse DNS lookup never runs on the
 * path of a send.
 *
 * @author socks5-udp authors
 */
@FunctionalInterface
public interface Socks5ReverseLookup {

	/**
	 * Return the host name of an address.
	 * @param address the address
	 * @return the host name, or {@code null} if the address has none
	 */
	@Nullable String hostName(InetAddress address);

	/**
	 * Return a lookup through the system resolver ({@link InetAddress#getHostName()}),
	 * cached. A cache miss blocks the caller for the length of the reverse DNS lookup.
	 * @param timeToLive how long an answer, a missing name included, is kept
	 * @param maxEntries how many addresses are kept at most
	 * @return the lookup
	 */
	static Socks5ReverseLookup system(Duration timeToLive, int maxEntries) {
		return cached(Socks5ReverseLookup::systemHostName, timeToLive, maxEntries);
	}

	/**
	 * Return a lookup that caches the answers of another.
	 * @param delegate the lookup to cache
	 * @param timeToLive how long an answer, a missing name included, is kept
	 * @param maxEntries how many addresses are kept at most
	 * @return the lookup
	 */
	static Socks5ReverseLookup cached(Socks5ReverseLookup delegate, Duration timeToLive, int maxEntries) {
		return new CachingReverseLookup(delegate, timeToLive, maxEntries, System::nanoTime);
	}

	private static @Nullable String systemHostName(InetAddress address) {
		try {
			// A fresh instance, so a name the caller attached is not taken for the
			// reverse one
			InetAddress bare = InetAddress.getByAddress(address.getAddress());
			String name = bare.getHostName();
			return name.equals(bare.getHostAddress()) ? null : name;
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
