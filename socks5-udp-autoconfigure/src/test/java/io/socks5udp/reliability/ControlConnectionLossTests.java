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

package io.socks5udp.reliability;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.socks5udp.core.protocol.Socks5ReplyCode;
import io.socks5udp.health.Socks5UdpHealthIndicator;
import io.socks5udp.metrics.Socks5UdpMetrics;
import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.Socks5UdpRoute;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When the control connection of the template's association ends, closed (FIN) or reset
 * (RST), or the relay goes away altogether: the association is marked dead at once,
 * health goes DOWN, and the template re-associates with backoff, not in a tight loop,
 * until the relay takes it again, on a new relay address.
 *
 * @author socks5-udp authors
 */
@Timeout(60)
class ControlConnectionLossTests {

	/**
	 * How soon the template must know; the control connection's watcher reads the end of
	 * the stream, so this is a bound on scheduling, not on a timer.
	 */
	private static final Duration NOTICED_WITHIN = Duration.ofMillis(100);

	/**
	 * How long the relay refuses; with 100 ms doubling (20 % jitter) attempts fall near
	 * 0.1, 0.2, 0.4, 0.8 and 1.6 s after the death.
	 */
	private static final Duration REFUSING = Duration.ofMillis(1500);

	private static final int MAX_ATTEMPTS_WHILE_REFUSING = 6;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final AssociationTimeline timeline = new AssociationTimeline();

	private final BlockingQueue<Echo> echoes = new LinkedBlockingQueue<>();

	private EmbeddedSocks5Relay relay;

	private UdpEchoServer echo;

	private Socks5UdpTemplate template;

	@BeforeEach
	void startPeers() throws IOException {
		this.relay = EmbeddedSocks5Relay.builder().build().start();
		this.echo = UdpEchoServer.startIpv4();
	}

	@AfterEach
	void stopAll() {
		if (this.template != null) {
			this.template.stop();
		}
		this.relay.close();
		this.echo.close();
	}

	@ParameterizedTest(name = "reset={0}")
	@ValueSource(booleans = { false, true })
	void endOfTheControlConnectionIsNoticedAtOnceAndRetriedWithBackoff(boolean reset) throws Exception {
		ManagedAssociation association = startTemplate();
		Socks5UdpHealthIndicator health = new Socks5UdpHealthIndicator(association);
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		InetSocketAddress firstRelay = association.status().relayAddress();
		this.relay.faults().replyCode(Socks5ReplyCode.GENERAL_FAILURE);
		long refusedBefore = this.relay.counters().associationsRefused();
		assertThat(this.relay.closeControlConnections(reset)).isEqualTo(1);
		awaitDownWithinBound(health);
		Throwable cause = this.timeline.awaitDied().cause();
		assertThat(cause).hasMessageContaining("is closed");
		assertRetriedWithBackoff(() -> this.relay.counters().associationsRefused() - refusedBefore);
		Health down = health.health();
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("error", "S5_ESRVFAIL")
			.containsEntry("replyCode", "GENERAL_FAILURE(0x01)")
			.containsKeys("since", "failedAttempts", "nextAttemptAt");
		this.relay.faults().reset();
		assertReassociatedOnANewRelay(association, health, firstRelay);
	}

	@Test
	void relayThatIsGoneIsRetriedWithBackoffUntilItListensAgain() throws Exception {
		ManagedAssociation association = startTemplate();
		Socks5UdpHealthIndicator health = new Socks5UdpHealthIndicator(association);
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		InetSocketAddress firstRelay = association.status().relayAddress();
		int port = this.relay.port();
		this.relay.close();
		awaitDownWithinBound(health);
		this.timeline.awaitDied();
		assertRetriedWithBackoff(() -> this.timeline.failedAttempts());
		Health down = health.health();
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("error", ConnectException.class.getSimpleName())
			.doesNotContainKey("replyCode")
			.containsKey("nextAttemptAt");
		assertThat((Integer) down.getDetails().get("failedAttempts")).isGreaterThanOrEqualTo(3);
		this.relay = EmbeddedSocks5Relay.builder().port(port).build().start();
		assertReassociatedOnANewRelay(association, health, firstRelay);
	}

	private ManagedAssociation startTemplate() throws InterruptedException {
		this.template = TemplateFixtures.builder(this.relay.host(), this.relay.port())
			.reconnectBackoff(TemplateFixtures.backoff(Duration.ofSeconds(30)))
			.build();
		new Socks5UdpMetrics(this.template).bindTo(this.meters);
		this.template.addAssociationListener(this.timeline);
		this.template.addListener((source, payload, route) -> this.echoes
			.add(new Echo(StandardCharsets.US_ASCII.decode(payload).toString(), route)));
		this.template.start();
		assertThat(this.timeline.awaitOpened().reconnect()).isFalse();
		return this.template.associations().get(TemplateFixtures.SERVER);
	}

	private void awaitDownWithinBound(Socks5UdpHealthIndicator health) {
		// Polled on this thread from the moment the connection ended: the bound covers
		// the watcher noticing, not a poller starting
		await().pollInSameThread()
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(1))
			.atMost(NOTICED_WITHIN)
			.until(() -> health.health().getStatus(), Status.DOWN::equals);
	}

	private void assertRetriedWithBackoff(LongSupplier attempts) {
		await().atMost(AssociationTimeline.TIMEOUT).until(attempts::getAsLong, (count) -> count >= 3);
		await().during(REFUSING)
			.atMost(REFUSING.plusSeconds(5))
			.until(attempts::getAsLong, (count) -> count <= MAX_ATTEMPTS_WHILE_REFUSING);
		// Every attempt is seen alike by the relay (or the client), the listeners and the
		// reconnects meter
		await().atMost(AssociationTimeline.TIMEOUT)
			.until(() -> attempts.getAsLong() == this.timeline.failedAttempts()
					&& attempts.getAsLong() == (long) reconnectFailures());
		assertThat(attempts.getAsLong()).isBetween(3L, (long) MAX_ATTEMPTS_WHILE_REFUSING + 1);
	}

	private double reconnectFailures() {
		return this.meters.find("socks5.udp.reconnects")
			.tag("outcome", "failure")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private void assertReassociatedOnANewRelay(ManagedAssociation association, Socks5UdpHealthIndicator health,
			InetSocketAddress firstRelay) throws InterruptedException {
		assertThat(this.timeline.awaitOpened().reconnect()).isTrue();
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		InetSocketAddress newRelay = association.status().relayAddress();
		assertThat(newRelay).isNotNull().isNotEqualTo(firstRelay);
		Socks5UdpRoute route = this.template.send("127.0.0.1", this.echo.port(),
				ByteBuffer.wrap("back".getBytes(StandardCharsets.US_ASCII)));
		assertThat(route.relayAddress()).isEqualTo(newRelay);
		Echo back = this.echoes.poll(AssociationTimeline.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(back).as("echo through the new association").isNotNull();
		assertThat(back.text()).isEqualTo("back");
		assertThat(back.route().relayAddress()).isEqualTo(newRelay);
		assertThat(this.timeline.deaths()).isEqualTo(1);
		assertThat(this.timeline.reconnects()).isEqualTo(1);
	}

	private record Echo(String text, Socks5UdpRoute route) {

	}

}
