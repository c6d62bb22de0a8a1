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

import org.jspecify.annotations.Nullable;

/**
 * A malformed rule: the message names the source, the line number, the text and what was
 * expected, for example
 * {@code socks5c.conf:3: '10.0.0.0/33 proxy': prefixLength: 33 (expected: 0-32 for an IPv4 address)}.
 * Unchecked, like the other validation failures of value types: a registry is built whole
 * or not at all, so such an error never leaves rules half-loaded.
 *
 * @author socks5-udp authors
 */
public class Socks5ConfigException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String source;

	private final int line;

	private final String text;

	private final String problem;

	/**
	 * Create an exception.
	 * @param source the source name: a file name or a property name
	 * @param line the 1-based line number, or 0 when the source has no lines
	 * @param text the text of the record
	 * @param problem what is wrong and what was expected
	 * @param cause the cause, or {@code null}
	 */
	public Socks5ConfigException(String source, int line, String text, String problem, @Nullable Throwable cause) {
		super(new Socks5RuleOrigin(source, line) + ": '" + text + "': " + problem, cause);
		this.source = source;
		this.line = line;
		this.text = text;
		this.problem = problem;
	}

	/**
	 * Return the source name.
	 * @return the file or property name
	 */
	public String source() {
		return this.source;
	}

	/**
	 * Return the line number.
	 * @return the 1-based line number, or 0 when the source has no lines
	 */
	public int line() {
		return this.line;
	}

	/**
	 * Return the text of the malformed record.
	 * @return the text
	 */
	public String text() {
		return this.text;
	}

	/**
	 * Return what is wrong and what was expected.
	 * @return the problem
	 */
	public String problem() {
		return this.problem;
	}

}
