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

package io.socks5udp.metrics;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.protocol.Socks5ReplyCode;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.ManagedAssociationListener;
import io.socks5udp.template.ReconnectBackoff;
import io.socks5udp.template.Socks5UdpServerUnavailableException;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Socks5UdpMetrics}, against the embedded relay.
 *
 * @author socks5-udp authors
 */
class Socks5UdpMetricsTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

	private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

	private EmbeddedSocks5Relay relay;

	private UdpEchoServer echo;

	private Socks5UdpTemplate template;

	@BeforeEach
	void start() throws Exception {
		this.relay = EmbeddedSocks5Relay.builder().build().start();
		this.echo = UdpEchoServer.startIpv4();
		Socks5ServerRegistry routes = Socks5ServerRegistry.builder()
			.text("socks5c.conf", "127.0.0.1/32 " + server() + "\n")
			.build();
		this.template = Socks5UdpTemplate.builder(routes)
			.server(server(), Socks5AssociationOptions.builder("127.0.0.1", this.relay.port()).name(server()).build())
			.warmServers(List.of(server()))
			.reconnectBackoff(new ReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 2, 0))
			.build();
		// Bound first, so that its meters are up to date when the events below arrive
		new Socks5UdpMetrics(this.template).bindTo(this.registry);
		this.template.addListener(
				(source, payload, route) -> this.received.add(StandardCharsets.US_ASCII.decode(payload).toString()));
		this.template.addAssociationListener(new ManagedAssociationListener() {

			@Override
			public void opened(ManagedAssociation association, Duration handshake, boolean reconnect) {
				Socks5UdpMetricsTests.this.events.add(reconnect ? "reopened" : "opened");
			}

			@Override
			public void openFailed(ManagedAssociation association, Duration elapsed, Throwable failure,
					boolean reconnect) {
				Socks5UdpMetricsTests.this.events.add("failed");
			}

			@Override
			public void died(ManagedAssociation association, Throwable cause) {
				Socks5UdpMetricsTests.this.events.add("died");
			}

		});
		this.template.start();
		awaitEvent("opened");
	}

	@AfterEach
	void stop() {
		this.template.stop();
		this.relay.close();
		this.echo.close();
	}

	@Test
	void countsDatagramsAndPayloadBytesPerServer() throws Exception {
		String server = server();
		for (int i = 0; i < 2; i++) {
			this.template.send("127.0.0.1", this.echo.port(), bytes("12345"));
			assertThat(this.received.poll(20, TimeUnit.SECONDS)).isEqualTo("12345");
		}
		this.template.send("::1", this.echo.port(), ByteBuffer.wrap(bytes("abc")));
		assertThat(count("socks5.udp.datagrams.sent", server)).isEqualTo(2);
		assertThat(count("socks5.udp.sent", server)).isEqualTo(10);
		assertThat(count("socks5.udp.datagrams.received", server)).isEqualTo(2);
		assertThat(count("socks5.udp.received", server)).isEqualTo(10);
		assertThat(count("socks5.udp.datagrams.sent", "DIRECT")).isEqualTo(1);
		assertThat(count("socks5.udp.sent", "DIRECT")).isEqualTo(3);
		assertThat(this.registry.get("socks5.udp.associations.active").tag("server", server).gauge().value())
			.isEqualTo(1);
		assertThat(
				this.registry.get("socks5.udp.handshake").tags("server", server, "outcome", "success").timer().count())
			.isEqualTo(1);
	}

	@Test
	void countsReconnectsByOutcomeAndDropsDuringTheOutage() throws Exception {
		String server = server();
		this.relay.faults().replyCode(Socks5ReplyCode.CONNECTION_NOT_ALLOWED);
		this.relay.closeControlConnections();
		awaitEvent("died");
		awaitEvent("failed");
		assertThat(this.registry.get("socks5.udp.associations.active").tag("server", server).gauge().value()).isZero();
		assertThatExceptionOfType(Socks5UdpServerUnavailableException.class)
			.isThrownBy(() -> this.template.send("127.0.0.1", this.echo.port(), bytes("dropped")));
		assertThat(this.registry.get("socks5.udp.datagrams.dropped")
			.tags("server", server, "reason", "no-association")
			.functionCounter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("socks5.udp.reconnects")
			.tags("server", server, "outcome", "failure", "error", "S5_EPERM")
			.counter()
			.count()).isPositive();
		this.relay.faults().reset();
		awaitEvent("reopened");
		assertThat(this.registry.get("socks5.udp.reconnects")
			.tags("server", server, "outcome", "success", "error", "none")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("socks5.udp.datagrams.dropped").tag("server", server).functionCounters())
			.hasSize(5);
	}

	@Test
	void bindsTheMetersOfAServerFirstRoutedToAfterBinding() throws Exception {
		String server = "127.0.0.1:" + this.relay.port();
		Socks5ServerRegistry routes = Socks5ServerRegistry.builder()
			.text("socks5c.conf", "127.0.0.1/32 " + server + "\n")
			.build();
		Socks5UdpTemplate dynamic = Socks5UdpTemplate.builder(routes).build();
		MeterRegistry meters = new SimpleMeterRegistry();
		new Socks5UdpMetrics(dynamic).bindTo(meters);
		dynamic.addListener(
				(source, payload, route) -> this.received.add(StandardCharsets.US_ASCII.decode(payload).toString()));
		dynamic.start();
		try {
			dynamic.send("127.0.0.1", this.echo.port(), bytes("added"));
			assertThat(this.received.poll(20, TimeUnit.SECONDS)).isEqualTo("added");
			assertThat(meters.get("socks5.udp.datagrams.sent").tag("server", server).functionCounter().count())
				.isEqualTo(1);
			assertThat(meters.get("socks5.udp.associations.active").tag("server", server).gauge().value()).isEqualTo(1);
		}
		finally {
			dynamic.stop();
		}
	}

	@Test
	void countsFailoversAndReturnsPerServer() throws Exception {
		String preferred = server();
		EmbeddedSocks5Relay next = EmbeddedSocks5Relay.builder().build().start();
		String other = "127.0.0.1:" + next.port();
		Socks5ServerRegistry routes = Socks5ServerRegistry.builder()
			.text("socks5c.conf", "127.0.0.1/32 " + preferred + "\n127.0.0.1/32 " + other + "\n")
			.build();
		Socks5UdpTemplate failover = Socks5UdpTemplate.builder(routes)
			.failoverRetryAfter(Duration.ofMillis(100))
			.reconnectBackoff(new ReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 2, 0))
			.build();
		MeterRegistry meters = new SimpleMeterRegistry();
		new Socks5UdpMetrics(failover).bindTo(meters);
		failover.start();
		try {
			// X'07': the preferred server does not do UDP ASSOCIATE
			this.relay.faults().replyCode(Socks5ReplyCode.COMMAND_NOT_SUPPORTED);
			assertThat(failover.send("127.0.0.1", this.echo.port(), bytes("moved")).serverName()).isEqualTo(other);
			String rule = preferred + "," + other;
			assertThat(meters.get("socks5.udp.failovers").tags("server", preferred, "rule", rule).counter().count())
				.isEqualTo(1);
			this.relay.faults().reset();
			Awaitility.await()
				.atMost(Duration.ofSeconds(20))
				.until(() -> failover.send("127.0.0.1", this.echo.port(), bytes("back")).serverName(),
						preferred::equals);
			assertThat(
					meters.get("socks5.udp.failover.returns").tags("server", preferred, "rule", rule).counter().count())
				.isEqualTo(1);
			assertThat(meters.find("socks5.udp.failovers").tag("server", other).counter()).isNull();
		}
		finally {
			failover.stop();
			next.close();
		}
	}

	@Test
	void aServerHasNoMetersUntilItsFirstAssociation() throws Exception {
		String server = "127.0.0.1:" + this.relay.port();
		Socks5ServerRegistry routes = Socks5ServerRegistry.builder()
			.text("socks5c.conf", "127.0.0.1/32 " + server + "\n")
			.build();
		Socks5UdpTemplate onDemand = Socks5UdpTemplate.builder(routes)
			.server(server, Socks5AssociationOptions.builder("127.0.0.1", this.relay.port()).name(server).build())
			.server("spare", Socks5AssociationOptions.builder("127.0.0.1", this.relay.port()).name("spare").build())
			.build();
		MeterRegistry meters = new SimpleMeterRegistry();
		new Socks5UdpMetrics(onDemand).bindTo(meters);
		onDemand.addListener(
				(source, payload, route) -> this.received.add(StandardCharsets.US_ASCII.decode(payload).toString()));
		onDemand.start();
		try {
			assertThat(meters.find("socks5.udp.datagrams.sent").tag("server", server).functionCounter()).isNull();
			assertThat(meters.find("socks5.udp.associations.active").tag("server", server).gauge()).isNull();
			assertThat(meters.find("socks5.udp.datagrams.sent").tag("server", "DIRECT").functionCounter()).isNotNull();
			onDemand.send("127.0.0.1", this.echo.port(), bytes("first"));
			assertThat(this.received.poll(20, TimeUnit.SECONDS)).isEqualTo("first");
			assertThat(meters.get("socks5.udp.datagrams.sent").tag("server", server).functionCounter().count())
				.isEqualTo(1);
			assertThat(meters.get("socks5.udp.sent").tag("server", server).functionCounter().count()).isEqualTo(5);
			assertThat(meters.get("socks5.udp.associations.active").tag("server", server).gauge().value()).isEqualTo(1);
			assertThat(meters.find("socks5.udp.datagrams.sent").tag("server", "spare").functionCounter()).isNull();
			assertThat(meters.find("socks5.udp.associations.active").tag("server", "spare").gauge()).isNull();
		}
		finally {
			onDemand.stop();
		}
	}

	private void awaitEvent(String expected) throws InterruptedException {
		String event;
		do {
			event = this.events.poll(20, TimeUnit.SECONDS);
			assertThat(event).as("waited for " + expected).isNotNull();
		}
		while (!event.equals(expected));
	}

	private String server() {
		return "127.0.0.1:" + this.relay.port();
	}

	private double count(String name, String server) {
		return this.registry.get(name).tag("server", server).functionCounter().count();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
