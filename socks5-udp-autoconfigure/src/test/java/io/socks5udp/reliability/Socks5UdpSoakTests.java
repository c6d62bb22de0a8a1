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

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.metrics.Socks5UdpMetrics;
import io.socks5udp.reliability.SequencedTraffic.Counts;
import io.socks5udp.reliability.SequencedTraffic.KillWindow;
import io.socks5udp.reliability.SequencedTraffic.Summary;
import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.template.Socks5UdpTraffic;
import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The template through a local Dante at a steady rate (about 500 datagrams per second)
 * while Dante is killed and restarted every 10 seconds. At the end it prints one summary
 * line (sent, delivered, failed, dropped, lost, reconnects, heap after GC and threads at
 * start and end) and checks that every datagram is accounted for, that traffic resumed
 * after every restart, that the heap did not grow beyond 16 MB and that no thread leaked.
 * The start is taken after the first restart, once every thread the template starts on
 * demand exists.
 * <p>
 * It runs for the duration in the system property {@value #DURATION_PROPERTY} (an
 * ISO-8601 duration, 60 seconds by default, which keeps the whole build short). For a
 * long run: <pre class="code">
 * ./mvnw -B -pl socks5-udp-autoconfigure -am verify -Dtest=Socks5UdpSoakTests \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -Dsoak.duration=PT15M
 * </pre>
 *
 * @author socks5-udp authors
 */
class Socks5UdpSoakTests {

	static final String DURATION_PROPERTY = "soak.duration";

