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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Socks5ServerRegistry} from rule sources, in order: for equal
 * destinations the first rule of the first source wins. A build reads every source and
 * checks every rule before anything is used, so a registry is never half-loaded.
 *
 * <pre class="code">
 * Socks5ServerRegistry registry = Socks5ServerRegistry.builder()
 * 	.environment(System.getenv())
 * 	.rules("socks5.udp.rules", rules)
 * 	.resolver(Socks5ServerResolver.of(Map.of("corp", Socks5ServerEndpoint.of("corp", "proxy.corp", 1080))))
 * 	.build();
 * </pre>
 *
 * @author socks5-udp authors
 */
public final class Socks5ServerRegistryBuilder {

	/** The environment variable that names the configuration file, as on AIX. */
	public static final String CONFIG_ENVIRONMENT_VARIABLE = "SOCKS5C_CONFIG";

	/** The file read when the one {@code SOCKS5C_CONFIG} names does not exist. */
	public static final Path DEFAULT_CONFIG_FILE = Path.of("/etc/socks5c.conf");

	private final List<Socks5RuleSource> sources = new ArrayList<>();

	private Socks5ServerResolver resolver = Socks5ServerResolver.none();

	private @Nullable Socks5ReverseLookup reverseLookup;

	private @Nullable Socks5ForwardLookup forwardLookup;

	private boolean disabled;

	private boolean emptyReloadAllowed;

	Socks5ServerRegistryBuilder() {
	}

	/**
	 * Add a source of rules.
	 * @param source the source
	 * @return this builder
	 */
	public Socks5ServerRegistryBuilder source(Socks5RuleSource source) {
		this.sources.add(Objects.requireNonNull(source, "'source' must not be null"));
		return this;
	}

	/**
	 * Add a {@code socks5c.conf} file: a regular file of at most
	 * {@link Socks5ConfigParser#DEFAULT_MAX_FILE_SIZE} bytes.
	 * @param file the file
	 * @return this builder
	 */
	public Socks5ServerRegistryBuilder file(Path file) {
		return source(Socks5RuleSource.file(file));
	}

	/**
	 * Add a {@code socks5c.conf} file with its own size limit.
	 * @param file the file
	 * @param maxBytes the largest size accepted, 1 byte to 2 GiB (by default
	 * {@link Socks5ConfigParser#DEFAULT_MAX_FILE_SIZE})
	 * @return this builder
	 */
	public Socks5ServerRegistryBuilder file(Path file, long maxBytes) {
		return source(Socks5RuleSource.file(file, maxBytes));
	}

	/**
	 * Add a text in {@code socks5c.conf} format.
	 * @param name the name of the text, for messages and rule origins
	 * @param text the text
	 * @return this builder
	 */
	public Socks5ServerRegistryBuilder text(String name, String text) {
		return source(Socks5RuleSource.text(name, text));
	}

	/**
	 * Add rules made in code.
	 * @param name the name of the rules, for messages
	 * @param rules the rules
	 * @return this builder
	 */
	public Socks5ServerRegistryBuilder rules(String name, List<Socks5Rule> rules) {
		return source(Socks5RuleSource.rules(name, rules));
	}

	/**
	 * Apply the {@code SOCKS5C_CONFIG} variable of an environment, falling back to
	 * {@link #DEFAULT_CONFIG_FILE}.
	 * @param environment the environment variables, for example {@link System#getenv()}
	 * @return this builder
	 * @see #environment(Map, Path)
	 */
	public Socks5ServerRegistryBuilder environment(Map<String, String> environment) {
		return environment(environment, DEFAULT_CONFIG_FILE);
	}

