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

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where rules come from: a {@code socks5c.conf} file, a text, or rules made in code (for
 * example from configuration properties). A registry reads its sources again on each
 * reload.
 *
 * @author socks5-udp authors
 */
public interface Socks5RuleSource {

	/**
	 * Return the name of this source, for messages.
	 * @return the name
	 */
	String name();

	/**
	 * Read the rules.
	 * @return the rules, in order
	 * @throws IOException if the source cannot be read
	 * @throws Socks5ConfigException if a record is malformed
	 */
	List<Socks5Rule> load() throws IOException;

	/**
	 * Return the files this source reads, to watch for changes.
	 * @return the files, none by default
	 */
	default List<Path> files() {
		return List.of();
	}

	/**
	 * Return a source that reads a {@code socks5c.conf} file of at most
	 * {@link Socks5ConfigParser#DEFAULT_MAX_FILE_SIZE} bytes.
	 * @param file the file
	 * @return the source
	 * @see Socks5ConfigParser#parse(Path)
	 */
	static Socks5RuleSource file(Path file) {
		return file(file, Socks5ConfigParser.DEFAULT_MAX_FILE_SIZE);
	}

	/**
	 * Return a source that reads a {@code socks5c.conf} file of at most the given size.
	 * @param file the file
	 * @param maxBytes the largest size accepted, 1 byte to 2 GiB
	 * @return the source
	 * @see Socks5ConfigParser#parse(Path, long)
	 */
	static Socks5RuleSource file(Path file, long maxBytes) {
		return new FileRuleSource(file, null, maxBytes);
	}

	/**
	 * Return a source that parses a text in {@code socks5c.conf} format.
	 * @param name the name of the source, for messages and rule origins
	 * @param text the text
	 * @return the source
	 */
	static Socks5RuleSource text(String name, String text) {
		Objects.requireNonNull(name, "'name' must not be null");
		Objects.requireNonNull(text, "'text' must not be null");
		return rules(name, () -> Socks5ConfigParser.forFiles().parse(name, text));
	}

	/**
	 * Return a source of rules made in code.
	 * @param name the name of the source, for messages
	 * @param rules the rules
	 * @return the source
	 */
	static Socks5RuleSource rules(String name, List<Socks5Rule> rules) {
		List<Socks5Rule> copy = List.copyOf(rules);
		return rules(name, () -> copy);
	}

	/**
	 * Return a source of rules made in code, asked again on each reload.
	 * @param name the name of the source, for messages
	 * @param rules the supplier of the rules
	 * @return the source
	 */
	static Socks5RuleSource rules(String name, Supplier<? extends List<Socks5Rule>> rules) {
		Objects.requireNonNull(name, "'name' must not be null");
		Objects.requireNonNull(rules, "'rules' must not be null");
		return new Socks5RuleSource() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public List<Socks5Rule> load() {
				return List.copyOf(rules.get());
			}

			@Override
			public String toString() {
				return name;
			}

		};
	}

}
