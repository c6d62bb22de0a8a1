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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.socks5udp.core.registry.ReloadableSocks5ServerRegistry;
import io.socks5udp.core.registry.Socks5ConfigException;
import io.socks5udp.core.registry.Socks5ConfigParser;
import io.socks5udp.core.registry.Socks5Destination;
import io.socks5udp.core.registry.Socks5ForwardLookup;
import io.socks5udp.core.registry.Socks5Rule;
import io.socks5udp.core.registry.Socks5RuleOrigin;
import io.socks5udp.core.registry.Socks5RuleSet;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.core.registry.Socks5ServerRegistryBuilder;
import io.socks5udp.core.registry.Socks5ServerResolver;
import io.socks5udp.core.registry.Socks5ServerSpec;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Builds the server registry from the {@code socks5.udp.rules} properties, then the
 * {@code socks5.udp.config-file} (or the file {@code SOCKS5C_CONFIG} names): for equal
 * destinations, properties win. With no rule from anywhere and exactly one server, that
 * server carries all traffic.
 *
 * @author socks5-udp authors
 */
final class Socks5UdpRegistryFactory {

	static final String RULES_PROPERTY = "socks5.udp.rules";

	static final String CONFIG_FILE_PROPERTY = "socks5.udp.config-file";

	static final String WATCH_PROPERTY = "socks5.udp.watch-config-file";

	static final String ENVIRONMENT_VARIABLE = Socks5ServerRegistryBuilder.CONFIG_ENVIRONMENT_VARIABLE;

	private static final String SINGLE_SERVER_SOURCE = "socks5.udp.servers (the only server carries all traffic)";

	private final Socks5UdpProperties properties;

	private final Map<String, Socks5ServerEndpoint> servers;

	private final Environment environment;

	private final ResourceLoader resourceLoader;

	Socks5UdpRegistryFactory(Socks5UdpProperties properties, Map<String, Socks5ServerEndpoint> servers,
			Environment environment, ResourceLoader resourceLoader) {
		this.properties = properties;
		this.servers = servers;
		this.environment = environment;
		this.resourceLoader = resourceLoader;
	}

	Socks5RuleSet create() {
		return build(Socks5ServerRegistryBuilder::build);
	}

	/**
	 * Build a registry that can reload its file, for
	 * {@code socks5.udp.watch-config-file}.
	 * @return the registry, not yet watching
	 * @throws Socks5UdpConfigurationException if no file gives rules to watch
	 */
	ReloadableSocks5ServerRegistry createReloadable() {
		ReloadableSocks5ServerRegistry registry = build(Socks5ServerRegistryBuilder::buildReloadable);
		if (registry.files().isEmpty()) {
			throw new Socks5UdpConfigurationException(WATCH_PROPERTY, "true",
					"no socks5c.conf file to watch: " + CONFIG_FILE_PROPERTY + " is unset or not a file, and "
							+ ENVIRONMENT_VARIABLE + " names none",
					"Set " + CONFIG_FILE_PROPERTY + " to a file (file:/etc/socks5c.conf), or set " + WATCH_PROPERTY
							+ "=false.",
					null);
		}
		return registry;
	}

	private <R> R build(RegistryBuild<R> build) {
		List<Socks5Rule> rules = propertyRules();
		Socks5ServerRegistryBuilder builder = Socks5ServerRegistry.builder()
			.resolver(Socks5ServerResolver.of(this.servers))
			.forwardLookup(this.properties.isResolveNamesLocally() ? Socks5ForwardLookup.system() : null);
		String configFile = this.properties.getConfigFile();
		String variable = this.properties.isUseSocks5cConfig() ? this.environment.getProperty(ENVIRONMENT_VARIABLE)
				: null;
		if (rules.isEmpty() && configFile == null && variable == null && this.servers.size() == 1) {
			rules = singleServerRules(this.servers.keySet().iterator().next());
		}
		builder.rules(RULES_PROPERTY, rules);
		if (configFile != null) {
			addConfigFile(builder, configFile);
		}
		else if (variable != null) {
			builder.environment(Map.of(ENVIRONMENT_VARIABLE, variable));
		}
		try {
			return build.build(builder);
		}
		catch (IOException ex) {
			throw (configFile != null) ? unreadableConfigFile(configFile, ex) : unreadableEnvironmentFile(variable, ex);
		}
		catch (Socks5ConfigException ex) {
			throw configError(ex, configFile);
		}
	}