	private static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);

	private static final Duration KILL_PERIOD = Duration.ofSeconds(10);

	private static final int THREADS = 4;

	private static final Duration PERIOD = Duration.ofMillis(8);

	private static final int ECHOES_TO_CALL_IT_RESUMED = 100;

	private static final long HEAP_GROWTH_LIMIT = 16L * 1024 * 1024;

	private final SequencedTraffic traffic = new SequencedTraffic();

	private final AssociationTimeline timeline = new AssociationTimeline(this.traffic::allocated);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final List<KillWindow> windows = new CopyOnWriteArrayList<>();

	private LocalDante dante;

	private UdpEchoServer echo;

	private Socks5UdpTemplate template;

	private SteadySender sender;

	private ScheduledExecutorService cycles;

	private final AtomicInteger sameRelayAfterRestart = new AtomicInteger();

	private volatile Footprint baseline;

	@AfterEach
	void stopAll() throws InterruptedException {
		if (this.cycles != null) {
			this.cycles.shutdownNow();
		}
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

	@Test
	void steadyTrafficSurvivesDanteRestartsWithoutLeaks() throws Exception {
		TestEnvironment.requireDanted();
		Duration duration = Duration.parse(System.getProperty(DURATION_PROPERTY, DEFAULT_DURATION.toString()));
		this.dante = LocalDante.start();
		this.echo = UdpEchoServer.startIpv4();
		this.template = TemplateFixtures.builder(this.dante.host(), this.dante.port())
			.reconnectBackoff(TemplateFixtures.backoff(Duration.ofSeconds(1)))
			.build();
		new Socks5UdpMetrics(this.template).bindTo(this.meters);
		this.template.addListener(this.traffic);
		this.template.addAssociationListener(this.timeline);
		this.template.start();
		this.timeline.awaitOpened();
		ManagedAssociation association = this.template.associations().get(TemplateFixtures.SERVER);
		this.sender = new SteadySender(this.template, Socks5Address.of(this.echo.address()), this.traffic, THREADS,
				PERIOD)
			.start();
		awaitResumed(0);
		long started = System.nanoTime();
		this.cycles = Executors.newSingleThreadScheduledExecutor((task) -> new Thread(task, "soak-cycles"));
		// At a fixed rate, so that a run of N periods has N kills: with a fixed delay
		// each
		// cycle's own duration (kill, detection, restart, resumption) would push the next
		// one back, and a long run would fall short of one kill per period
		ScheduledFuture<?> killing = this.cycles.scheduleAtFixedRate(() -> killAndRestart(association),
				KILL_PERIOD.toNanos(), KILL_PERIOD.toNanos(), TimeUnit.NANOSECONDS);
		CompletableFuture<Void> end = new CompletableFuture<>();
		// On the same thread as the cycles: the run ends between two cycles
		this.cycles.schedule(() -> end.complete(null), duration.toNanos(), TimeUnit.NANOSECONDS);
		this.baseline = Footprint.measure();
		end.get(duration.plus(KILL_PERIOD.multipliedBy(6)).toMillis(), TimeUnit.MILLISECONDS);
		if (!killing.cancel(false)) {
			rethrow(killing);
		}
		int lastMark = this.windows.isEmpty() ? 0 : this.windows.get(this.windows.size() - 1).reopenedMark();
		awaitResumed(lastMark);
		List<String> threadsAtEnd = Footprint.liveThreads();
		long heapAtEnd = Footprint.heapUsedAfterGc();
		long heapAtStart = this.baseline.heapUsed();
		List<String> threadsAtStart = this.baseline.threads();
		Duration ran = Duration.ofNanos(System.nanoTime() - started);

		this.sender.close();
		int lastDiedMark = this.windows.isEmpty() ? 0 : this.windows.get(this.windows.size() - 1).diedMark();
		await().atMost(AssociationTimeline.TIMEOUT).until(() -> this.traffic.allEchoedFrom(lastDiedMark));
		Summary summary = this.traffic.summarize();
		Counts all = summary.counts();
		Socks5UdpTraffic counted = association.traffic();
		int lossBound = this.windows.stream().mapToInt(KillWindow::lossBound).sum();
		// Threads of earlier test classes may end meanwhile; a leak shows as names that
		// occur more often at the end than at the start
		List<String> added = new ArrayList<>(threadsAtEnd);
		threadsAtStart.forEach(added::remove);
		System.out.printf(
				"SOAK duration=%s rate=%.0f/s kills=%d attempts=%d sent=%d delivered=%d failed=%d dropped=%d lost=%d "
						+ "(bound %d) reconnects=%d reconnectFailures=%.0f sameRelayAfterRestart=%d "
						+ "heapAfterGcStart=%.1fMB heapAfterGcEnd=%.1fMB threadsStart=%d threadsEnd=%d threadsAdded=%s%n",
				ran, all.attempts() / (ran.toMillis() / 1000.0), this.windows.size(), all.attempts(), all.sent(),
				all.echoed(), all.failed(), all.unavailable(), all.lost(), lossBound, this.timeline.reconnects(),
				reconnectFailures(), this.sameRelayAfterRestart.get(), heapAtStart / 1048576.0, heapAtEnd / 1048576.0,
				threadsAtStart.size(), threadsAtEnd.size(), added);

		assertThat(this.windows).hasSizeGreaterThanOrEqualTo((int) (duration.toNanos() / KILL_PERIOD.toNanos()) - 1);
		assertThat(this.timeline.reconnects()).as("one re-association per restart").isEqualTo(this.windows.size());
		assertThat(this.timeline.deaths()).isEqualTo(this.windows.size());
		assertThat(all.attempts()).isEqualTo(all.sent() + all.unavailable() + all.failed());
		assertThat(all.sent()).isEqualTo(all.echoed() + all.lost());
		assertThat(counted.datagramsSent()).isEqualTo(all.sent());
		assertThat(counted.datagramsReceived()).isEqualTo(all.echoed());
		assertThat(counted.dropped(Socks5DropReason.NO_ASSOCIATION)).isEqualTo(all.unavailable());
		assertThat(summary.unexpected()).isEmpty();
		assertThat(summary.duplicates()).isZero();
		assertThat(summary.corrupt()).isZero();
		assertThat(summary.outsideKillWindows()).as("lost or failed outside kill windows: " + summary.examples())
			.isZero();
		assertThat(all.lost() + all.failed()).isLessThanOrEqualTo(lossBound);
		assertThat(heapAtEnd - heapAtStart).as("heap growth after GC").isLessThanOrEqualTo(HEAP_GROWTH_LIMIT);
		assertThat(added).as("threads at start " + threadsAtStart + ", at end " + threadsAtEnd)
			.hasSizeLessThanOrEqualTo(1);
		assertThat(threadsAtEnd.size()).isLessThanOrEqualTo(threadsAtStart.size() + 1);
	}

	private void killAndRestart(ManagedAssociation association) {
		try {
			InetSocketAddress before = association.status().relayAddress();
			KillWindow window = this.traffic.beginKill();
			this.windows.add(window);
			this.dante.kill();
			window.died(this.timeline.awaitDied().mark());
			this.dante.restart();
			AssociationTimeline.Event reopened = this.timeline.awaitOpened();
			window.reopened(reopened.mark());
			if (association.status().relayAddress().equals(before)) {
				this.sameRelayAfterRestart.incrementAndGet();
			}
			awaitResumed(reopened.mark());
			if (this.windows.size() == 1) {
				// Only now does every thread started on demand, such as the reconnect
				// scheduler's, exist
				this.baseline = Footprint.measure();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Kill and restart failed", ex);
		}
	}

	private void awaitResumed(int from) {
		await().pollInSameThread()
			.atMost(AssociationTimeline.TIMEOUT)
			.until(() -> this.traffic.echoedFrom(from), (echoed) -> echoed >= ECHOES_TO_CALL_IT_RESUMED);
	}

	private double reconnectFailures() {
		return this.meters.find("socks5.udp.reconnects")
			.tag("outcome", "failure")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private static void rethrow(ScheduledFuture<?> killing) throws InterruptedException {
		try {
			killing.get();
		}
		catch (ExecutionException ex) {
			throw new AssertionError("A kill-and-restart cycle failed", ex.getCause());
		}
	}

	/**
	 * Heap used after GC and the names of the live threads, but for those the test itself
	 * starts and ends: the JDK's process reapers, one per Dante process and {@code kill}
	 * command, which linger for a minute after their process ends.
	 *
	 * @param heapUsed the heap used after GC
	 * @param threads the thread names, sorted
	 */
	private record Footprint(long heapUsed, List<String> threads) {

		static Footprint measure() {
			return new Footprint(heapUsedAfterGc(), liveThreads());
		}

		static long heapUsedAfterGc() {
			for (int i = 0; i < 3; i++) {
				System.gc();
			}
			return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		}

		static List<String> liveThreads() {
			return Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter(Thread::isAlive)
				.map(Thread::getName)
				.filter((name) -> !name.startsWith("process reaper"))
				.sorted()
				.toList();
		}

	}

}
