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

/**
 * Server registry: which SOCKS5 server, if any, carries traffic for a destination (the
 * {@code socks5_getserv} analogue, with {@code socks5c.conf} rules).
 * <p>
 * {@link io.socks5udp.core.registry.Socks5ServerRegistry} answers lookups;
 * {@link io.socks5udp.core.registry.Socks5ServerRegistryBuilder} builds one from
 * {@link io.socks5udp.core.registry.Socks5RuleSource sources} (a {@code socks5c.conf}
 * file, the {@code SOCKS5C_CONFIG} environment variable, rules made in code) into an
 * immutable {@link io.socks5udp.core.registry.Socks5RuleSet}, or into a
 * {@link io.socks5udp.core.registry.ReloadableSocks5ServerRegistry} that can read its
 * sources again and watch its files.
 * {@link io.socks5udp.core.registry.Socks5ConfigParser} reads the file format.
 */
@NullMarked
package io.socks5udp.core.registry;

import org.jspecify.annotations.NullMarked;
