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

package io.socks5udp.template;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5ReplyCode;
import io.socks5udp.observation.Socks5UdpAssociationObservationContext;
import io.socks5udp.observation.Socks5UdpRequestObservationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.socks5udp.template.TemplateFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TemplateObservations}: the observations a template with an
 * {@link ObservationRegistry} makes of association attempts and request/reply exchanges,
 * against the embedded relay, as the timers of Micrometer's meter handler show them.
 *
 * @author socks5-udp authors
 */
class TemplateObservationsTests {

	@RegisterExtension
	final TemplateFixture fixture = new TemplateFixture();

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final BlockingQueue<Observation.Context> stopped = new LinkedBlockingQueue<>();

	private final ObservationRegistry observations = ObservationRegistry.create();

	TemplateObservationsTests() {
		this.observations.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(this.meters))
			.observationHandler(new ObservationHandler<>() {

				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}

				@Override
				public void onStop(Observation.Context context) {
					TemplateObservationsTests.this.stopped.add(context);
				}

			});
	}

	@Test
	void firstAssociationAndRequestAreObservedWithTheConventionsKeys() throws Exception {
		Socks5UdpTemplate template = start(this.fixture.builder("127.0.0.1/32 relay"));
		Socks5Address echo = Socks5Address.of(this.fixture.echo().address());
		assertThat(template.sendAndReceive(echo, bytes("ping"), Duration.ofSeconds(20)).payload().remaining())
			.isEqualTo(4);
		assertThat(associateTimer("success", "false", "none")).isEqualTo(1);
		assertThat(requestTimer("relay", "success")).isEqualTo(1);
		Socks5UdpAssociationObservationContext attempt = next(Socks5UdpAssociationObservationContext.class);
		assertThat(attempt.getServerAddress()).isEqualTo("127.0.0.1:" + this.fixture.relay().port());
		assertThat(attempt.getRelayAddress()).startsWith("127.0.0.1:");
		assertThat(attempt.getHighCardinalityKeyValue("relay.address").getValue()).isEqualTo(attempt.getRelayAddress());
		Socks5UdpRequestObservationContext request = next(Socks5UdpRequestObservationContext.class);
		assertThat(request.getHighCardinalityKeyValue("destination").getValue()).isEqualTo(echo.toString());
	}

	@Test
	void failedAttemptsAndTheReassociationAreObserved() throws Exception {
		start(this.fixture.warmBuilder("127.0.0.1/32 relay")
			.reconnectBackoff(new ReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 2, 0)));
		this.fixture.events().awaitOpened();
		this.fixture.relay().faults().replyCode(Socks5ReplyCode.CONNECTION_NOT_ALLOWED);
		this.fixture.relay().closeControlConnections();
		this.fixture.events().awaitDied();
		this.fixture.events().awaitFailed();
		this.fixture.relay().faults().reset();
		this.fixture.awaitOpenedAgain();
		assertThat(associateTimer("success", "false", "none")).isEqualTo(1);
		assertThat(associateTimer("failure", "true", "S5_EPERM")).isPositive();
		assertThat(associateTimer("success", "true", "none")).isEqualTo(1);
	}

	@Test
	void requestWithoutReplyIsObservedAsTimedOut() throws Exception {
		Socks5UdpTemplate template = start(this.fixture.builder("127.0.0.1/32 relay"));
		try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
			Socks5Address target = Socks5Address.of("127.0.0.1", silent.getLocalPort());
			assertThatExceptionOfType(Socks5UdpReplyTimeoutException.class)
				.isThrownBy(() -> template.sendAndReceive(target, bytes("ping"), Duration.ofMillis(200)));
		}
		assertThat(requestTimer("relay", "timeout")).isEqualTo(1);
		assertThat(requestTimer("relay", "success")).isZero();
	}

	@Test
	void cancelledAsyncRequestIsObservedAsCancelled() throws Exception {
		Socks5UdpTemplate template = start(this.fixture.builder("127.0.0.1/32 relay"));
		try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
			CompletableFuture<Socks5UdpReply> reply = template.requestAsync(
					Socks5Address.of("127.0.0.1", silent.getLocalPort()), bytes("ping"), Duration.ofSeconds(20),
					Socks5UdpRoutePolicy.REQUIRE_SERVER);
			assertThat(reply.cancel(true)).isTrue();
		}
		assertThat(next(Socks5UdpRequestObservationContext.class).getOutcome())
			.isEqualTo(Socks5UdpRequestObservationContext.Outcome.CANCELLED);
		assertThat(requestTimer("relay", "cancelled")).isEqualTo(1);
	}

	@Test
	void directRequestIsObservedWithTheDirectServerName() throws Exception {
		Socks5UdpTemplate template = start(this.fixture.builder("127.0.0.1/32 NONE"));
		Socks5Address echo = Socks5Address.of(this.fixture.echo().address());
		template.sendAndReceive(echo, bytes("ping"), Duration.ofSeconds(20));
		assertThat(requestTimer("DIRECT", "success")).isEqualTo(1);
		assertThat(this.meters.find("socks5.udp.associate").timers()).isEmpty();
	}

	private Socks5UdpTemplate start(Socks5UdpTemplateBuilder builder) {
		Socks5UdpTemplate template = this.fixture.use(builder.build());
		template.setObservationRegistry(this.observations);
		template.addListener(this.fixture::record);
		template.addAssociationListener(this.fixture.events());
		template.start();
		return template;
	}

	private long associateTimer(String outcome, String reassociation, String code) {
		return this.meters.get("socks5.udp.associate")
			.tags("server", "relay", "outcome", outcome, "reassociation", reassociation, "code", code)
			.timer()
			.count();
	}

	private long requestTimer(String server, String outcome) {
		Timer timer = this.meters.find("socks5.udp.request").tags("server", server, "outcome", outcome).timer();
		return (timer != null) ? timer.count() : 0;
	}

	private <C extends Observation.Context> C next(Class<C> type) throws InterruptedException {
		while (true) {
			Observation.Context context = this.stopped.poll(TemplateFixture.TIMEOUT_SECONDS, TimeUnit.SECONDS);
			assertThat(context).as("a stopped observation of " + type.getSimpleName()).isNotNull();
			if (type.isInstance(context)) {
				return type.cast(context);
			}
		}
	}

}
