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

/**
 * Told of the outcome of each reload of a {@link ReloadableSocks5ServerRegistry}. Called
 * on the thread that reloaded: the caller of
 * {@link ReloadableSocks5ServerRegistry#reload()} or the file watcher's.
 *
 * @author socks5-udp authors
 */
public interface Socks5RegistryListener {

	/**
	 * The rules were read again and are now in use.
	 * @param rules the new rules
	 */
	default void reloaded(Socks5RuleSet rules) {
	}

	/**
	 * The rules could not be read again, or the reload was refused; the previous rules
	 * stay in use.
	 * @param failure why: an {@link java.io.IOException} naming the file (a
	 * {@link Socks5ReloadRefusedException} when the sources gave no rule where rules were
	 * in use) or a {@link Socks5ConfigException} naming the line
	 */
	default void reloadFailed(Exception failure) {
	}

}
