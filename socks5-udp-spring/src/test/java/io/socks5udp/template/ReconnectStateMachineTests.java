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

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.protocol.Socks5NotAllowedException;
import io.socks5udp.core.protocol.Socks5ReplyCode;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.socks5udp.template.TemplateFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ReconnectStateMachine}, through a template, against the embedded relay
 * and scripted servers on loopback.
 *
 * @author socks5-udp authors
 */
class ReconnectStateMachineTests {

	private static final long TIMEOUT_SECONDS = TemplateFixture.TIMEOUT_SECONDS;

	@RegisterExtension
	final TemplateFixture fixture = new TemplateFixture();

	@Test
	void serverThatClosesEveryAssociationAtOnceGetsNoStormOfAssociates() throws Exception {
		try (ClosingSocks5Server server = ClosingSocks5Server.start()) {
			String name = "127.0.0.1:" + server.port();
			Socks5UdpTemplate template = this.fixture.use(Socks5UdpTemplate
				.builder(Socks5ServerRegistry.builder().text("socks5c.conf", "127.0.0.1/32 " + name).build())
				.server(name, Socks5AssociationOptions.builder("127.0.0.1", server.port()).name(name).build())
				.warmServers(List.of(name))
				.build());
			template.addAssociationListener(this.fixture.events());
			template.start();
			assertThat(server.awaitAssociates(1, TIMEOUT_SECONDS)).as("the first UDP ASSOCIATE").isTrue();
			this.fixture.events().awaitOpened();
			this.fixture.events().awaitDied();
			// Counts, not times: twelve more within ten seconds of the first is a storm,
			// however slow or fast the machine
			assertThat(server.awaitAssociates(12, 10))
				.as("more than 12 UDP ASSOCIATEs within 10 s of the first (%d so far)", server.associates())
				.isFalse();
		}
	}

	@Test
	void deadAssociationIsReestablishedWithANewRelayAddress() throws Exception {
		this.fixture.start(this.fixture.warmBuilder("127.0.0.1/32 relay"));
		this.fixture.events().awaitOpened();
		ManagedAssociation association = this.fixture.template().associations().get("relay");
		InetSocketAddress firstRelay = association.status().relayAddress();
		this.fixture.relay().faults().replyCode(Socks5ReplyCode.GENERAL_FAILURE);
		this.fixture.relay().closeControlConnections(true);
		this.fixture.events().awaitDied();
		this.fixture.events().awaitFailed();
		assertThat(association.status().state()).isEqualTo(ManagedAssociation.State.DOWN);
		assertThatExceptionOfType(Socks5UdpServerUnavailableException.class)
			.isThrownBy(() -> this.fixture.template().send("127.0.0.1", this.fixture.echo().port(), bytes("lost")))
			.withMessageContaining("SOCKS5 server 'relay'")
			.satisfies((ex) -> assertThat(ex.serverName()).isEqualTo("relay"))
			.satisfies((ex) -> assertThat(ex.downSince()).isNotNull());
		assertThat(association.traffic().dropped(Socks5DropReason.NO_ASSOCIATION)).isEqualTo(1);
		this.fixture.relay().faults().reset();
		assertThat(this.fixture.awaitOpenedAgain()).isTrue();
		assertThat(association.status().relayAddress()).isNotEqualTo(firstRelay);
		this.fixture.template().send("127.0.0.1", this.fixture.echo().port(), bytes("back"));
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("back");
	}

	@Test
	void backoffAfterADeathGrowsFromItsFirstDelay() throws Exception {
		this.fixture.start(this.fixture.warmBuilder("127.0.0.1/32 relay")
			.reconnectBackoff(new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(10), 2, 0)));
		this.fixture.events().awaitOpened();
		BlockingQueue<Long> failures = new LinkedBlockingQueue<>();
		this.fixture.template().addAssociationListener(new ManagedAssociationListener() {

			@Override
			public void openFailed(ManagedAssociation association, Duration elapsed, Throwable failure,
					boolean reconnect) {
				failures.add(System.nanoTime());
			}

		});
		this.fixture.relay().faults().replyCode(Socks5ReplyCode.GENERAL_FAILURE);
		this.fixture.relay().closeControlConnections();
		long first = failures.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		long second = failures.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		long third = failures.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		// Lower bounds only: a scheduler never fires early, a busy machine only adds
		assertThat(Duration.ofNanos(second - first)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
		assertThat(Duration.ofNanos(third - second)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
	}

	@Test
	void withoutFailFastStartReturnsAndTheServerIsReportedDown() throws Exception {
		int closedPort = TemplateFixture.closedPort();
		Socks5UdpTemplate template = this.fixture
			.use(Socks5UdpTemplate.builder(TemplateFixture.registry(closedPort, "127.0.0.1/32 relay"))
				.server("relay", Socks5AssociationOptions.builder("127.0.0.1", closedPort).name("relay").build())
				.warmServers(List.of("relay"))
				.build());
		template.addAssociationListener(this.fixture.events());
		template.start();
		assertThat(template.isRunning()).isTrue();
		assertThat(this.fixture.events().awaitFailed()).isInstanceOf(ConnectException.class);
		ManagedAssociationStatus status = template.associations().get("relay").status();
		assertThat(status.state()).isEqualTo(ManagedAssociation.State.DOWN);
		assertThat(status.lastError()).isInstanceOf(ConnectException.class);
		assertThat(status.failedAttempts()).isPositive();
		assertThat(status.since()).isNotNull();
	}

	@Test
	void refusedAssociationIsReportedWithItsReplyCode() throws Exception {
		this.fixture.relay().faults().replyCode(Socks5ReplyCode.CONNECTION_NOT_ALLOWED);
		this.fixture.start(this.fixture.warmBuilder("127.0.0.1/32 relay"));
		assertThat(this.fixture.events().awaitFailed()).isInstanceOf(Socks5NotAllowedException.class);
		ManagedAssociationStatus status = this.fixture.template().associations().get("relay").status();
		assertThat(Socks5UdpErrors.code(status.lastError())).isEqualTo("S5_EPERM");
		assertThat(Socks5UdpErrors.replyCode(status.lastError())).isEqualTo("CONNECTION_NOT_ALLOWED(0x02)");
	}

	@Test
	void listenersHearOfEveryAttemptBeforeItsOutcome() throws Exception {
		this.fixture.relay().faults().replyCode(Socks5ReplyCode.GENERAL_FAILURE);
		this.fixture.start(this.fixture.warmBuilder("127.0.0.1/32 relay"));
		this.fixture.events().awaitFailed();
		this.fixture.relay().faults().reset();
		this.fixture.events().awaitOpened();
		List<String> attempts = this.fixture.events().attempts();
		assertThat(attempts).startsWith("attempting", "failed").endsWith("attempting", "opened");
		assertThat(String.join(" ", attempts)).matches("(attempting (failed|opened) ?)+");
	}

	@Test
	void lazyAssociationOpensOnFirstSend() throws Exception {
		this.fixture.start(this.fixture.builder("127.0.0.1/32 relay").associateOnStartup(false));
		ManagedAssociation association = this.fixture.template().associations().get("relay");
		assertThat(association.state()).isEqualTo(ManagedAssociation.State.IDLE);
		this.fixture.template().send("127.0.0.1", this.fixture.echo().port(), bytes("first"));
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("first");
		assertThat(association.state()).isEqualTo(ManagedAssociation.State.UP);
	}

}
