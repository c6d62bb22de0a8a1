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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records the life events of managed associations so that tests wait on them rather than
 * on time.
 *
 * @author socks5-udp authors
 */
class AssociationEvents implements ManagedAssociationListener {

	private static final long TIMEOUT_SECONDS = 20;

	private final BlockingQueue<Boolean> opened = new LinkedBlockingQueue<>();

	private final BlockingQueue<Throwable> failed = new LinkedBlockingQueue<>();

	private final BlockingQueue<Throwable> died = new LinkedBlockingQueue<>();

	private final BlockingQueue<String> idleClosed = new LinkedBlockingQueue<>();

	/** Attempts and their outcomes, in the order heard. Guarded by itself. */
	private final List<String> attempts = new ArrayList<>();

	@Override
	public void attempting(ManagedAssociation association) {
		heard("attempting");
	}

	@Override
	public void opened(ManagedAssociation association, Duration handshake, boolean reconnect) {
		heard("opened");
		this.opened.add(reconnect);
	}

	@Override
	public void openFailed(ManagedAssociation association, Duration elapsed, Throwable failure, boolean reconnect) {
		heard("failed");
		this.failed.add(failure);
	}

	private void heard(String event) {
		synchronized (this.attempts) {
			this.attempts.add(event);
		}
	}

	/**
	 * Return the attempts and their outcomes heard so far, in order: {@code attempting},
	 * {@code opened}, {@code failed}.
	 * @return a copy of the events
	 */
	List<String> attempts() {
		synchronized (this.attempts) {
			return new ArrayList<>(this.attempts);
		}
	}

	@Override
	public void died(ManagedAssociation association, Throwable cause) {
		this.died.add(cause);
	}

	@Override
	public void idleClosed(ManagedAssociation association) {
		this.idleClosed.add(association.name());
	}

	String awaitIdleClosed() throws InterruptedException {
		return take(this.idleClosed, "an association to close for being idle");
	}

	/**
	 * Wait for an association to open.
	 * @return whether it was a reconnect
	 */
	boolean awaitOpened() throws InterruptedException {
		return take(this.opened, "an association to open");
	}

	Throwable awaitFailed() throws InterruptedException {
		return take(this.failed, "an attempt to fail");
	}

	Throwable awaitDied() throws InterruptedException {
		return take(this.died, "an association to die");
	}

	private static <T> T take(BlockingQueue<T> queue, String what) throws InterruptedException {
		T event = queue.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		assertThat(event).as("waited for " + what).isNotNull();
		return event;
	}

}