	/**
	 * Apply the {@code SOCKS5C_CONFIG} variable of an environment, as AIX does:
	 * <ul>
	 * <li>unset: nothing is added (the other sources alone apply);</li>
	 * <li>set but empty: SOCKS is disabled, every destination is direct, whatever the
	 * other sources say;</li>
	 * <li>set: the file it names is added; if that file does not exist, the default file
	 * is read instead, and the build fails if neither exists.</li>
	 * </ul>
	 * @param environment the environment variables
	 * @param defaultFile the file to read when the named one does not exist
	 * @return this builder
	 */
	public Socks5ServerRegistryBuilder environment(Map<String, String> environment, Path defaultFile) {
		Objects.requireNonNull(environment, "'environment' must not be null");
		Objects.requireNonNull(defaultFile, "'defaultFile' must not be null");
		String value = environment.get(CONFIG_ENVIRONMENT_VARIABLE);
		if (value != null && value.isEmpty()) {
			this.disabled = true;
		}
		else if (value != null) {
			source(new FileRuleSource(Path.of(value), defaultFile, Socks5ConfigParser.DEFAULT_MAX_FILE_SIZE));
		}
		return this;
	}

	/**
	 * Set the resolver of the logical server names that rules give.
	 * @param resolver the resolver
	 * @return this builder
	 */
	public Socks5ServerRegistryBuilder resolver(Socks5ServerResolver resolver) {
		this.resolver = Objects.requireNonNull(resolver, "'resolver' must not be null");
		return this;
	}

	/**
	 * Opt in to turning address destinations into host names, so that name-fragment rules
	 * apply to them too. Unused while there are no name-fragment rules.
	 * @param reverseLookup the reverse lookup, usually
	 * {@link Socks5ReverseLookup#system(java.time.Duration, int)}; {@code null} for none
	 * (the default)
	 * @return this builder
	 */
	public Socks5ServerRegistryBuilder reverseLookup(@Nullable Socks5ReverseLookup reverseLookup) {
		this.reverseLookup = reverseLookup;
		return this;
	}

	/**
	 * Allow a reloadable registry to swap in a reload whose sources give no rule at all
	 * while rules are in use. By default such a reload is refused and the previous rules
	 * stay in use: a file truncated to nothing or to comments is far more often an
	 * accident than a wish to send everything direct.
	 * @param allowed whether to allow it
	 * @return this builder
	 * @see ReloadableSocks5ServerRegistry
	 */
	public Socks5ServerRegistryBuilder allowEmptyReload(boolean allowed) {
		this.emptyReloadAllowed = allowed;
		return this;
	}

	/**
	 * Opt in to routing a host name that no name-fragment rule matches by the rule of the
	 * address it resolves to, as {@code socks5_getserv} routes the address its caller
	 * resolved; the name is still what the SOCKS5 server is sent. Without it (the
	 * default), or when the name cannot be resolved here, such a name takes the route of
	 * the {@code 0.0.0.0/0} rule (else of {@code ::/0}), as for a proxy that alone
	 * resolves names.
	 * @param forwardLookup the lookup, usually {@link Socks5ForwardLookup#system()};
	 * {@code null} for none
	 * @return this builder
	 */
	public Socks5ServerRegistryBuilder forwardLookup(@Nullable Socks5ForwardLookup forwardLookup) {
		this.forwardLookup = forwardLookup;
		return this;
	}

	/**
	 * Read the sources and build an immutable registry.
	 * @return the registry
	 * @throws IOException if a source cannot be read or is refused (a file that is not a
	 * regular file, is too large or is not UTF-8)
	 * @throws Socks5ConfigException if a rule is malformed or names an unknown server
	 */
	public Socks5RuleSet build() throws IOException {
		return loader().load();
	}

	/**
	 * Read the sources and build a registry that can read them again and swap its rules.
	 * Sources without any rule are accepted at this first load (every destination is then
	 * direct); see {@link ReloadableSocks5ServerRegistry} for what reloads accept.
	 * @return the registry
	 * @throws IOException if a source cannot be read or is refused (a file that is not a
	 * regular file, is too large or is not UTF-8)
	 * @throws Socks5ConfigException if a rule is malformed or names an unknown server
	 */
	public ReloadableSocks5ServerRegistry buildReloadable() throws IOException {
		RuleSetLoader loader = loader();
		return new ReloadableSocks5ServerRegistry(loader, loader.load(), this.emptyReloadAllowed, Clock.systemUTC());
	}

	private RuleSetLoader loader() {
		return new RuleSetLoader(this.sources, this.resolver, this.reverseLookup, this.forwardLookup, this.disabled);
	}

}
