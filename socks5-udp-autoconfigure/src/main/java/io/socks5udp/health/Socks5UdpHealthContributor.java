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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.Socks5UdpTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.util.Assert;

/**
 * Health of every SOCKS5 server of a {@link Socks5UdpTemplate}: one
 * {@link Socks5UdpHealthIndicator} per server, keyed by the server's logical name.
 * Servers the template adds later (first used through a socks5c.conf rule) appear as they
 * come.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpHealthContributor implements CompositeHealthContributor {

	private final Socks5UdpTemplate template;

	private final Map<ManagedAssociation, Socks5UdpHealthIndicator> indicators = new ConcurrentHashMap<>();

	/**
	 * Create a contributor.
	 * @param template the template whose servers to report on
	 */
	public Socks5UdpHealthContributor(Socks5UdpTemplate template) {
		Assert.notNull(template, "'template' must not be null");
		this.template = template;
	}

	@Override
	public @Nullable HealthContributor getContributor(String name) {
		ManagedAssociation association = this.template.associations().get(name);
		return (association != null) ? indicator(association) : null;
	}

	@Override
	public Stream<Entry> stream() {
		return this.template.associations()
			.values()
			.stream()
			.map((association) -> new Entry(association.name(), indicator(association)));
	}

	private Socks5UdpHealthIndicator indicator(ManagedAssociation association) {
		return this.indicators.computeIfAbsent(association, Socks5UdpHealthIndicator::new);
	}

}
