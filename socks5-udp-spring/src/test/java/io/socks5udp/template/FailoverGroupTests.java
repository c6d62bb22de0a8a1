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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.registry.Socks5ConfigParser;
import io.socks5udp.core.registry.Socks5Rule;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.core.registry.Socks5ServerResolver;
import io.socks5udp.test.dante.DanteConfig;
import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.socks5udp.template.TemplateFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FailoverGroup}: a rule with alternatives against real Dante processes
 * (and the embedded relay): the preferred server killed mid-stream, restarted, refusing
 * UDP ASSOCIATE or not listening; destinations spread over several servers.
 *
 * @author socks5-udp authors
 */
class FailoverGroupTests {

	private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(2);

	private final List<AutoCloseable> peers = new ArrayList<>();

	private final List<Socks5UdpFailoverEvent> events = new CopyOnWriteArrayList<>();

	private final Map<String, Socks5ServerEndpoint> servers = new HashMap<>();

	private UdpEchoServer echo;

	private Socks5UdpTemplate template;

	@BeforeEach
	void startEcho() {
		this.echo = started(UdpEchoServer.startIpv4());
	}

	@AfterEach
	void stopAll() throws Exception {
		if (this.template != null) {
			this.template.stop();
		}
		for (AutoCloseable peer : this.peers) {
			peer.close();
		}
	}

	@Test
	void preferredServerKilledMidStreamTrafficContinuesThroughTheNextAndReturnsWhenRestarted() throws Exception {
		LocalDante first = dante("first", DanteConfig.builder().build());
		dante("second", DanteConfig.builder().build());
		Socks5UdpTemplate template = start(builder("first", "second").failoverRetryAfter(Duration.ofMillis(300)));
		Socks5Address target = Socks5Address.of(this.echo.host(), this.echo.port());
		Stream stream = new Stream(template, target);
		stream.until("first", 20);
		first.kill();
		stream.until("second", 20);
		// One request in flight when the server died, one send that may have met the
		// dead relay before its death was noticed; sends while the association was down
		// waited (outage policy WAIT) and went out through the next server
		assertThat(stream.lost).isLessThanOrEqualTo(2);
		assertThat(stream.lostAfterFailover).isZero();
		assertThat(this.events).first().satisfies((event) -> {
			assertThat(event.getKind()).isEqualTo(Socks5UdpFailoverEvent.Kind.FAILED_OVER);
			assertThat(event.getServer()).isEqualTo("first");
			assertThat(event.getCarrier()).isEqualTo("second");
			assertThat(event.getRule()).isEqualTo("first,second");
		});
		Socks5UdpFailoverStatus status = template.failoverStatus().get("first,second");
		assertThat(status.carrier()).isEqualTo("second");
		assertThat(status.servers().get(0).eligible()).isFalse();
		assertThat(status.servers().get(0).reason()).startsWith("failed ");
		assertThat(status.servers().get(1).reason()).isEqualTo("carries the rule's traffic");

		first.restart();
		stream.until("first", 20);
		assertThat(stream.lostAfterFailover).isZero();
		assertThat(this.events).last().satisfies((event) -> {
			assertThat(event.getKind()).isEqualTo(Socks5UdpFailoverEvent.Kind.RETURNED);
			assertThat(event.getServer()).isEqualTo("first");
			assertThat(event.getCarrier()).isEqualTo("first");
		});
		assertThat(template.failoverStatus().get("first,second").servers().get(1).reason())
			.isEqualTo("standby: first comes first");
	}

	@Test
	void serverThatRefusesUdpAssociateIsSkipped() throws Exception {
		LocalDante refusing = dante("refusing", DanteConfig.builder().commands("connect").build());
		dante("working", DanteConfig.builder().build());
		Socks5UdpTemplate template = start(builder("refusing", "working"));
		Socks5UdpReply reply = template.request(Socks5Address.of(this.echo.host(), this.echo.port()), bytes("one"),
				REPLY_TIMEOUT, Socks5UdpRoutePolicy.REQUIRE_SERVER);
		assertThat(reply.route().serverName()).isEqualTo("working");
		assertThat(StandardCharsets.US_ASCII.decode(reply.datagram().payload()).toString()).isEqualTo("one");
		Socks5UdpFailoverStatus.Server skipped = template.failoverStatus().get("refusing,working").servers().get(0);
		assertThat(skipped.eligible()).isFalse();
		assertThat(skipped.reason()).contains("S5_");
		assertThat(this.events).singleElement().satisfies((event) -> assertThat(event.getFailure()).isNotNull());
		// Nothing went to the refusing server's relay, and the datagram counts once
		assertThat(template.associations().get("refusing").traffic().datagramsSent()).isZero();
		assertThat(template.associations().get("refusing").traffic().dropped(Socks5DropReason.NO_ASSOCIATION)).isZero();
		assertThat(refusing.isAlive()).isTrue();
	}

