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

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.registry.ReloadableSocks5ServerRegistry;
import io.socks5udp.core.registry.Socks5Rule;
import io.socks5udp.core.registry.Socks5RuleSet;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.template.ReconnectBackoff;
import io.socks5udp.template.Socks5AssociationOptionsCustomizer;
import io.socks5udp.template.Socks5UdpChannelCustomizer;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.template.Socks5UdpTemplateBuilder;
import io.socks5udp.template.Socks5UdpTemplateCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.io.ApplicationResourceLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configuration for SOCKS5 UDP: properties, then connection details, then the server
 * registry, then the {@link Socks5UdpTemplate}. No I/O but reading the rules file happens
 * here; associations open when the template starts.
 *
 * @author socks5-udp authors
 */
@AutoConfiguration
@ConditionalOnClass(Socks5UdpTemplate.class)
@ConditionalOnBooleanProperty(name = "socks5.udp.enabled", matchIfMissing = true)
@EnableConfigurationProperties(Socks5UdpProperties.class)
@ImportRuntimeHints(Socks5UdpRuntimeHints.class)
public final class Socks5UdpAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(Socks5UdpConnectionDetails.class)
	PropertiesSocks5UdpConnectionDetails socks5UdpConnectionDetails(Socks5UdpProperties properties) {
		return new PropertiesSocks5UdpConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean(Socks5ServerRegistry.class)
	@ConditionalOnBooleanProperty(name = Socks5UdpRegistryFactory.WATCH_PROPERTY, havingValue = false,
			matchIfMissing = true)
	Socks5RuleSet socks5ServerRegistry(Socks5UdpProperties properties, Socks5UdpConnectionDetails connectionDetails,
			Environment environment, ResourceLoader resourceLoader) {
		return new Socks5UdpRegistryFactory(properties, Socks5UdpServerOptions.endpoints(connectionDetails),
				environment, ApplicationResourceLoader.get(resourceLoader, true))
			.create();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(Socks5ServerRegistry.class)
	@ConditionalOnBooleanProperty(Socks5UdpRegistryFactory.WATCH_PROPERTY)
	ReloadableSocks5ServerRegistry socks5ReloadableServerRegistry(Socks5UdpProperties properties,
			Socks5UdpConnectionDetails connectionDetails, Environment environment, ResourceLoader resourceLoader) {
		return new Socks5UdpRegistryFactory(properties, Socks5UdpServerOptions.endpoints(connectionDetails),
				environment, ApplicationResourceLoader.get(resourceLoader, true))
			.createReloadable();
	}

	@Bean
	@ConditionalOnBooleanProperty(Socks5UdpRegistryFactory.WATCH_PROPERTY)
	Socks5UdpRegistryWatcher socks5UdpRegistryWatcher(Socks5ServerRegistry registry) {
		if (!(registry instanceof ReloadableSocks5ServerRegistry reloadable)) {
			throw new Socks5UdpConfigurationException(Socks5UdpRegistryFactory.WATCH_PROPERTY, "true",
					"the application's own Socks5ServerRegistry bean (" + registry.getClass().getName()
							+ ") cannot reload a file",
					"Remove " + Socks5UdpRegistryFactory.WATCH_PROPERTY
							+ ", or define a ReloadableSocks5ServerRegistry.",
					null);
		}
		return new Socks5UdpRegistryWatcher(reloadable);
	}

	@Bean
	@ConditionalOnMissingBean
	Socks5UdpTemplate socks5UdpTemplate(Socks5UdpProperties properties, Socks5UdpConnectionDetails connectionDetails,
			Socks5ServerRegistry registry, ObjectProvider<Socks5AssociationOptionsCustomizer> optionsCustomizers,
			ObjectProvider<Socks5UdpChannelCustomizer> channelCustomizers,
			ObjectProvider<Socks5UdpTemplateCustomizer> templateCustomizers) {
		Map<String, Socks5AssociationOptions> servers = Socks5UdpServerOptions.create(properties, connectionDetails);
		Socks5UdpTemplateBuilder builder = Socks5UdpTemplate.builder(registry)
			.reconnectBackoff(backoff(properties.getReconnect()))
			.outage(properties.getOutage().getSendPolicy(), maxWait(properties.getOutage()))
			.idleTimeout(idleTimeout(properties))
			.failoverRetryAfter(failoverRetryAfter(properties))
			.failFast(properties.isFailFast())
			.optionsCustomizers(optionsCustomizers.orderedStream().toList())
			.channelCustomizers(channelCustomizers.orderedStream().toList());
		Set<String> names = new LinkedHashSet<>(servers.keySet());
		servers.forEach(builder::server);
		if (registry instanceof Socks5RuleSet ruleSet) {
			names.addAll(addRuleServers(builder, ruleSet, servers));
		}
		else if (registry instanceof ReloadableSocks5ServerRegistry reloadable) {
			names.addAll(addRuleServers(builder, reloadable.current(), servers));
		}
		builder.warmServers(warmServers(properties, names));
		Socks5UdpTemplate template = builder.build();
		templateCustomizers.orderedStream().forEach((customizer) -> customizer.customize(template));
		return template;
	}

	private static Set<String> addRuleServers(Socks5UdpTemplateBuilder builder, Socks5RuleSet ruleSet,
			Map<String, Socks5AssociationOptions> servers) {
		Set<String> added = new LinkedHashSet<>();
		for (Socks5Rule rule : ruleSet.rules()) {
			Socks5ServerEndpoint endpoint = rule.server().endpoint();
			if (endpoint != null && !servers.containsKey(endpoint.name()) && added.add(endpoint.name())) {
				builder.server(endpoint.name(),
						Socks5AssociationOptions.builder(endpoint.host(), endpoint.port())
							.name(endpoint.name())
							.build());
			}
		}
		return added;
	}

	/**
	 * The servers to associate at startup: those listed in warm-servers or marked warm,
	 * or every server with the deprecated associate-on-startup.
	 */
	@SuppressWarnings("deprecation")
	private static Set<String> warmServers(Socks5UdpProperties properties, Set<String> names) {
		if (properties.isAssociateOnStartup()) {
			return names;
		}
		Set<String> warm = new LinkedHashSet<>();
		properties.getServers().forEach((name, server) -> {
			if (server.isWarm()) {
				warm.add(name);
			}
		});
		for (String name : properties.getWarmServers()) {
			if (name == null || !names.contains(name)) {
				throw invalid("socks5.udp.warm-servers", name, "warm server '" + name + "' is not configured",
						"names of configured servers or of servers the rules name, among " + names);
			}
			warm.add(name);
		}
		return warm;
	}

	private static Duration idleTimeout(Socks5UdpProperties properties) {
		Duration idleTimeout = properties.getIdleTimeout();
		if (idleTimeout == null || idleTimeout.isNegative()) {
			throw invalid("socks5.udp.idle-timeout", idleTimeout, "idleTimeout: " + idleTimeout + " (expected: >= 0)",
					"a duration such as 5m, or 0 to keep associations open");
		}
		return idleTimeout;
	}

	private static Duration failoverRetryAfter(Socks5UdpProperties properties) {
		Duration retryAfter = properties.getFailover().getRetryAfter();
		if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
			throw invalid("socks5.udp.failover.retry-after", retryAfter,
					"retryAfter: " + retryAfter + " (expected: positive)", "a duration such as 10s");
		}
		return retryAfter;
	}

	private static ReconnectBackoff backoff(Socks5UdpReconnectProperties reconnect) {
		String prefix = "socks5.udp.reconnect.";
		Duration initialDelay = reconnect.getInitialDelay();
		Duration maxDelay = reconnect.getMaxDelay();
		if (initialDelay == null || initialDelay.isNegative()) {
			throw invalid(prefix + "initial-delay", initialDelay, "initialDelay: " + initialDelay + " (expected: >= 0)",
					"a duration such as 100ms");
		}
		if (maxDelay == null || maxDelay.compareTo(initialDelay) < 0) {
			throw invalid(prefix + "max-delay", maxDelay,
					"maxDelay: " + maxDelay + " (expected: >= initial-delay " + initialDelay + ")",
					"a duration no shorter than " + prefix + "initial-delay, such as 30s");
		}
		if (!(reconnect.getMultiplier() >= 1)) {
			throw invalid(prefix + "multiplier", reconnect.getMultiplier(),
					"multiplier: " + reconnect.getMultiplier() + " (expected: >= 1)",
					"a factor of at least 1, such as 2");
		}
		if (!(reconnect.getJitter() >= 0 && reconnect.getJitter() <= 1)) {
			throw invalid(prefix + "jitter", reconnect.getJitter(),
					"jitter: " + reconnect.getJitter() + " (expected: 0-1)", "a fraction from 0 to 1, such as 0.2");
		}
		Duration stableAfter = reconnect.getStableAfter();
		if (stableAfter == null || stableAfter.isNegative()) {
			throw invalid(prefix + "stable-after", stableAfter, "stableAfter: " + stableAfter + " (expected: >= 0)",
					"a duration such as 5s");
		}
		return new ReconnectBackoff(initialDelay, maxDelay, reconnect.getMultiplier(), reconnect.getJitter(),
				stableAfter);
	}

	private static Duration maxWait(Socks5UdpOutageProperties outage) {
		Duration maxWait = outage.getMaxWait();
		if (maxWait == null || maxWait.isNegative()) {
			throw invalid("socks5.udp.outage.max-wait", maxWait, "maxWait: " + maxWait + " (expected: >= 0)",
					"a duration such as 1s");
		}
		return maxWait;
	}

	private static Socks5UdpConfigurationException invalid(String property, Object value, String problem,
			String expected) {
		return new Socks5UdpConfigurationException(property, String.valueOf(value), problem,
				"Set " + property + " to " + expected + ".", null);
	}

	/**
	 * Masks SOCKS5 passwords in the configprops and env endpoints, even where they show
	 * values.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class Socks5UdpSanitizingConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "socks5UdpSanitizingFunction")
		SanitizingFunction socks5UdpSanitizingFunction() {
			return SanitizingFunction.sanitizeValue().ifKeyMatches(Socks5UdpSanitizingConfiguration::isPassword);
		}

		/**
		 * Whether a key is a server's password in any relaxed form: the property
		 * ({@code socks5.udp.servers.corp.password}, {@code servers[corp]}), the
		 * environment variable ({@code SOCKS5_UDP_SERVERS_CORP_PASSWORD}) or a mix; only
		 * letters and digits are compared, as relaxed binding does.
		 */
		static boolean isPassword(String key) {
			StringBuilder letters = new StringBuilder(key.length());
			for (int i = 0; i < key.length(); i++) {
				char c = key.charAt(i);
				if (Character.isLetterOrDigit(c)) {
					letters.append(Character.toLowerCase(c));
				}
			}
			String normalized = letters.toString();
			return normalized.startsWith("socks5udpservers") && normalized.endsWith("password");
		}

	}

}
