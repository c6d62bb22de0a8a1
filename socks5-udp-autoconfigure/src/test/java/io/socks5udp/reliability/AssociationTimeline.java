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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.ManagedAssociationListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records the life events of a template's associations with the moment each happened and
 * a mark of the traffic at that moment (how many sends had started), so that tests wait
 * on events rather than on time and can tell which datagrams were sent before or after
 * the template knew.
 *
 * @author socks5-udp authors
 */
final class AssociationTimeline implements ManagedAssociationListener {

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final IntSupplier marker;

	private final BlockingQueue<Event> opened = new LinkedBlockingQueue<>();

	private final BlockingQueue<Event> failed = new LinkedBlockingQueue<>();

	private final BlockingQueue<Event> died = new LinkedBlockingQueue<>();

	private final AtomicInteger reconnects = new AtomicInteger();

	private final AtomicInteger failedAttempts = new AtomicInteger();

	private final AtomicInteger deaths = new AtomicInteger();

	AssociationTimeline() {
		this(() -> 0);
	}

	/**
	 * Create a timeline.
	 * @param marker read when an event happens, on the thread that reports it
	 */
	AssociationTimeline(IntSupplier marker) {
		this.marker = marker;
	}

	@Override
	public void opened(ManagedAssociation association, Duration handshake, boolean reconnect) {
		if (reconnect) {
			this.reconnects.incrementAndGet();
		}
		this.opened.add(event(reconnect, null));
	}

	@Override
	public void openFailed(ManagedAssociation association, Duration elapsed, Throwable failure, boolean reconnect) {
		this.failedAttempts.incrementAndGet();
		this.failed.add(event(reconnect, failure));
	}

	@Override
	public void died(ManagedAssociation association, Throwable cause) {
		this.deaths.incrementAndGet();
		this.died.add(event(true, cause));
	}

	private Event event(boolean reconnect, Throwable cause) {
		return new Event(System.nanoTime(), this.marker.getAsInt(), reconnect, cause);
	}

	Event awaitOpened() throws InterruptedException {
		return take(this.opened, "an association to open");
	}

	Event awaitFailed() throws InterruptedException {
		return take(this.failed, "an attempt to fail");
	}

	Event awaitDied() throws InterruptedException {
		return take(this.died, "an association to die");
	}

	/**
	 * Return how many associations were re-established after a failure.
	 * @return the number of successful reconnects
	 */
	int reconnects() {
		return this.reconnects.get();
	}

	/**
	 * Return how many attempts to open an association failed.
	 * @return the number of failed attempts
	 */
	int failedAttempts() {
		return this.failedAttempts.get();
	}

	/**
	 * Return how many open associations died.
	 * @return the number of deaths
	 */
	int deaths() {
		return this.deaths.get();
	}

	private static Event take(BlockingQueue<Event> queue, String what) throws InterruptedException {
		Event event = queue.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(event).as("waited " + TIMEOUT.toSeconds() + " s for " + what).isNotNull();
		return event;
	}

	/**
	 * An event.
	 *
	 * @param nanos when it was reported, by {@link System#nanoTime()}
	 * @param mark the marker's value when it was reported
	 * @param reconnect whether an open or failed attempt followed a failure
	 * @param cause the failure, or {@code null} for an open
	 */
	record Event(long nanos, int mark, boolean reconnect, Throwable cause) {

	}

}
