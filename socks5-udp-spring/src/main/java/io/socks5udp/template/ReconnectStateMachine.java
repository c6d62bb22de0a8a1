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

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import io.socks5udp.template.ManagedAssociation.State;

import org.jspecify.annotations.Nullable;

/**
 * Keeps one server's association open while it is needed, as Lettuce's connection
 * watchdog keeps a connection: opens it (at start if warm, else on first use), notices
 * when it dies, and opens the next one after a {@link ReconnectBackoff backoff}, each
 * time with a new relay address; closes it when it has been {@link IdleWatch idle} unless
 * warm. Its {@link State states} are IDLE, CONNECTING, UP, DOWN and STOPPED; every change
 * happens under one lock and wakes the senders waiting for an association.
 *
 * @author socks5-udp authors
 */
final class ReconnectStateMachine {

	private final ManagedAssociation owner;

	private final AssociationSettings settings;

	private final AssociationMessages messages;

	private final RouteTraffic traffic = new RouteTraffic();

	private final IdleWatch idle;

	private final Socks5UdpDatagramListener inbound;

	private final ManagedAssociationEvents events;

	private final ReconnectSchedule schedule;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition stateChanged = this.lock.newCondition();

	private final AssociationWait wait = new AssociationWait(this, this.lock, this.stateChanged);

	private volatile @Nullable OpenAssociation open;

	// Written under the lock; volatile so that a glance at the state takes no lock
	private volatile State state = State.STOPPED;

	private Instant since = Instant.now();

	private @Nullable Throwable lastError;

	// Written under the lock; volatile so that a failover group reads it without one
	private volatile int failedAttempts;

	private boolean everUp;

	private boolean failFast;

	private boolean attemptInFlight;

	private @Nullable Executor openExecutor;

	private CompletableFuture<@Nullable Throwable> firstAttempt = CompletableFuture.completedFuture(null);

	ReconnectStateMachine(ManagedAssociation owner, AssociationSettings settings, Socks5UdpDatagramListener inbound,
			List<ManagedAssociationListener> listeners) {
		this.owner = owner;
		this.settings = settings;
		this.inbound = inbound;
		this.messages = new AssociationMessages(owner.name(), owner.serverAddress());
		this.events = new ManagedAssociationEvents(owner, this.messages, listeners);
		this.schedule = new ReconnectSchedule(settings.backoff());
		this.idle = new IdleWatch(this.traffic, settings.idleTimeout());
	}

	// The open association and its route, or null unless up
	@Nullable OpenAssociation open() {
		return this.open;
	}

	State state() {
		return this.state;
	}

	int failedAttempts() {
		return this.failedAttempts;
	}

	ManagedAssociationStatus status() {
		this.lock.lock();
		try {
			OpenAssociation current = this.open;
			Socks5UdpAssociation association = (current != null) ? current.association() : null;
			return new ManagedAssociationStatus(this.owner.name(), this.owner.serverAddress(), this.state, this.since,
					(association != null) ? association.relayAddress() : null,
					(association != null) ? association.openedAt() : null, this.lastError, this.failedAttempts,
					this.schedule.nextAttemptAt());
		}
		finally {
			this.lock.unlock();
		}
	}

	// See ManagedAssociation.start
	CompletableFuture<@Nullable Throwable> start(ScheduledExecutorService scheduler, Executor openExecutor,
			boolean eager, boolean failFast) {
		this.lock.lock();
		try {
			this.failFast = eager && failFast;
			this.schedule.start(scheduler);
			this.openExecutor = openExecutor;
			this.failedAttempts = 0;
			this.lastError = null;
			this.everUp = false;
			this.firstAttempt = new CompletableFuture<>();
			transition(eager ? State.CONNECTING : State.IDLE);
			if (eager) {
				submitAttempt();
			}
			return this.firstAttempt;
		}
		finally {
			this.lock.unlock();
		}
	}

	void stop() {
		OpenAssociation current;
		this.lock.lock();
		try {
			current = detach();
			transition(State.STOPPED);
			this.firstAttempt.complete(null);
		}
		finally {
			this.lock.unlock();
		}
		closeDetached(current);
	}

	// Close the association, or stop re-establishing it, if it is not warm and nothing
	// used it for the idle timeout; the next send opens one again
	void closeIfIdle() {
		OpenAssociation current;
		this.lock.lock();
		try {
			if (this.owner.isWarm() || (this.state != State.UP && this.state != State.DOWN) || !this.idle.isIdle()) {
				return;
			}
			current = detach();
			backToIdle();
		}
		finally {
			this.lock.unlock();
		}
		closeDetached(current);
		this.events.idleClosed();
	}

	private @Nullable OpenAssociation detach() {
		OpenAssociation current = this.open;
		this.open = null;
		if (current != null) {
			this.traffic.closed(current.association().counters());
		}
		this.schedule.cancel();
		return current;
	}

	private void closeDetached(@Nullable OpenAssociation current) {
		if (current != null) {
			closeQuietly(current.association());
		}
	}

