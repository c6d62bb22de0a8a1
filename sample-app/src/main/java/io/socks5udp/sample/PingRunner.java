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

package io.socks5udp.sample;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.socks5udp.autoconfigure.Socks5UdpConfigurationException;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpHeaderCodec;
import io.socks5udp.core.registry.Socks5Route;
import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.Socks5UdpRoute;
import io.socks5udp.template.Socks5UdpTemplate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessagingException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs the pings once the application has started. By default: sends {@code sample.count}
 * pings, at most {@code sample.in-flight} awaiting their echo at a time, waits for the
 * last echoes, prints the summary line and sets the exit status (0 when every ping came
 * back, 1 otherwise). When keep-running, the {@link PingFlows#steadyPings steady flow}
 * sends the pings and the summary is logged every ten seconds.
 *
 * @author socks5-udp authors
 */
@Component
class PingRunner implements ApplicationRunner, ExitCodeGenerator {

	private static final Log logger = LogFactory.getLog(PingRunner.class);

	private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

	private static final Duration SUMMARY_INTERVAL = Duration.ofSeconds(10);

	private final SampleProperties properties;

	private final PingTracker tracker;

	private final MessageChannel pings;

	private final Socks5UdpTemplate template;

	private final TaskScheduler taskScheduler;

	private volatile int exitCode = 1;

	PingRunner(SampleProperties properties, PingTracker tracker, @Qualifier(PingFlows.PINGS) MessageChannel pings,
			Socks5UdpTemplate template, TaskScheduler taskScheduler) {
		this.properties = properties;
		this.tracker = tracker;
		this.pings = pings;
		this.template = template;
		this.taskScheduler = taskScheduler;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		checkPayloadFits();
		if (this.properties.isKeepRunning()) {
			logger.info("Pinging " + this.properties.getTarget() + " " + this.properties.getRate()
					+ " times a second; summary every " + SUMMARY_INTERVAL.toSeconds() + " seconds");
			this.taskScheduler.scheduleAtFixedRate(() -> logger.info(summary()), Instant.now().plus(SUMMARY_INTERVAL),
					SUMMARY_INTERVAL);
			return;
		}
		sendAll();
		this.tracker.awaitAll();
		PingSummary summary = summary();
		System.out.println(summary);
		boolean allBack = summary.received() == this.properties.getCount();
		this.exitCode = allBack ? 0 : 1;
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	private void sendAll() throws InterruptedException {
		long nextProgress = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
		boolean sendFailed = false;
		for (int i = 0; i < this.properties.getCount(); i++) {
			this.tracker.awaitFewerThan(this.properties.getInFlight());
			byte[] ping = this.tracker.nextPing();
			try {
				this.pings.send(MessageBuilder.withPayload(ping).build());
			}
			catch (MessagingException ex) {
				this.tracker.notSent(ping);
				if (!sendFailed) {
					sendFailed = true;
					System.err.println("error: a ping could not be sent, it counts as lost: "
							+ NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
				}
			}
			if (System.nanoTime() - nextProgress >= 0) {
				System.err.println("progress: sent=" + this.tracker.sent() + "/" + this.properties.getCount()
						+ " received=" + this.tracker.received() + " lost=" + this.tracker.lost());
				nextProgress += PROGRESS_INTERVAL.toNanos();
			}
		}
	}

	private PingSummary summary() {
		Socks5Route route = this.template.registry().lookup(Objects.requireNonNull(this.properties.getTarget()));
		if (route.isDirect()) {
			return this.tracker.summary(Socks5UdpRoute.DIRECT_NAME, "none");
		}
		String server = Objects.requireNonNull(route.server()).name();
		ManagedAssociation association = this.template.associations().get(server);
		Socks5UdpRoute current = (association != null) ? association.route() : null;
		InetSocketAddress relay = (current != null) ? current.relayAddress() : null;
		return this.tracker.summary(server, (relay != null) ? Socks5Address.of(relay).toString() : "none");
	}

	private void checkPayloadFits() {
		Socks5Address target = Objects.requireNonNull(this.properties.getTarget());
		int maxPayload = Socks5UdpHeaderCodec.maxPayload(target);
		if (this.properties.getPayloadSize() > maxPayload) {
			throw new Socks5UdpConfigurationException("sample.payload-size",
					Integer.toString(this.properties.getPayloadSize()),
					"payloadSize: " + this.properties.getPayloadSize() + " (expected: 4-" + maxPayload
							+ " to fit in one datagram to " + target + ")",
					"Set sample.payload-size to at most " + maxPayload + ".", null);
		}
	}

}
