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

import java.util.LinkedHashMap;
import java.util.Map;

import io.socks5udp.template.Socks5UdpFailoverStatus;
import io.socks5udp.template.Socks5UdpTemplate;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.util.Assert;

/**
 * Health of the rules with alternatives (several servers for one destination): per rule,
 * which server carries its traffic, and per server its state and why it carries the
 * traffic or does not. UP while every rule has a server to carry it (a rule carried by an
 * alternative still works: the failed server's own indicator tells of the failure), DOWN
 * when every server of some rule failed. Reports the template's cached state; does no
 * I/O.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpFailoverHealthIndicator extends AbstractHealthIndicator {

	private final Socks5UdpTemplate template;

	/**
	 * Create an indicator of the template's rules with alternatives.
	 * @param template the template
	 */
	public Socks5UdpFailoverHealthIndicator(Socks5UdpTemplate template) {
		super("SOCKS5 UDP failover health check failed");
		Assert.notNull(template, "'template' must not be null");
		this.template = template;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean carried = true;
		for (Socks5UdpFailoverStatus rule : this.template.failoverStatus().values()) {
			Map<String, Object> servers = new LinkedHashMap<>();
			for (Socks5UdpFailoverStatus.Server server : rule.servers()) {
				servers.put(server.name(), Map.of("state", server.state().name(), "eligible", server.eligible(),
						"reason", server.reason()));
			}
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("carrier", String.valueOf(rule.carrier()));
			details.put("servers", servers);
			builder.withDetail(rule.name(), details);
			carried &= rule.carrier() != null;
		}
		if (carried) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

}
