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

import io.socks5udp.core.protocol.Socks5ReplyCode;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.template.Socks5UdpServerUnavailableException;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Socks5UdpFailoverHealthIndicator}, against two embedded relays.
 *
 * @author socks5-udp authors
 */
class Socks5UdpFailoverHealthIndicatorTests {

	private EmbeddedSocks5Relay preferred;

	private EmbeddedSocks5Relay next;

	private UdpEchoServer echo;

	private Socks5UdpTemplate template;

	@BeforeEach
	void start() throws Exception {
		this.preferred = EmbeddedSocks5Relay.builder().build().start();
		this.next = EmbeddedSocks5Relay.builder().build().start();
		this.echo = UdpEchoServer.startIpv4();
		Socks5ServerRegistry registry = Socks5ServerRegistry.builder()
			.text("socks5c.conf", "127.0.0.1/32 " + name(this.preferred) + "\n127.0.0.1/32 " + name(this.next) + "\n")
			.build();
		this.template = Socks5UdpTemplate.builder(registry).build();
		this.template.start();
	}

	@AfterEach
	void stop() {
		this.template.stop();
		this.preferred.close();
		this.next.close();
		this.echo.close();
	}

	@Test
	void upWithNoRuleWithAlternativesUsedYet() {
		Health health = new Socks5UdpFailoverHealthIndicator(this.template).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).isEmpty();
	}

	@Test
	void tellsWhichServerCarriesTheRuleAndWhyTheOtherDoesNot() {
		this.preferred.faults().replyCode(Socks5ReplyCode.COMMAND_NOT_SUPPORTED);
		this.template.send("127.0.0.1", this.echo.port(), new byte[] { 1 });
		Health health = new Socks5UdpFailoverHealthIndicator(this.template).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		Map<String, Object> rule = details(health, name(this.preferred) + "," + name(this.next));
		assertThat(rule).containsEntry("carrier", name(this.next));
		Map<String, Object> servers = details(rule, "servers");
		assertThat(details(servers, name(this.preferred))).containsEntry("eligible", false)
			.containsEntry("state", "DOWN")
			.hasEntrySatisfying("reason", (reason) -> assertThat(reason.toString()).contains("S5_"));
		assertThat(details(servers, name(this.next))).containsEntry("eligible", true)
			.containsEntry("state", "UP")
			.containsEntry("reason", "carries the rule's traffic");
	}

	@Test
	void downWhenEveryServerOfARuleFailed() {
		this.preferred.faults().replyCode(Socks5ReplyCode.COMMAND_NOT_SUPPORTED);
		this.next.faults().replyCode(Socks5ReplyCode.CONNECTION_NOT_ALLOWED);
		assertThatExceptionOfType(Socks5UdpServerUnavailableException.class)
			.isThrownBy(() -> this.template.send("127.0.0.1", this.echo.port(), new byte[] { 1 }));
		Health health = new Socks5UdpFailoverHealthIndicator(this.template).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(details(health, name(this.preferred) + "," + name(this.next))).containsEntry("carrier", "null");
	}

	private static String name(EmbeddedSocks5Relay relay) {
		return "127.0.0.1:" + relay.port();
	}

	private static Map<String, Object> details(Health health, String key) {
		return details(health.getDetails(), key);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> details(Map<String, Object> details, String key) {
		assertThat(details).containsKey(key);
		return (Map<String, Object>) details.get(key);
	}

}
