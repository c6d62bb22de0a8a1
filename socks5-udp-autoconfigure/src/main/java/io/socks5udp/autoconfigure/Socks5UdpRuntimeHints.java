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

package io.socks5udp.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What a native image needs beyond what Spring Boot registers for the auto-configuration
 * and its properties: the rules files that {@code socks5.udp.config-file} may name on the
 * class path ({@code classpath:socks5c.conf}). Only files named {@code socks5c.conf} are
 * known ahead of time; another name needs the application's own resource hint. Files
 * outside the class path (the default {@code /etc/socks5c.conf}, {@code SOCKS5C_CONFIG})
 * need none.
 *
 * @author socks5-udp authors
 */
class Socks5UdpRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * Name of a rules file on the class path, the name AIX gives its file.
	 */
	static final String RULES_FILE = "socks5c.conf";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(RULES_FILE).registerPattern("**/" + RULES_FILE);
	}

}