	private void backToIdle() {
		this.everUp = false;
		this.failedAttempts = 0;
		this.lastError = null;
		transition(State.IDLE);
	}

	OpenAssociation await(Socks5Address destination, OutagePolicy outage) {
		return this.wait.await(destination, outage);
	}

	// For the first send (which holds the lock) or a server made warm while running
	void openIfIdle() {
		this.lock.lock();
		try {
			if (this.state == State.IDLE) {
				this.idle.touch();
				transition(State.CONNECTING);
				submitAttempt();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private void submitAttempt() {
		this.attemptInFlight = true;
		this.schedule.cancel();
		boolean reconnect = this.everUp || this.failedAttempts > 0;
		// Set by start(), before any attempt
		Objects.requireNonNull(this.openExecutor)
			.execute(new AssociationAttempt(this, this.owner, this.settings.opener(), this.settings.observations(),
					this.inbound, reconnect));
	}

	private void scheduledAttemptDue() {
		this.lock.lock();
		try {
			if (this.state == State.DOWN && !this.attemptInFlight) {
				submitAttempt();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	// Whether an attempt about to start goes on: not if the template stopped since. If it
	// does, the listeners hear of it first, outside the lock
	boolean attemptStarts() {
		this.lock.lock();
		try {
			if (this.state == State.STOPPED) {
				this.attemptInFlight = false;
				return false;
			}
		}
		finally {
			this.lock.unlock();
		}
		this.events.attempting();
		return true;
	}

	void attemptSucceeded(OpenAssociation opened, Duration elapsed, boolean reconnect) {
		boolean stopped;
		this.lock.lock();
		try {
			this.attemptInFlight = false;
			stopped = this.state == State.STOPPED;
			if (!stopped) {
				up(opened);
			}
		}
		finally {
			this.lock.unlock();
		}
		Socks5UdpAssociation association = opened.association();
		if (stopped) {
			closeQuietly(association);
			return;
		}
		association.closeFuture().whenComplete((cause, ex) -> died(association, (cause != null) ? cause : ex));
		this.events.opened(opened.route(), elapsed, reconnect);
	}

	private void up(OpenAssociation opened) {
		this.open = opened;
		this.traffic.opened(opened.association().counters());
		this.lastError = null;
		this.failedAttempts = 0;
		this.everUp = true;
		this.schedule.cancel();
		this.idle.touch();
		transition(State.UP);
		this.firstAttempt.complete(null);
	}

	void attemptFailed(Throwable failure, Duration elapsed, boolean reconnect) {
		boolean wentDown;
		boolean retry;
		int attempt;
		this.lock.lock();
		try {
			this.attemptInFlight = false;
			if (this.state == State.STOPPED) {
				return;
			}
			attempt = this.failedAttempts + 1;
			this.failedAttempts = attempt;
			this.lastError = failure;
			wentDown = this.state != State.DOWN;
			if (wentDown) {
				transition(State.DOWN);
			}
			else {
				this.stateChanged.signalAll();
			}
			// With fail-fast a failed first attempt fails the start: nothing to retry
			retry = !(this.failFast && !this.everUp);
			if (retry) {
				this.schedule.schedule(this::scheduledAttemptDue);
			}
			this.firstAttempt.complete(failure);
		}
		finally {
			this.lock.unlock();
		}
		this.events.openFailed(failure, elapsed, reconnect, attempt, wentDown && retry);
	}

	/**
	 * Learn that an association died: from its close future, or from a send that found it
	 * closed before the future fired. Only the first report of the open association
	 * counts.
	 * @param association the association
	 * @param cause why it died, or {@code null} if it was closed without a reason
	 */
	void died(Socks5UdpAssociation association, Throwable cause) {
		Throwable failure = (cause != null) ? cause : new Socks5AssociationClosedException(this.messages.closed());
		this.lock.lock();
		try {
			OpenAssociation current = this.open;
			if (current == null || current.association() != association) {
				return;
			}
			this.open = null;
			this.traffic.closed(association.counters());
			if (this.state == State.STOPPED) {
				return;
			}
			this.schedule.died(Duration.between(association.openedAt(), Instant.now()));
			if (!this.owner.isWarm() && this.idle.isIdle()) {
				// Nothing needs it: the next send opens one, as after an idle close
				backToIdle();
			}
			else {
				this.lastError = failure;
				this.failedAttempts = 0;
				transition(State.DOWN);
				this.schedule.schedule(this::scheduledAttemptDue);
			}
		}
		finally {
			this.lock.unlock();
		}
		closeQuietly(association);
		this.events.died(failure);
	}

	private void transition(State newState) {
		this.state = newState;
		this.since = Instant.now();
		this.stateChanged.signalAll();
	}

	void closeQuietly(Socks5UdpAssociation association) {
		this.events.closeQuietly(association);
	}

	ManagedAssociation owner() {
		return this.owner;
	}

	AssociationMessages messages() {
		return this.messages;
	}

	RouteTraffic traffic() {
		return this.traffic;
	}

}