	@FunctionalInterface
	private interface RegistryBuild<R> {

		R build(Socks5ServerRegistryBuilder builder) throws IOException;

	}

	private List<Socks5Rule> propertyRules() {
		List<Socks5Rule> rules = new ArrayList<>();
		List<Socks5UdpRuleProperties> configured = this.properties.getRules();
		for (int i = 0; i < configured.size(); i++) {
			rules.addAll(propertyRule(RULES_PROPERTY + "[" + i + "]", configured.get(i)));
		}
		return rules;
	}

	/**
	 * Return the records of one rule: one for a server, one per server of a list (the
	 * registry reads records of one source with the same destination as alternatives).
	 */
	private List<Socks5Rule> propertyRule(String source, Socks5UdpRuleProperties rule) {
		Socks5ConfigParser parser = Socks5ConfigParser.withLogicalNames();
		String destination = required(source + ".destination", rule.getDestination(),
				"an address with an optional prefix length such as 10.0.0.0/8, or a name suffix such as"
						+ " .example.com");
		try {
			Socks5Destination.parse(destination.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new Socks5UdpConfigurationException(source + ".destination", destination,
					Objects.requireNonNullElse(ex.getMessage(), ex.toString()),
					"Set " + source + ".destination to an IPv4 or IPv6 address with an optional /prefixlength"
							+ " (10.0.0.0/8, 2001:db8::/32) or a host name suffix (.example.com).",
					ex);
		}
		List<String> servers = rule.getServers();
		if (servers.isEmpty()) {
			String server = required(source + ".server", rule.getServer(),
					"NONE, a server name" + knownNames() + ", or host:port; or a list in " + source + ".servers");
			checkServer(parser, source + ".server", server);
			if (rule.isSpread()) {
				throw new Socks5UdpConfigurationException(source + ".spread", "true",
						"spreading needs two or more servers (expected: a list in " + source + ".servers)",
						"List the servers to spread over in " + source + ".servers, or remove " + source + ".spread.",
						null);
			}
			return List.of(parser.parseRule(source, 0, destination, server));
		}
		if (rule.getServer() != null) {
			throw new Socks5UdpConfigurationException(source + ".server", rule.getServer(),
					"set together with " + source + ".servers (expected: one of them)",
					"Remove " + source + ".server, or move it to the head of " + source + ".servers.", null);
		}
		List<Socks5Rule> alternatives = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < servers.size(); i++) {
			String property = source + ".servers[" + i + "]";
			String server = required(property, servers.get(i), "a server name" + knownNames() + ", or host:port");
			if (Socks5ServerSpec.NONE.equalsIgnoreCase(server.strip())) {
				throw new Socks5UdpConfigurationException(property, server,
						"NONE in a list of servers (expected: a server name or host:port; traffic that a rule"
								+ " sends through servers never goes direct)",
						"Remove NONE from " + source + ".servers, or make a rule with server NONE.", null);
			}
			checkServer(parser, property, server);
			if (!seen.add(server.strip())) {
				throw new Socks5UdpConfigurationException(property, server,
						"'" + server.strip() + "' is already in the list (expected: each server once)",
						"Remove the repeated server from " + source + ".servers.", null);
			}
			Socks5Rule alternative = parser.parseRule(source, 0, destination, server);
			alternatives.add((rule.isSpread() && i == 0) ? alternative.withSpreading() : alternative);
		}
		if (rule.isSpread() && servers.size() < 2) {
			throw new Socks5UdpConfigurationException(source + ".spread", "true",
					"spreading needs two or more servers (expected: a list in " + source + ".servers)",
					"Add servers to " + source + ".servers, or remove " + source + ".spread.", null);
		}
		return alternatives;
	}

