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

/**
 * Handle of a listener added to a {@link Socks5UdpTemplate}.
 *
 * @author socks5-udp authors
 * @see Socks5UdpTemplate#addListener(Socks5UdpDatagramListener)
 */
@FunctionalInterface
public interface Socks5UdpListenerRegistration extends AutoCloseable {

	/**
	 * Remove the listener; it gets no datagram that arrives afterwards. Idempotent.
	 */
	void remove();

	/**
	 * Remove the listener, as {@link #remove()} does.
	 */
	@Override
	default void close() {
		remove();
	}

}