	@Test
	void serverThatIsNotListeningIsSkipped() throws Exception {
		this.servers.put("closed", Socks5ServerEndpoint.of("closed", "127.0.0.1", TemplateFixture.closedPort()));
		EmbeddedSocks5Relay relay = started(EmbeddedSocks5Relay.builder().build().start());
		this.servers.put("relay", Socks5ServerEndpoint.of("relay", relay.host(), relay.port()));
		Socks5UdpTemplate template = start(builder("closed", "relay"));
		for (int i = 0; i < 5; i++) {
			Socks5UdpReply reply = template.request(Socks5Address.of(this.echo.host(), this.echo.port()),
					bytes("ping " + i), REPLY_TIMEOUT, Socks5UdpRoutePolicy.REQUIRE_SERVER);
			assertThat(reply.route().serverName()).isEqualTo("relay");
		}
		assertThat(relay.counters().associationsOpened()).isOne();
	}

	@Test
	void spreadingKeepsEachFlowOnOneServerAndUsesEveryServer() throws Exception {
		dante("a", DanteConfig.builder().build());
		dante("b", DanteConfig.builder().build());
		dante("c", DanteConfig.builder().build());
		Socks5UdpTemplate template = start(builder(true, "a", "b", "c"));
		Map<Integer, Set<String>> serversByFlow = new HashMap<>();
		List<UdpEchoServer> targets = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			targets.add(started(UdpEchoServer.startIpv4()));
		}
		for (int round = 0; round < 3; round++) {
			for (UdpEchoServer target : targets) {
				Socks5UdpReply reply = template.request(Socks5Address.of(target.host(), target.port()),
						bytes("round " + round), REPLY_TIMEOUT, Socks5UdpRoutePolicy.REQUIRE_SERVER);
				serversByFlow.computeIfAbsent(target.port(), (port) -> new HashSet<>()).add(reply.route().serverName());
			}
		}
		assertThat(serversByFlow).hasSize(32).allSatisfy((port, used) -> assertThat(used).hasSize(1));
		Set<String> used = new HashSet<>();
		serversByFlow.values().forEach(used::addAll);
		assertThat(used).containsExactlyInAnyOrder("a", "b", "c");
	}

	private Socks5UdpTemplateBuilder builder(String... names) throws IOException {
		return builder(false, names);
	}

	private Socks5UdpTemplateBuilder builder(boolean spread, String... names) throws IOException {
		Socks5ConfigParser parser = Socks5ConfigParser.withLogicalNames();
		List<Socks5Rule> rules = new ArrayList<>();
		for (String name : names) {
			Socks5Rule rule = parser.parseRule("test", 0, "127.0.0.0/8", name);
			rules.add((spread && rules.isEmpty()) ? rule.withSpreading() : rule);
		}
		Socks5ServerRegistry registry = Socks5ServerRegistry.builder()
			.rules("test", rules)
			.resolver(Socks5ServerResolver.of(this.servers))
			.build();
		return Socks5UdpTemplate.builder(registry)
			.reconnectBackoff(new ReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(400), 2, 0.2))
			.outage(OutageSendPolicy.WAIT, Duration.ofSeconds(5));
	}

	private Socks5UdpTemplate start(Socks5UdpTemplateBuilder builder) {
		this.template = builder.build();
		this.template.addAssociationListener(new ManagedAssociationListener() {

			@Override
			public void failover(Socks5UdpFailoverEvent event) {
				FailoverGroupTests.this.events.add(event);
			}

		});
		this.template.start();
		return this.template;
	}

	private LocalDante dante(String name, DanteConfig config) throws IOException {
		TestEnvironment.requireDanted();
		LocalDante dante = started(LocalDante.start(config));
		this.servers.put(name, Socks5ServerEndpoint.of(name, dante.host(), dante.port()));
		return dante;
	}

	private <T extends AutoCloseable> T started(T peer) {
		this.peers.add(peer);
		return peer;
	}

	/**
	 * Requests one after the other, as an application streams them.
	 */
	private static final class Stream {

		private final Socks5UdpTemplate template;

		private final Socks5Address target;

		private int sent;

		private int lost;

		// Lost since the first reply through the server that until() waits for
		private int lostAfterFailover;

		Stream(Socks5UdpTemplate template, Socks5Address target) {
			this.template = template;
			this.target = target;
		}

		/**
		 * Send until the given number of replies in a row came through the server.
		 */
		void until(String server, int replies) {
			int[] inARow = { 0 };
			boolean[] reached = { false };
			Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ZERO).until(() -> {
				String through = next();
				if (server.equals(through) && !reached[0]) {
					reached[0] = true;
					this.lostAfterFailover = 0;
				}
				inARow[0] = server.equals(through) ? inARow[0] + 1 : 0;
				return inARow[0] >= replies;
			});
		}

		private String next() {
			try {
				Socks5UdpReply reply = this.template.request(this.target, bytes("ping " + this.sent++), REPLY_TIMEOUT,
						Socks5UdpRoutePolicy.REQUIRE_SERVER);
				return reply.route().serverName();
			}
			catch (Socks5UdpException ex) {
				this.lost++;
				this.lostAfterFailover++;
				return "lost";
			}
		}

	}

}