	private void checkServer(Socks5ConfigParser parser, String property, String server) {
		try {
			parser.parseServer(server.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new Socks5UdpConfigurationException(property, server,
					Objects.requireNonNullElse(ex.getMessage(), ex.toString()),
					"Set " + property + " to NONE, the name of a server" + knownNames() + ", or host:port.", ex);
		}
	}

	private static List<Socks5Rule> singleServerRules(String name) {
		Socks5ServerSpec server = Socks5ServerSpec.named(name);
		Socks5RuleOrigin origin = new Socks5RuleOrigin(SINGLE_SERVER_SOURCE, 0);
		return List.of(Socks5Rule.of(Socks5Destination.parse("0.0.0.0/0"), server, origin),
				Socks5Rule.of(Socks5Destination.parse("::/0"), server, origin));
	}

	private void addConfigFile(Socks5ServerRegistryBuilder builder, String location) {
		Resource resource = this.resourceLoader.getResource(location);
		if (!resource.exists()) {
			throw unreadableConfigFile(location, new IOException("no such file"));
		}
		try {
			if (resource.isFile()) {
				builder.file(resource.getFile().toPath());
			}
			else {
				builder.text(location, resource.getContentAsString(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw unreadableConfigFile(location, ex);
		}
	}

	private String knownNames() {
		return this.servers.isEmpty() ? "" : " (" + String.join(", ", this.servers.keySet()) + ")";
	}

	private static String required(String property, @Nullable String value, String expected) {
		if (value == null || value.isBlank()) {
			throw new Socks5UdpConfigurationException(property, value, "must be set (expected: " + expected + ")",
					"Set " + property + ", or remove the rule.", null);
		}
		return value;
	}

	private static Socks5UdpConfigurationException unreadableConfigFile(String location, IOException ex) {
		return new Socks5UdpConfigurationException(CONFIG_FILE_PROPERTY, location,
				"cannot read '" + location + "': " + describe(ex),
				"Make the file readable by the application, or point " + CONFIG_FILE_PROPERTY
						+ " at a socks5c.conf file that exists (or remove it).",
				ex);
	}

	private static Socks5UdpConfigurationException unreadableEnvironmentFile(@Nullable String variable,
			IOException ex) {
		return new Socks5UdpConfigurationException(ENVIRONMENT_VARIABLE + " (environment variable)", variable,
				"cannot read the file it names, nor " + Socks5ServerRegistryBuilder.DEFAULT_CONFIG_FILE + ": "
						+ describe(ex),
				"Point " + ENVIRONMENT_VARIABLE + " at a readable socks5c.conf file, set " + CONFIG_FILE_PROPERTY
						+ " instead, or set socks5.udp.use-socks5c-config=false to ignore the variable.",
				ex);
	}

	private Socks5UdpConfigurationException configError(Socks5ConfigException ex, @Nullable String configFile) {
		String source = ex.source();
		if (source.startsWith(RULES_PROPERTY + "[")) {
			String property = ruleServerProperty(source, ex.text());
			return new Socks5UdpConfigurationException(property, ex.text(), ex.problem(),
					"Set " + property + " to NONE, the name of a server" + knownNames()
							+ " (define it under socks5.udp.servers), or host:port.",
					ex);
		}
		if (source.equals(SINGLE_SERVER_SOURCE)) {
			return new Socks5UdpConfigurationException("socks5.udp.servers", ex.text(), ex.problem(),
					"Check the server's definition under socks5.udp.servers.", ex);
		}
		boolean fromFile = configFile != null;
		String property = fromFile ? CONFIG_FILE_PROPERTY : ENVIRONMENT_VARIABLE + " (environment variable)";
		String where = (ex.line() > 0) ? "line " + ex.line() + " of " + source : source;
		return new Socks5UdpConfigurationException(property, fromFile ? configFile : source,
				Objects.requireNonNullElse(ex.getMessage(), ex.toString()),
				"Correct " + where + " (records are '<destination>[/<prefixlength>] <server>[:<port>]', server NONE"
						+ " for direct), or point " + property + " at another file.",
				ex);
	}

	/**
	 * Return the property that gave the server of a property rule's record: its server,
	 * or the entry of its list of servers.
	 */
	private String ruleServerProperty(String source, String text) {
		List<Socks5UdpRuleProperties> rules = this.properties.getRules();
		for (int i = 0; i < rules.size(); i++) {
			if (source.equals(RULES_PROPERTY + "[" + i + "]")) {
				List<String> servers = rules.get(i).getServers();
				for (int j = 0; j < servers.size(); j++) {
					if (text.equals(rules.get(i).getDestination() + " " + servers.get(j))) {
						return source + ".servers[" + j + "]";
					}
				}
			}
		}
		return source + ".server";
	}

	private static String describe(IOException ex) {
		String message = ex.getMessage();
		String type = ex.getClass().getSimpleName();
		return (message != null) ? type + " (" + message + ")" : type;
	}

}
