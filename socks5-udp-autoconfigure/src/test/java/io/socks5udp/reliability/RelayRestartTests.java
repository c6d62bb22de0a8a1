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
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.reliability.SequencedTraffic.Counts;
import io.socks5udp.reliability.SequencedTraffic.KillWindow;
import io.socks5udp.reliability.SequencedTraffic.Summary;
import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.OutageSendPolicy;
import io.socks5udp.template.Socks5UdpRoute;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.template.Socks5UdpTraffic;
import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dante killed (SIGKILL to its process group, as a crash) and started again on the same
 * port while the template sends at a steady rate: traffic resumes through a new relay
 * address, and every datagram is accounted for. Those sent while the association was down
 * are delivered after recovery ({@link OutageSendPolicy#WAIT}) or rejected and counted
 * ({@link OutageSendPolicy#FAIL}); only those in flight when Dante died, or sent before
 * the template could know, may vanish.
 *
 * @author socks5-udp authors
 */
@Timeout(120)
class RelayRestartTests {

	private static final int THREADS = 4;

	/** Four threads, 8 ms apart each: about 500 datagrams per second. */
	private static final Duration PERIOD = Duration.ofMillis(8);

	private static final int ECHOES_PER_PHASE = 250;

	private static final Duration MAX_WAIT = Duration.ofSeconds(20);

	private final SequencedTraffic traffic = new SequencedTraffic();

	private final AssociationTimeline timeline = new AssociationTimeline(this.traffic::allocated);

	private final AtomicReference<Socks5UdpRoute> lastRoute = new AtomicReference<>();

	private LocalDante dante;

	private UdpEchoServer echo;

	private Socks5UdpTemplate template;

	private SteadySender sender;

	@BeforeEach
	void startPeers() throws Exception {
		TestEnvironment.requireDanted();
		this.dante = LocalDante.start();
		this.echo = UdpEchoServer.startIpv4();
	}

	@AfterEach
	void stopAll() throws InterruptedException {
		if (this.sender != null) {
			this.sender.close();
		}
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

	@ParameterizedTest(name = "{0}")
	@EnumSource(OutageSendPolicy.class)
	void trafficResumesOnANewRelayAddressAndEveryDatagramIsAccountedFor(OutageSendPolicy policy) throws Exception {
		this.template = TemplateFixtures.builder(this.dante.host(), this.dante.port())
			.reconnectBackoff(TemplateFixtures.backoff(Duration.ofSeconds(1)))
			.outage(policy, MAX_WAIT)
			.build();
		this.template.addListener(this.traffic);
		this.template.addListener((source, payload, route) -> this.lastRoute.set(route));
		this.template.addAssociationListener(this.timeline);
		this.template.start();
		this.timeline.awaitOpened();
		ManagedAssociation association = this.template.associations().get(TemplateFixtures.SERVER);
		InetSocketAddress firstRelay = association.status().relayAddress();
		this.sender = new SteadySender(this.template, Socks5Address.of(this.echo.address()), this.traffic, THREADS,
				PERIOD)
			.start();
		awaitEchoedFrom(0);

		KillWindow window = this.traffic.beginKill();
		this.dante.kill();
		window.died(this.timeline.awaitDied().mark());
		// One send that starts while the association is down, whatever the sending
		// threads do: all four may still wait in sends that met the association closing
		// (under WAIT) when the template reports it dead, and start none until it is back
		Thread whileDown = new Thread(this.sender::sendOne, "send-while-down");
		whileDown.start();
		await().atMost(AssociationTimeline.TIMEOUT).until(() -> this.traffic.allocated() > window.diedMark());
		this.dante.restart();
		AssociationTimeline.Event reopened = this.timeline.awaitOpened();
		assertThat(reopened.reconnect()).isTrue();
		window.reopened(reopened.mark());
		InetSocketAddress newRelay = association.status().relayAddress();
		assertThat(newRelay).as("relay address after the restart").isNotNull().isNotEqualTo(firstRelay);
		awaitEchoedFrom(reopened.mark());
		assertThat(this.lastRoute.get().relayAddress()).isEqualTo(newRelay);

		this.sender.close();
		whileDown.join(MAX_WAIT.toMillis());
		assertThat(whileDown.isAlive()).as("the send started while down returned").isFalse();
		await().atMost(AssociationTimeline.TIMEOUT).until(() -> this.traffic.allEchoedFrom(window.diedMark()));
		Summary summary = this.traffic.summarize();
		Counts all = summary.counts();
		Socks5UdpTraffic counted = association.traffic();
		System.out.println("relay restart, policy " + policy + ": attempts=" + all.attempts() + " = sent " + all.sent()
				+ " + unavailable " + all.unavailable() + " + failed " + all.failed() + "; sent = echoed "
				+ all.echoed() + " + lost " + all.lost() + " (bound " + window.lossBound() + ": in flight at kill "
				+ window.inFlightAtKill() + ", started before the template knew "
				+ (window.diedMark() - window.allocatedAtKill()) + "); template: sent " + counted.datagramsSent()
				+ ", received " + counted.datagramsReceived() + ", dropped no-association "
				+ counted.dropped(Socks5DropReason.NO_ASSOCIATION) + "; relay " + firstRelay + " -> " + newRelay);

		assertThat(all.attempts()).isEqualTo(all.sent() + all.unavailable() + all.failed());
		assertThat(all.sent()).isEqualTo(all.echoed() + all.lost());
		assertThat(counted.datagramsSent()).as("sent, as the template counts").isEqualTo(all.sent());
		assertThat(counted.datagramsReceived()).as("received, as the template counts").isEqualTo(all.echoed());
		assertThat(counted.dropped(Socks5DropReason.NO_ASSOCIATION)).as("dropped for want of an association")
			.isEqualTo(all.unavailable());
		assertThat(summary.unexpected()).isEmpty();
		assertThat(summary.duplicates()).isZero();
		assertThat(summary.corrupt()).isZero();
		assertThat(summary.dropsReported()).isZero();
		assertThat(summary.outsideKillWindows()).as("lost or failed outside the kill window: " + summary.examples())
			.isZero();
		assertThat(all.lost() + all.failed()).isLessThanOrEqualTo(window.lossBound());

		Counts afterDeath = this.traffic.counts(window.diedMark(), all.attempts());
		assertThat(afterDeath.lost()).isZero();
		assertThat(afterDeath.failed()).isZero();
		Counts outage = this.traffic.counts(window.diedMark(), window.reopenedMark());
		if (policy == OutageSendPolicy.WAIT) {
			assertThat(outage.attempts()).as("sends started while down").isPositive();
			assertThat(outage.echoed()).as("sends started while down, delivered after recovery")
				.isEqualTo(outage.attempts());
			assertThat(afterDeath.unavailable()).isZero();
			assertThat(all.unavailable()).as("sends rejected under wait, even one that met the association closing")
				.isZero();
		}
		else {
			assertThat(outage.unavailable()).as("sends rejected while down").isPositive();
			assertThat(outage.unavailable() + outage.echoed()).isEqualTo(outage.attempts());
		}
	}

	private void awaitEchoedFrom(int from) {
		await().atMost(AssociationTimeline.TIMEOUT)
			.until(() -> this.traffic.echoedFrom(from), (echoed) -> echoed >= ECHOES_PER_PHASE);
	}

}
