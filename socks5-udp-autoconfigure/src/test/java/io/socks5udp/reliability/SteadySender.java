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

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.template.Socks5UdpException;
import io.socks5udp.template.Socks5UdpServerUnavailableException;
import io.socks5udp.template.Socks5UdpTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends numbered datagrams through a template at a steady rate, from a few threads, each
 * sending one datagram per period: what an application that streams telemetry does. A
 * send that waits (outage policy {@code WAIT}) holds back only its own thread, so the
 * others go on and no burst follows the wait.
 *
 * @author socks5-udp authors
 */
final class SteadySender implements AutoCloseable {

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

	private final Socks5UdpTemplate template;

	private final Socks5Address destination;

	private final SequencedTraffic traffic;

	private final int threads;

	private final Duration period;

	private ScheduledThreadPoolExecutor executor;

	/**
	 * Create a sender.
	 * @param template the template to send through
	 * @param destination the echo server
	 * @param traffic where each datagram's fate is recorded
	 * @param threads how many threads send
	 * @param period the pause of each thread between two sends
	 */
	SteadySender(Socks5UdpTemplate template, Socks5Address destination, SequencedTraffic traffic, int threads,
			Duration period) {
		this.template = template;
		this.destination = destination;
		this.traffic = traffic;
		this.threads = threads;
		this.period = period;
	}

	SteadySender start() {
		AtomicInteger count = new AtomicInteger();
		this.executor = new ScheduledThreadPoolExecutor(this.threads, (task) -> {
			Thread thread = new Thread(task, "steady-sender-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		long periodNanos = this.period.toNanos();
		for (int i = 0; i < this.threads; i++) {
			this.executor.scheduleWithFixedDelay(this::sendOne, i * periodNanos / this.threads, periodNanos,
					TimeUnit.NANOSECONDS);
		}
		return this;
	}

	/**
	 * Send one numbered datagram on the calling thread and record its fate, as each
	 * sending thread does once per period.
	 */
	void sendOne() {
		int sequence = this.traffic.allocate();
		try {
			this.template.send(this.destination, SequencedTraffic.payload(sequence));
			this.traffic.sent(sequence);
		}
		catch (Socks5UdpServerUnavailableException ex) {
			this.traffic.unavailable(sequence);
		}
		catch (Socks5UdpException ex) {
			this.traffic.failed(sequence, ex, true);
		}
		catch (RuntimeException ex) {
			// Caught so that the schedule goes on; the test fails on it
			this.traffic.failed(sequence, ex, false);
		}
	}

	/**
	 * Stop sending and wait for the sends under way.
	 */
	@Override
	public void close() throws InterruptedException {
		if (this.executor == null) {
			return;
		}
		this.executor.shutdown();
		assertThat(this.executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("senders stopped")
			.isTrue();
		this.executor = null;
	}

}
