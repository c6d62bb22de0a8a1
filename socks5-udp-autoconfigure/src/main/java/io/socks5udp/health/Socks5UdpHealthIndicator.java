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

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.ManagedAssociationStatus;
import io.socks5udp.template.Socks5UdpErrors;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.Assert;

/**
 * Health of the association with one SOCKS5 server, from its cached state: no handshake
 * or datagram per probe. {@code UP} with the relay address and the association's age;
 * {@code DOWN}, while re-associating, with the last error (its {@code S5_*} name and
 * reply code), since when and the next attempt; {@code UNKNOWN} while no association is
 * needed (not associated yet, or closed after the idle timeout), which does not make the
 * composite health DOWN; {@code OUT_OF_SERVICE} while the template is stopped.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpHealthIndicator extends AbstractHealthIndicator {

	private final ManagedAssociation association;

	private final Clock clock;

	/**
	 * Create an indicator.
	 * @param association the managed association to report on
	 */
	public Socks5UdpHealthIndicator(ManagedAssociation association) {
		this(association, Clock.systemUTC());
	}

	Socks5UdpHealthIndicator(ManagedAssociation association, Clock clock) {
		super("SOCKS5 UDP health check failed");
		Assert.notNull(association, "'association' must not be null");
		this.association = association;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		ManagedAssociationStatus status = this.association.status();
		builder.withDetail("server", status.serverAddress()).withDetail("state", status.state().name());
		switch (status.state()) {
			case UP -> builder.up()
				.withDetail("relayAddress", String.valueOf(status.relayAddress()))
				.withDetail("associatedAt", String.valueOf(status.openedAt()))
				.withDetail("associationAge", age(status).toString());
			case DOWN -> {
				builder.down().withDetail("since", String.valueOf(status.since()));
				if (status.lastError() != null) {
					builder.withDetail("error", Socks5UdpErrors.code(status.lastError()));
					String replyCode = Socks5UdpErrors.replyCode(status.lastError());
					if (replyCode != null) {
						builder.withDetail("replyCode", replyCode);
					}
					builder.withDetail("message", String.valueOf(status.lastError().getMessage()));
				}
				builder.withDetail("failedAttempts", status.failedAttempts());
				if (status.nextAttemptAt() != null) {
					builder.withDetail("nextAttemptAt", status.nextAttemptAt().toString());
				}
			}
			case STOPPED -> builder.status(Status.OUT_OF_SERVICE);
			case IDLE -> builder.unknown()
				.withDetail("since", String.valueOf(status.since()))
				.withDetail("association", "not associated: opens on the first datagram routed to this server");
			default -> builder.unknown().withDetail("since", String.valueOf(status.since()));
		}
	}

	private Duration age(ManagedAssociationStatus status) {
		if (status.openedAt() == null) {
			return Duration.ZERO;
		}
		Duration age = Duration.between(status.openedAt(), this.clock.instant()).truncatedTo(ChronoUnit.MILLIS);
		return age.isNegative() ? Duration.ZERO : age;
	}

}
