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
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a registry is built from, kept so that it can be built again: the sources in
 * order, the resolver of logical server names, the reverse lookup, and whether SOCKS is
 * disabled.
 *
 * @author socks5-udp authors
 */
final class RuleSetLoader {

	private final List<Socks5RuleSource> sources;

	private final Socks5ServerResolver resolver;

	private final @Nullable Socks5ReverseLookup reverseLookup;

	private final @Nullable Socks5ForwardLookup forwardLookup;

	private final boolean disabled;

	RuleSetLoader(List<Socks5RuleSource> sources, Socks5ServerResolver resolver,
			@Nullable Socks5ReverseLookup reverseLookup, @Nullable Socks5ForwardLookup forwardLookup,
			boolean disabled) {
		this.forwardLookup = forwardLookup;
		this.sources = List.copyOf(sources);
		this.resolver = resolver;
		this.reverseLookup = reverseLookup;
		this.disabled = disabled;
	}

	/**
	 * Read every source and compile the rules, all or nothing.
	 * @return the rule set
	 * @throws IOException if a source cannot be read
	 * @throws Socks5ConfigException if a rule is malformed or names an unknown server
	 */
	Socks5RuleSet load() throws IOException {
		if (this.disabled) {
			return Socks5RuleSet.DISABLED;
		}
		List<Socks5Rule> rules = new ArrayList<>();
		for (Socks5RuleSource source : this.sources) {
			rules.addAll(source.load());
		}
		return Socks5RuleSet.compile(rules, this.resolver, this.reverseLookup, this.forwardLookup);
	}

	/**
	 * Return the names of the sources, for messages.
	 * @return the names, separated by commas
	 */
	String names() {
		List<String> names = new ArrayList<>();
		for (Socks5RuleSource source : this.sources) {
			names.add(source.name());
		}
		return names.isEmpty() ? "no sources" : String.join(", ", names);
	}

	List<Path> files() {
		List<Path> files = new ArrayList<>();
		if (!this.disabled) {
			for (Socks5RuleSource source : this.sources) {
				files.addAll(source.files());
			}
		}
		return files;
	}

}
