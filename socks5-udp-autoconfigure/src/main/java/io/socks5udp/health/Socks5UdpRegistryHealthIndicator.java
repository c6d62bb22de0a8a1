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

package io.socks5udp.health;

import io.socks5udp.core.registry.ReloadableSocks5ServerRegistry;
import io.socks5udp.core.registry.Socks5ReloadStatus;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.util.Assert;

/**
 * Health of a watched socks5c.conf file: {@code UP} with the number of rules in use and
 * when they were loaded, and, after a reload that failed or was refused (the previous
 * rules stay in use, so traffic is routed as before), the reason, when and how many
 * reloads failed in a row. It stays {@code UP} then, so that a bad edit of the file does
 * not take a working application out of service; alert on {@code lastReload} =
 * {@code FAILED} or on the {@code socks5.udp.registry.reloads} meter with
 * {@code outcome=failure}.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpRegistryHealthIndicator extends AbstractHealthIndicator {

	private final ReloadableSocks5ServerRegistry registry;

	/**
	 * Create an indicator.
	 * @param registry the registry whose reloads to report
	 */
	public Socks5UdpRegistryHealthIndicator(ReloadableSocks5ServerRegistry registry) {
		super("SOCKS5 UDP registry health check failed");
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Socks5ReloadStatus status = this.registry.reloadStatus();
		builder.up()
			.withDetail("files", this.registry.files().toString())
			.withDetail("rules", status.ruleCount())
			.withDetail("loadedAt", String.valueOf(status.lastSuccess()))
			.withDetail("lastReload", status.outcome().name())
			.withDetail("failedReloads", status.failedReloads());
		if (status.failure() != null) {
			builder.withDetail("failure", status.failure())
				.withDetail("failedAt", String.valueOf(status.time()))
				.withDetail("consecutiveFailures", status.consecutiveFailures());
		}
	}

}
