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
import java.util.List;
import java.util.Objects;

import io.socks5udp.autoconfigure.Socks5UdpConfigurationException;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpHeaderCodec;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerSelection;
import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.Socks5UdpFailoverStatus;
import io.socks5udp.template.Socks5UdpRoute;
import io.socks5udp.template.Socks5UdpTemplate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.MessageChannel;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs the pings once the application has started. By default: a {@link PingRun} (a
 * warm-up, {@code sample.count} pings for latency and throughput), then the summary line
 * and the exit status (0 when every ping came back, 1 otherwise). When keep-running, the
 * {@link PingFlows#steadyPings steady flow} sends the pings and the summary is logged
 * every ten seconds.
 * <p>
 * An application runner is not stopped with the application context, so the run is also a
 * {@link SmartLifecycle} in the last phase: when the context stops during a run (a
 * signal, Ctrl-C, {@code close()} from elsewhere), the run stops sending first, while the
 * adapters and the template still work, waits for the pings in flight and prints its
 * summary before the rest of the context stops. Without that, the run went on sending
 * into a stopping context: echoes no longer delivered (each window of pings then waited
 * out the echo time-out), then sends refused by the stopped template, the unsubscribed
 * channel and at last Spring Integration's "application context is not ready (or
 * stopped)".
 *
 * @author socks5-udp authors
 */
@Component
class PingRunner implements ApplicationRunner, ExitCodeGenerator, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(PingRunner.class);

	private static final Duration SUMMARY_INTERVAL = Duration.ofSeconds(10);

	private final SampleProperties properties;

	private final PingTracker tracker;

	private final MessageChannel pings;

	private final Socks5UdpTemplate template;

	private final TaskScheduler taskScheduler;

	private final Object lifecycleMonitor = new Object();

	private volatile boolean running;

	private volatile boolean stopRequested;

	private boolean runInProgress;

	private @Nullable Runnable afterRun;

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
			this.taskScheduler.scheduleAtFixedRate(() -> logger.info(summary(null)),
					Instant.now().plus(SUMMARY_INTERVAL), SUMMARY_INTERVAL);
			return;
		}
		boolean started = startRun();
		try {
			PingRun.Figures figures = new PingRun(this.properties, this.tracker, this.pings,
					() -> !started || this.stopRequested, System.err)
				.run();
			PingSummary summary = summary(figures);
			System.out.println(summary);
			this.exitCode = (summary.received() == this.properties.getCount()) ? 0 : 1;
		}
		finally {
			runEnded();
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		stop(() -> {
		});
	}

	/**
	 * Stop the run, if one is in progress: it sends no more pings, and the callback runs
	 * once it has waited for the pings in flight and printed its summary.
	 * @param callback what the context runs next
	 */
	@Override
	public void stop(Runnable callback) {
		synchronized (this.lifecycleMonitor) {
			this.running = false;
			this.stopRequested = true;
			if (this.runInProgress) {
				this.afterRun = callback;
				callback = null;
			}
		}
		this.tracker.wakeUp();
		if (callback != null) {
			callback.run();
		}
	}

	/**
	 * Note that a run is in progress, unless the context has stopped (or never started)
	 * before the runners were called: then nothing may be sent.
	 */
	private boolean startRun() {
		synchronized (this.lifecycleMonitor) {
			this.runInProgress = this.running && !this.stopRequested;
			return this.runInProgress;
		}
	}

	private void runEnded() {
		Runnable callback;
		synchronized (this.lifecycleMonitor) {
			this.runInProgress = false;
			callback = this.afterRun;
			this.afterRun = null;
		}
		if (callback != null) {
			callback.run();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Started last, stopped first: before the inbound adapter, the template and the
		// outbound adapter, so that the pings in flight still come back
		return Integer.MAX_VALUE;
	}

	private PingSummary summary(PingRun.@Nullable Figures figures) {
		String server;
		String relay;
		Socks5ServerSelection route = this.template.registry()
			.lookup(Objects.requireNonNull(this.properties.getTarget()));
		if (route.isDirect()) {
			server = Socks5UdpRoute.DIRECT_NAME;
			relay = "none";
		}
		else {
			server = carrier(route);
			ManagedAssociation association = this.template.associations().get(server);
			Socks5UdpRoute current = (association != null) ? association.route() : null;
			InetSocketAddress address = (current != null) ? current.relayAddress() : null;
			relay = (address != null) ? Socks5Address.of(address).toString() : "none";
		}
		if (figures == null) {
			return this.tracker.summary(server, relay);
		}
		return new PingSummary(figures.sent(), figures.received(), figures.lost(),
				new PingSummary.Latency(figures.latency().p50Micros(), figures.latency().p99Micros()),
				new PingSummary.Throughput(this.properties.getInFlight(), figures.throughput().roundTripsPerSecond()),
				server, relay, this.tracker.carried());
	}

	/**
	 * Return the server that carries the target's pings: the rule's only server, or of
	 * several, the one the rule's traffic goes to now.
	 */
	private String carrier(Socks5ServerSelection route) {
		String preferred = Objects.requireNonNull(route.server()).name();
		if (route.servers().size() < 2) {
			return preferred;
		}
		List<String> names = route.servers().stream().map(Socks5ServerEndpoint::name).toList();
		Socks5UdpFailoverStatus status = this.template.failoverStatus().get(String.join(",", names));
		String carrier = (status != null) ? status.carrier() : null;
		return (carrier != null) ? carrier : preferred;
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
