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

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * A configuration mistake found at startup: names the property (or environment variable),
 * what is wrong with its value and how to fix it. Spring Boot's
 * {@link InvalidConfigurationPropertyValueException}, so that anything that knows that
 * type knows this one; {@link Socks5UdpConfigurationFailureAnalyzer} turns it into a
 * startup report that adds where the value came from and the fix.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpConfigurationException extends InvalidConfigurationPropertyValueException {

	private static final long serialVersionUID = 1L;

	private final String action;

	private final @Nullable Throwable cause;

	/**
	 * Create an exception.
	 * @param property the property, for example {@code socks5.udp.servers.corp.port}
	 * @param value the offending value as text (masked for secrets), or {@code null}
	 * @param problem what is wrong, for example {@code port: 70000 (expected: 1-65535)}
	 * @param action how to fix it
	 * @param cause the underlying failure, or {@code null}
	 */
	public Socks5UdpConfigurationException(String property, @Nullable String value, String problem, String action,
			@Nullable Throwable cause) {
		super(property, value, problem);
		this.action = action;
		this.cause = cause;
	}

	/**
	 * Return the underlying failure. Kept here because the public constructor of Spring
	 * Boot's exception sets its cause to {@code null} for good.
	 * @return the underlying failure, or {@code null}
	 */
	@Override
	public @Nullable Throwable getCause() {
		return this.cause;
	}

	/**
	 * Return the property, or the environment variable, whose value is wrong.
	 * @return the property name
	 */
	public String property() {
		return getName();
	}

	/**
	 * Return the offending value, masked for secrets.
	 * @return the value, or {@code null}
	 */
	public @Nullable String value() {
		return (String) getValue();
	}

	/**
	 * Return what is wrong.
	 * @return the problem
	 */
	public String problem() {
		// Never null: the constructor passes the problem as the reason
		return Objects.requireNonNull(getReason());
	}

	/**
	 * Return how to fix it.
	 * @return the action
	 */
	public String action() {
		return this.action;
	}

}
