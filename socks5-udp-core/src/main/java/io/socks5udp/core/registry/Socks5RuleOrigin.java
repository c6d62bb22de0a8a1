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

import java.util.Objects;

/**
 * Where a rule came from: a source (a file name, or a property name such as
 * {@code socks5.udp.rules[2]}) and a line number (0 when the source has no lines).
 *
 * @param source the source name
 * @param line the 1-based line number, or 0
 * @author socks5-udp authors
 */
public record Socks5RuleOrigin(String source, int line) {

	/**
	 * Create an origin.
	 * @param source the source name
	 * @param line the 1-based line number, or 0
	 */
	public Socks5RuleOrigin {
		Objects.requireNonNull(source, "'source' must not be null");
		if (line < 0) {
			throw new IllegalArgumentException("line: " + line + " (expected: 0 or more)");
		}
	}

	/**
	 * Return {@code source:line}, or the source alone when there is no line number.
	 * @return the origin as text
	 */
	@Override
	public String toString() {
		return (this.line > 0) ? this.source + ":" + this.line : this.source;
	}

}
