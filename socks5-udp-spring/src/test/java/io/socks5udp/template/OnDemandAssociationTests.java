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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.registry.Socks5ConfigParser;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.core.registry.Socks5ServerResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.socks5udp.template.TemplateFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for associations opened on demand: by the first send routed to their server, once
 * however many threads send first, closed when idle, and warm servers opened at start.
 *
 * @author socks5-udp authors
 */
class OnDemandAssociationTests {

	private static final long TIMEOUT_SECONDS = TemplateFixture.TIMEOUT_SECONDS;

	@RegisterExtension
	final TemplateFixture fixture = new TemplateFixture();

	@Test
	void startContactsNoServerAndTheFirstSendOpensTheAssociation() throws Exception {
		Socks5UdpTemplate template = this.fixture.start(this.fixture.builder("127.0.0.1/32 relay"));
		ManagedAssociation association = template.associations().get("relay");
		assertThat(association.isWarm()).isFalse();
		assertThat(association.state()).isEqualTo(ManagedAssociation.State.IDLE);
		assertThat(this.fixture.relay().counters().associationsOpened()).isZero();
		Socks5UdpRoute route = template.send("127.0.0.1", this.fixture.echo().port(), bytes("first"));
		assertThat(route.serverName()).isEqualTo("relay");
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("first");
		assertThat(this.fixture.relay().counters().associationsOpened()).isOne();
	}

	@Test
	void firstSendWaitsForTheAssociationEvenWhenOutagesFailSends() throws Exception {
		Socks5UdpTemplate template = this.fixture
			.start(this.fixture.builder("127.0.0.1/32 relay").outage(OutageSendPolicy.FAIL, Duration.ZERO));
		template.send("127.0.0.1", this.fixture.echo().port(), bytes("waited"));
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("waited");
	}

	@Test
	void sixtyFourThreadsSendingFirstOpenOneAssociation() throws Exception {
		Socks5UdpTemplate template = this.fixture.start(this.fixture.builder("127.0.0.1/32 relay"));
		int threads = 64;
		Socks5Address echo = Socks5Address.of(this.fixture.echo().address());
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		Set<String> relays = ConcurrentHashMap.newKeySet();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> sends = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				sends.add(executor.submit(() -> {
					ready.countDown();
					go.await();
					relays.add(String.valueOf(template.send(echo, bytes("first")).relayAddress()));
					return null;
				}));
			}
			assertThat(ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			for (Future<?> send : sends) {
				send.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.fixture.relay().counters().associationsOpened()).isOne();
		assertThat(relays).hasSize(1);
		for (int i = 0; i < threads; i++) {
			assertThat(this.fixture.awaitReceived().text()).isEqualTo("first");
		}
	}

	@Test
	void idleAssociationClosesAndTheNextSendOpensAnother() throws Exception {
		Socks5UdpTemplate template = this.fixture
			.start(this.fixture.builder("127.0.0.1/32 relay").idleTimeout(Duration.ofMillis(200)));
		template.send("127.0.0.1", this.fixture.echo().port(), bytes("before"));
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("before");
		assertThat(this.fixture.events().awaitIdleClosed()).isEqualTo("relay");
		ManagedAssociation association = template.associations().get("relay");
		assertThat(association.state()).isEqualTo(ManagedAssociation.State.IDLE);
		assertThat(association.status().lastError()).isNull();
		template.send("127.0.0.1", this.fixture.echo().port(), bytes("after"));
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("after");
		assertThat(this.fixture.relay().counters().associationsOpened()).isEqualTo(2);
		assertThat(association.traffic().datagramsSent()).isEqualTo(2);
	}

	@Test
	void warmServerIsAssociatedAtStartAndNotClosedWhenIdle() throws Exception {
		// Two servers on the one relay: the warm one carries nothing, the other carries a
		// datagram and then closes for being idle, which shows the idle checks ran
		Socks5ServerRegistry registry = Socks5ServerRegistry.builder()
			.rules("test", List.of(Socks5ConfigParser.withLogicalNames().parseRule("test", 0, "127.0.0.1/32", "spare")))
			.resolver(Socks5ServerResolver
				.of(Map.of("spare", Socks5ServerEndpoint.of("spare", "127.0.0.1", this.fixture.relay().port()))))
			.build();
		Socks5UdpTemplate template = this.fixture.start(Socks5UdpTemplate.builder(registry)
			.server("relay", options("relay"))
			.server("spare", options("spare"))
			.warmServers(List.of("relay"))
			.idleTimeout(Duration.ofMillis(100)));
		assertThat(this.fixture.events().awaitOpened()).isFalse();
		ManagedAssociation warm = template.associations().get("relay");
		assertThat(warm.isWarm()).isTrue();
		template.send("127.0.0.1", this.fixture.echo().port(), bytes("through the other"));
		assertThat(this.fixture.awaitReceived().route().serverName()).isEqualTo("spare");
		assertThat(this.fixture.events().awaitIdleClosed()).isEqualTo("spare");
		assertThat(warm.state()).isEqualTo(ManagedAssociation.State.UP);
		assertThat(this.fixture.relay().counters().associationsOpened()).isEqualTo(2);
	}

	private Socks5AssociationOptions options(String name) {
		return Socks5AssociationOptions.builder(this.fixture.relay().host(), this.fixture.relay().port())
			.name(name)
			.build();
	}

	@Test
	void serverMadeWarmWhileRunningIsAssociatedAtOnce() throws Exception {
		Socks5UdpTemplate template = this.fixture.start(this.fixture.builder("127.0.0.1/32 relay"));
		ManagedAssociation association = template
			.warm(template.registry().lookup(Socks5Address.of(this.fixture.echo().address())).server());
		assertThat(association).isSameAs(template.associations().get("relay"));
		assertThat(this.fixture.events().awaitOpened()).isFalse();
		assertThat(association.isWarm()).isTrue();
		assertThat(association.state()).isEqualTo(ManagedAssociation.State.UP);
	}

	@Test
	void warmServerMustBeConfigured() throws Exception {
		Socks5UdpTemplateBuilder builder = this.fixture.builder().warmServers(List.of("elsewhere"));
		assertThatIllegalArgumentException().isThrownBy(builder::build)
			.withMessage("warm server 'elsewhere' is not configured (expected one of [relay])");
	}

	@Test
	void failFastChecksWarmServersOnly() throws Exception {
		int closed = TemplateFixture.closedPort();
		Socks5UdpTemplateBuilder builder = this.fixture.builder("127.0.0.1/32 relay")
			.server("dead", Socks5AssociationOptions.builder("127.0.0.1", closed).name("dead").build())
			.failFast(true);
		Socks5UdpTemplate template = this.fixture.start(builder);
		assertThat(template.isRunning()).isTrue();
		assertThat(template.associations().get("dead").state()).isEqualTo(ManagedAssociation.State.IDLE);
	}

}
