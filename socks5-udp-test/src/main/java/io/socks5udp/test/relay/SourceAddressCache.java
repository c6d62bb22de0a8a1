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
package io.socks5udp.test.relay;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import io.socks5udp.core.protocol.Socks5Address;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the SOCKS5 form of the addresses that replies come from, so that wrapping a
 * reply in its header allocates nothing once its source has been seen. Owned by one
 * thread.
 *
 * @author socks5-udp authors
 */
final class SourceAddressCache {

	private static final int MAX_ENTRIES = 4096;

	private final Map<InetSocketAddress, Socks5Address> cache = new HashMap<>();

	private @Nullable InetSocketAddress lastSource;

	private @Nullable Socks5Address lastAddress;

	/**
	 * Return the SOCKS5 address of a reply's source.
	 * @param source the source, as the channel reported it
	 * @return the address
	 */
	Socks5Address of(InetSocketAddress source) {
		if (source != this.lastSource) {
			Socks5Address address = this.cache.get(source);
			if (address == null) {
				address = Socks5Address.of(source.getAddress(), source.getPort());
				if (this.cache.size() >= MAX_ENTRIES) {
					this.cache.clear();
				}
				this.cache.put(source, address);
			}
			this.lastSource = source;
			this.lastAddress = address;
		}
		return Objects.requireNonNull(this.lastAddress);
	}

}
