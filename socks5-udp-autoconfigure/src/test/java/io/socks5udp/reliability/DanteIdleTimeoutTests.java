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

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.OutageSendPolicy;
import io.socks5udp.template.Socks5UdpErrors;
import io.socks5udp.template.Socks5UdpRoute;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.dante.DanteConfig;
import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dante ends associations idle for two seconds ({@code timeout.io.udp: 2}) by closing
 * their control connection. The template sends no keepalive: it notices the end, and its
 * reconnect policy re-establishes the association right away, without waiting for a send,
 * on a new relay address; the application's next send simply works. A send that meets the
 * gap waits for the new association under {@link OutageSendPolicy#WAIT}.
 *
 * @author socks5-udp authors
 */
@Timeout(60)
class DanteIdleTimeoutTests {

	private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);

	private final AssociationTimeline timeline = new AssociationTimeline();

	private final BlockingQueue<Echo> echoes = new LinkedBlockingQueue<>();

	private LocalDante dante;

	private UdpEchoServer echo;

	private Socks5UdpTemplate template;

	@BeforeEach
	void startPeers() throws Exception {
		TestEnvironment.requireDanted();
		this.dante = LocalDante.start(DanteConfig.builder().udpIoTimeout(IDLE_TIMEOUT).build());
		this.echo = UdpEchoServer.startIpv4();
	}

	@AfterEach
	void stopAll() {
		if (this.template != null) {
			this.template.stop();
		}
		if (this.dante != null) {
			this.dante.close();
		}
		if (this.echo != null) {
			this.echo.close();
		}
	}

	@Test
	void idleAssociationEndedByDanteIsReestablishedByTheTemplateAndTheNextSendWorks() throws Exception {
		ManagedAssociation association = startTemplate(OutageSendPolicy.FAIL);
		InetSocketAddress firstRelay = roundTrip("before idle");
		Throwable cause = this.timeline.awaitDied().cause();
		assertThat(Socks5UdpErrors.code(cause)).isEqualTo("S5_ENOTCONN");
		assertThat(this.timeline.awaitOpened().reconnect()).as("re-established by the reconnect policy").isTrue();
		assertThat(association.traffic().datagramsSent()).as("sends before the new association").isEqualTo(1);
		InetSocketAddress secondRelay = association.status().relayAddress();
		assertThat(secondRelay).isNotNull().isNotEqualTo(firstRelay);
		assertThat(roundTrip("after idle")).isEqualTo(secondRelay);
		// Idle again: each idle end costs one new association, with no failed attempts
		this.timeline.awaitDied();
		assertThat(this.timeline.awaitOpened().reconnect()).isTrue();
		assertThat(roundTrip("after the second idle end")).isNotEqualTo(secondRelay);
		assertThat(this.timeline.deaths()).isEqualTo(2);
		assertThat(this.timeline.reconnects()).isEqualTo(2);
		assertThat(this.timeline.failedAttempts()).isZero();
		assertThat(association.traffic().dropped(Socks5DropReason.NO_ASSOCIATION)).isZero();
	}

	@Test
	void sendThatMeetsTheIdleEndWaitsForTheNewAssociation() throws Exception {
		ManagedAssociation association = startTemplate(OutageSendPolicy.WAIT);
		InetSocketAddress firstRelay = roundTrip("before idle");
		this.timeline.awaitDied();
		// The first new attempt is about 100 ms away: this send finds no association
		InetSocketAddress heldRelay = roundTrip("held");
		assertThat(heldRelay).isNotEqualTo(firstRelay).isEqualTo(association.status().relayAddress());
		// Listeners hear of the new association after the held send may have gone out
		assertThat(this.timeline.awaitOpened().reconnect()).isTrue();
		assertThat(this.timeline.failedAttempts()).isZero();
		assertThat(association.traffic().dropped(Socks5DropReason.NO_ASSOCIATION)).isZero();
	}

	private ManagedAssociation startTemplate(OutageSendPolicy policy) throws InterruptedException {
		this.template = TemplateFixtures.builder(this.dante.host(), this.dante.port())
			.outage(policy, Duration.ofSeconds(10))
			.build();
		this.template.addAssociationListener(this.timeline);
		this.template.addListener((source, payload, route) -> this.echoes
			.add(new Echo(StandardCharsets.US_ASCII.decode(payload).toString(), route)));
		this.template.start();
		assertThat(this.timeline.awaitOpened().reconnect()).isFalse();
		return this.template.associations().get(TemplateFixtures.SERVER);
	}

	private InetSocketAddress roundTrip(String text) throws InterruptedException {
		Socks5UdpRoute route = this.template.send("127.0.0.1", this.echo.port(),
				text.getBytes(StandardCharsets.US_ASCII));
		Echo back = this.echoes.poll(AssociationTimeline.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(back).as("echo of '" + text + "'").isNotNull();
		assertThat(back.text()).isEqualTo(text);
		assertThat(back.route()).isEqualTo(route);
		return route.relayAddress();
	}

	private record Echo(String text, Socks5UdpRoute route) {

	}

}
