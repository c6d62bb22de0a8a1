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

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.protocol.Socks5Credentials;
import io.socks5udp.core.protocol.Socks5ReplyCode;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.ManagedAssociationListener;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5UdpHealthIndicator}, against the embedded relay.
 *
 * @author socks5-udp authors
 */
class Socks5UdpHealthIndicatorTests {

	private EmbeddedSocks5Relay relay;

	private Socks5UdpTemplate template;

	@AfterEach
	void stop() {
		if (this.template != null) {
			this.template.stop();
		}
		if (this.relay != null) {
			this.relay.close();
		}
	}

	@Test
	void upWithRelayAddressAndAssociationAge() throws Exception {
		this.relay = EmbeddedSocks5Relay.builder().build().start();
		ManagedAssociation association = startAndAwait(options(null), true);
		Instant later = association.status().openedAt().plusSeconds(90);
		Health health = new Socks5UdpHealthIndicator(association, Clock.fixed(later, ZoneOffset.UTC)).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("server", "127.0.0.1:" + this.relay.port())
			.containsEntry("state", "UP")
			.containsEntry("relayAddress", String.valueOf(association.status().relayAddress()))
			.containsEntry("associationAge", "PT1M30S")
			.containsKey("associatedAt");
	}

	@Test
	void downWithTheAuthenticationFailureNamed() throws Exception {
		this.relay = EmbeddedSocks5Relay.builder().user("alice", "right").build().start();
		ManagedAssociation association = startAndAwait(options(new Socks5Credentials("alice", "wrong")), false);
		Health health = new Socks5UdpHealthIndicator(association).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "S5_EAUTH")
			.containsEntry("state", "DOWN")
			.containsKeys("since", "message", "nextAttemptAt");
		assertThat((int) health.getDetails().get("failedAttempts")).isPositive();
		assertThat(health.getDetails().toString()).doesNotContain("wrong");
	}

	@Test
	void downWithTheReplyCodeOfARefusal() throws Exception {
		this.relay = EmbeddedSocks5Relay.builder().build().start();
		this.relay.faults().replyCode(Socks5ReplyCode.CONNECTION_NOT_ALLOWED);
		ManagedAssociation association = startAndAwait(options(null), false);
		Health health = new Socks5UdpHealthIndicator(association).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "S5_EPERM")
			.containsEntry("replyCode", "CONNECTION_NOT_ALLOWED(0x02)");
	}

	@Test
	void unknownBeforeALazyAssociationIsUsedAndOutOfServiceWhenStopped() throws Exception {
		this.relay = EmbeddedSocks5Relay.builder().build().start();
		this.template = Socks5UdpTemplate.builder(Socks5ServerRegistry.direct())
			.server("relay", options(null))
			.associateOnStartup(false)
			.build();
		this.template.start();
		Socks5UdpHealthIndicator indicator = new Socks5UdpHealthIndicator(this.template.associations().get("relay"));
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(indicator.health().getDetails()).containsEntry("state", "IDLE")
			.containsEntry("association", "not associated: opens on the first datagram routed to this server");
		this.template.stop();
		assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
	}

	private ManagedAssociation startAndAwait(Socks5AssociationOptions options, boolean success) throws Exception {
		CompletableFuture<Boolean> outcome = new CompletableFuture<>();
		this.template = Socks5UdpTemplate.builder(Socks5ServerRegistry.direct())
			.server("relay", options)
			.warmServers(List.of("relay"))
			.build();
		this.template.addAssociationListener(new ManagedAssociationListener() {

			@Override
			public void opened(ManagedAssociation association, Duration handshake, boolean reconnect) {
				outcome.complete(true);
			}

			@Override
			public void openFailed(ManagedAssociation association, Duration elapsed, Throwable failure,
					boolean reconnect) {
				outcome.complete(false);
			}

		});
		this.template.start();
		assertThat(outcome.get(20, TimeUnit.SECONDS)).isEqualTo(success);
		return this.template.associations().get("relay");
	}

	private Socks5AssociationOptions options(Socks5Credentials credentials) throws IOException {
		return Socks5AssociationOptions.builder(this.relay.host(), this.relay.port())
			.credentials(credentials)
			.name("relay")
			.build();
	}

}
