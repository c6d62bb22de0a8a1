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

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finds the {@link Socks5UdpConfigurationException} that failed a context.
 *
 * @author socks5-udp authors
 */
final class ConfigurationFailures {

	private ConfigurationFailures() {
	}

	static Socks5UdpConfigurationException of(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		while (failure != null && !(failure instanceof Socks5UdpConfigurationException)) {
			failure = failure.getCause();
		}
		assertThat(failure).as("a Socks5UdpConfigurationException among the causes").isNotNull();
		return (Socks5UdpConfigurationException) failure;
	}

}
