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
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Reports a {@link Socks5UdpConfigurationException}: the property, its value, where the
 * value came from, what is wrong and the fix.
 * <p>
 * Ordered before Spring Boot's analyzer of
 * {@code InvalidConfigurationPropertyValueException}, which would report the same failure
 * with the raw value from the environment (a password too) and a generic action.
 *
 * @author socks5-udp authors
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class Socks5UdpConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<Socks5UdpConfigurationException> {

	private final Environment environment;

	/**
	 * Create an analyzer.
	 * @param environment the environment of the application that failed, where the origin
	 * of a value is looked up, or {@code null} when there is none
	 */
	Socks5UdpConfigurationFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, Socks5UdpConfigurationException cause) {
		StringBuilder description = new StringBuilder("Invalid SOCKS5 UDP configuration:\n\n");
		description.append("    Property: ").append(cause.property()).append('\n');
		if (cause.value() != null) {
			description.append("    Value: ").append(cause.value()).append('\n');
		}
		Origin origin = origin(cause.property());
		if (origin != null) {
			description.append("    Origin: ").append(origin).append('\n');
		}
		description.append("    Reason: ").append(cause.problem()).append('\n');
		return new FailureAnalysis(description.toString(), cause.action(), cause);
	}

	/**
	 * Where the property got its value: the source of highest precedence that has it, as
	 * the binder saw it (relaxed names, environment variables included). None for a name
	 * that is not a property, such as an environment variable read directly.
	 */
	private @Nullable Origin origin(String property) {
		ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property);
		if (name == null || !(this.environment instanceof ConfigurableEnvironment)) {
			return null;
		}
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty candidate = source.getConfigurationProperty(name);
			if (candidate != null) {
				return candidate.getOrigin();
			}
		}
		return null;
	}

}
