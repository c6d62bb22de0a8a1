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
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToLongFunction;

import io.socks5udp.core.client.Socks5AssociationCounters;
import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5DatagramListener;
import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The association with one SOCKS5 server, kept alive: opened at start (or on first use),
 * shared by every destination and thread that the server carries, and re-established with
 * {@link ReconnectBackoff exponential backoff and jitter} when it dies, each time with a
 * new relay address. While it is down, sends {@link OutageSendPolicy fail or wait} and
 * every datagram that does not go out is counted as dropped.
 * <p>
 * Instances are created and driven by {@link Socks5UdpTemplate}; health indicators and
 * metrics read their {@link #status() status} and {@link #traffic() traffic}.
 *
 * @author socks5-udp authors
 */
public final class ManagedAssociation {

	private static final Log logger = LogFactory.getLog(ManagedAssociation.class);

	private static final Socks5DropReason[] REASONS = Socks5DropReason.values();

	private static final Duration OPEN_GRACE = Duration.ofSeconds(1);

	/**
	 * Oldest retired counters are folded into totals beyond this many: by then no send
	 * can still be racing with their association's close.
	 */
	private static final int RETIRED_KEPT = 2;

	private final String name;

	private final Socks5AssociationOptions options;

	private final ReconnectBackoff backoff;

	private final OutageSendPolicy sendPolicy;

	private final Duration maxWait;

	private final AssociationOpener opener;

	private final Socks5UdpDatagramListener inbound;

	private final List<ManagedAssociationListener> listeners;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition stateChanged = this.lock.newCondition();

	private final Deque<Socks5AssociationCounters> retired = new ArrayDeque<>();

	private final LongAdder[] folded = new LongAdder[4 + REASONS.length];

	private final LongAdder noAssociation = new LongAdder();

	private final LongAdder sentAgain = new LongAdder();

	private final Socks5UdpTraffic traffic = new Traffic();

	private volatile @Nullable Socks5UdpAssociation current;

	private volatile @Nullable Socks5UdpRoute route;

	private State state = State.STOPPED;

	private Instant since = Instant.now();

	private @Nullable Throwable lastError;

	private int failedAttempts;

	private @Nullable Instant nextAttemptAt;

	private boolean everUp;

	private boolean failFast;

	private int backoffStep;

	private boolean attemptInFlight;

	private @Nullable ScheduledFuture<?> scheduledAttempt;

	private @Nullable ScheduledExecutorService scheduler;

	private @Nullable Executor openExecutor;

	private CompletableFuture<@Nullable Throwable> firstAttempt = CompletableFuture.completedFuture(null);

	ManagedAssociation(String name, Socks5AssociationOptions options, ReconnectBackoff backoff,
			OutageSendPolicy sendPolicy, Duration maxWait, AssociationOpener opener, Socks5UdpDatagramListener inbound,
			List<ManagedAssociationListener> listeners) {
		this.name = name;
		this.options = options;
		this.backoff = backoff;
		this.sendPolicy = sendPolicy;
		this.maxWait = maxWait;
		this.opener = opener;
		this.inbound = inbound;
		this.listeners = listeners;
		for (int i = 0; i < this.folded.length; i++) {
			this.folded[i] = new LongAdder();
		}
	}

	/**
	 * Return the logical name of the server.
	 * @return the server name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the options associations with this server are opened with.
	 * @return the options
	 */
	public Socks5AssociationOptions options() {
		return this.options;
	}

	/**
	 * Return the server's address as {@code host:port}.
	 * @return the server address
	 */
	public String serverAddress() {
		String host = this.options.host();
		return ((host.indexOf(':') >= 0) ? "[" + host + "]" : host) + ":" + this.options.port();
	}

	/**
	 * Return the current state.
	 * @return the state
	 */
	public State state() {
		this.lock.lock();
		try {
			return this.state;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return the route of the current association.
	 * @return the route, or {@code null} unless up
	 */
	public @Nullable Socks5UdpRoute route() {
		return this.route;
	}

	/**
	 * Return a consistent snapshot of the state, for health reports. Does no I/O.
	 * @return the status
	 */
	public ManagedAssociationStatus status() {
		this.lock.lock();
		try {
			Socks5UdpAssociation association = this.current;
			return new ManagedAssociationStatus(this.name, serverAddress(), this.state, this.since,
					(association != null) ? association.relayAddress() : null,
					(association != null) ? association.openedAt() : null, this.lastError, this.failedAttempts,
					this.nextAttemptAt);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return the cumulative traffic through this server, over all its associations.
	 * @return the traffic
	 */
	public Socks5UdpTraffic traffic() {
		return this.traffic;
	}

	CompletableFuture<@Nullable Throwable> start(ScheduledExecutorService scheduler, Executor openExecutor,
			boolean eager) {
		return start(scheduler, openExecutor, eager, false);
	}

	/**
	 * Start: open the association now ({@code eager}) or on first use.
	 * @param scheduler the scheduler of reconnect attempts
	 * @param openExecutor where attempts run
	 * @param eager whether to open now
	 * @param failFast whether a failed first attempt ends the start (the template then
	 * fails) instead of being retried with backoff
	 * @return the outcome of the first attempt: {@code null} on success, else the failure
	 */
	CompletableFuture<@Nullable Throwable> start(ScheduledExecutorService scheduler, Executor openExecutor,
			boolean eager, boolean failFast) {
		this.lock.lock();
		try {
			this.failFast = eager && failFast;
			this.scheduler = scheduler;
			this.openExecutor = openExecutor;
			this.failedAttempts = 0;
			this.backoffStep = 0;
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
		Socks5UdpAssociation association;
		this.lock.lock();
		try {
			association = this.current;
			this.current = null;
			this.route = null;
			if (association != null) {
				retire(association);
			}
			cancelScheduledAttempt();
			transition(State.STOPPED);
			this.firstAttempt.complete(null);
		}
		finally {
			this.lock.unlock();
		}
		if (association != null) {
			closeQuietly(association);
		}
	}

	void send(Socks5Address destination, ByteBuffer payload) {
		Socks5UdpAssociation association = association(destination);
		try {
			association.send(destination, payload);
		}
		catch (IOException ex) {
			sendAgainOrFail(association, destination, ex, (next) -> next.send(destination, payload));
		}
	}

	void send(Socks5Address destination, byte[] payload, int offset, int length) {
		Socks5UdpAssociation association = association(destination);
		try {
			association.send(destination, payload, offset, length);
		}
		catch (IOException ex) {
			sendAgainOrFail(association, destination, ex, (next) -> next.send(destination, payload, offset, length));
		}
	}

	/**
	 * Handle a failed send. With {@link OutageSendPolicy#WAIT}, a send that met an
	 * association closing under it waits for the next association like any send during
	 * the outage, and goes out through it; otherwise it fails.
	 */
	private void sendAgainOrFail(Socks5UdpAssociation association, Socks5Address destination, IOException ex,
			Transmission transmission) {
		if (!(ex instanceof Socks5AssociationClosedException) || this.sendPolicy != OutageSendPolicy.WAIT) {
			throw sendFailed(association, destination, ex);
		}
		died(association, ex);
		// The closed association counted the datagram as dropped; from here it is either
		// sent or rejected, and counted as that, so take the first count back
		this.sentAgain.increment();
		Socks5UdpAssociation next = awaitAssociation(destination);
		try {
			transmission.to(next);
		}
		catch (IOException again) {
			throw sendFailed(next, destination, again);
		}
	}

	/**
	 * One datagram's send through an association, to repeat it through another.
	 */
	@FunctionalInterface
	private interface Transmission {

		void to(Socks5UdpAssociation association) throws IOException;

	}

	private Socks5UdpAssociation association(Socks5Address destination) {
		Socks5UdpAssociation association = this.current;
		return (association != null) ? association : awaitAssociation(destination);
	}

	private Socks5UdpException sendFailed(Socks5UdpAssociation association, Socks5Address destination, IOException ex) {
		if (ex instanceof Socks5AssociationClosedException) {
			// The association counted the datagram; the closed association is dead even
			// if its close future has not fired yet.
			died(association, ex);
			this.lock.lock();
			try {
				return new Socks5UdpServerUnavailableException(unavailableMessage(destination, "association closed"),
						this.name, this.since, ex);
			}
			finally {
				this.lock.unlock();
			}
		}
		return new Socks5UdpException(
				"Could not send to " + destination + " via server '" + this.name + "': " + Socks5UdpErrors.describe(ex),
				ex);
	}

	private Socks5UdpAssociation awaitAssociation(Socks5Address destination) {
		long start = System.nanoTime();
		this.lock.lock();
		try {
			while (true) {
				Socks5UdpAssociation association = this.current;
				if (association != null) {
					return association;
				}
				long deadline;
				switch (this.state) {
					case STOPPED -> throw rejected(destination, "the template is not running");
					case IDLE -> {
						transition(State.CONNECTING);
						submitAttempt();
						deadline = start + openTimeout();
					}
					case CONNECTING -> deadline = start + openTimeout();
					case DOWN -> {
						if (this.sendPolicy == OutageSendPolicy.FAIL) {
							throw rejected(destination, "association down");
						}
						deadline = start + this.maxWait.toNanos();
					}
					default -> deadline = start;
				}
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					throw rejected(destination, "no association after waiting "
							+ Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
				}
				try {
					this.stateChanged.awaitNanos(remaining);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw rejected(destination, "interrupted while waiting for the association");
				}
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private long openTimeout() {
		return this.options.connectTimeout().plus(this.options.handshakeTimeout()).plus(OPEN_GRACE).toNanos();
	}

	private Socks5UdpServerUnavailableException rejected(Socks5Address destination, String reason) {
		this.noAssociation.increment();
		Throwable error = this.lastError;
		IOException cause = (error instanceof IOException io) ? io
				: new Socks5AssociationClosedException("No association with " + serverAddress(), error);
		Instant downSince = (this.state == State.DOWN) ? this.since : null;
		return new Socks5UdpServerUnavailableException(unavailableMessage(destination, reason), this.name, downSince,
				cause);
	}

	private String unavailableMessage(Socks5Address destination, String reason) {
		StringBuilder message = new StringBuilder("Datagram to ").append(destination)
			.append(" not sent: SOCKS5 server '")
			.append(this.name)
			.append("' (")
			.append(serverAddress())
			.append(") unavailable, ")
			.append(reason);
		if (this.state == State.DOWN) {
			message.append(", down since ").append(this.since);
		}
		if (this.lastError != null) {
			message.append(", last error ").append(Socks5UdpErrors.describe(this.lastError));
		}
		return message.toString();
	}

	private void submitAttempt() {
		this.attemptInFlight = true;
		this.nextAttemptAt = null;
		this.scheduledAttempt = null;
		// Set by start(), before any attempt
		Objects.requireNonNull(this.openExecutor).execute(this::attempt);
	}

	private void scheduleAttempt() {
		// Steps count from the last start, success or death: 1, 2, 3... never repeated
		this.backoffStep++;
		Duration delay = this.backoff.delay(this.backoffStep, ThreadLocalRandom.current().nextDouble());
		this.nextAttemptAt = Instant.now().plus(delay);
		this.scheduledAttempt = Objects.requireNonNull(this.scheduler)
			.schedule(this::scheduledAttemptDue, delay.toNanos(), TimeUnit.NANOSECONDS);
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

	private void cancelScheduledAttempt() {
		if (this.scheduledAttempt != null) {
			this.scheduledAttempt.cancel(false);
			this.scheduledAttempt = null;
		}
		this.nextAttemptAt = null;
	}

	private void attempt() {
		boolean reconnect;
		this.lock.lock();
		try {
			if (this.state == State.STOPPED) {
				this.attemptInFlight = false;
				return;
			}
			reconnect = this.everUp || this.failedAttempts > 0;
		}
		finally {
			this.lock.unlock();
		}
		long started = System.nanoTime();
		Socks5UdpAssociation association;
		try {
			association = this.opener.open(this.options);
		}
		catch (IOException | RuntimeException ex) {
			attemptFailed(ex, Duration.ofNanos(System.nanoTime() - started), reconnect);
			return;
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		Socks5UdpRoute newRoute = new Socks5UdpRoute(this.name, association.relayAddress());
		try {
			association.startReceiving(new Socks5DatagramListener() {

				@Override
				public void onDatagram(Socks5Address source, ByteBuffer payload) {
					ManagedAssociation.this.inbound.onDatagram(source, payload, newRoute);
				}

				@Override
				public void onDrop(Socks5DropReason reason, @Nullable Socks5Address source) {
					ManagedAssociation.this.inbound.onDrop(reason, source, newRoute);
				}

			});
		}
		catch (RuntimeException ex) {
			closeQuietly(association);
			attemptFailed(ex, elapsed, reconnect);
			return;
		}
		this.lock.lock();
		try {
			this.attemptInFlight = false;
			if (this.state == State.STOPPED) {
				closeQuietly(association);
				return;
			}
			this.current = association;
			this.route = newRoute;
			this.lastError = null;
			this.failedAttempts = 0;
			this.backoffStep = 0;
			this.everUp = true;
			cancelScheduledAttempt();
			transition(State.UP);
			this.firstAttempt.complete(null);
		}
		finally {
			this.lock.unlock();
		}
		association.closeFuture().whenComplete((cause, ex) -> died(association, (cause != null) ? cause : ex));
		if (reconnect) {
			logger.info("Re-established UDP association with SOCKS5 server '" + this.name + "' (" + serverAddress()
					+ "), relay " + newRoute.relayAddress());
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Opened UDP association with SOCKS5 server '" + this.name + "' (" + serverAddress()
					+ "), relay " + newRoute.relayAddress());
		}
		for (ManagedAssociationListener listener : this.listeners) {
			listener.opened(this, elapsed, reconnect);
		}
	}

	private void attemptFailed(Throwable failure, Duration elapsed, boolean reconnect) {
		boolean wentDown;
		boolean retry;
		this.lock.lock();
		try {
			this.attemptInFlight = false;
			if (this.state == State.STOPPED) {
				return;
			}
			this.failedAttempts++;
			this.lastError = failure;
			wentDown = this.state != State.DOWN;
			if (wentDown) {
				transition(State.DOWN);
			}
			else {
				this.stateChanged.signalAll();
			}
			// With fail-fast, a first attempt that fails fails the start: nothing to
			// retry
			retry = !(this.failFast && !this.everUp);
			if (retry) {
				scheduleAttempt();
			}
			this.firstAttempt.complete(failure);
		}
		finally {
			this.lock.unlock();
		}
		if (wentDown && retry) {
			logger.warn("Could not open a UDP association with SOCKS5 server '" + this.name + "' (" + serverAddress()
					+ "): " + Socks5UdpErrors.describe(failure) + "; retrying with backoff");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Attempt " + this.failedAttempts + " to re-associate with SOCKS5 server '" + this.name
					+ "' failed: " + Socks5UdpErrors.describe(failure));
		}
		for (ManagedAssociationListener listener : this.listeners) {
			listener.openFailed(this, elapsed, failure, reconnect);
		}
	}

	private void died(Socks5UdpAssociation association, @Nullable Throwable cause) {
		Throwable failure = (cause != null) ? cause
				: new Socks5AssociationClosedException("Association with " + serverAddress() + " closed");
		this.lock.lock();
		try {
			if (this.current != association) {
				return;
			}
			this.current = null;
			this.route = null;
			retire(association);
			if (this.state == State.STOPPED) {
				return;
			}
			this.lastError = failure;
			this.failedAttempts = 0;
			this.backoffStep = 0;
			transition(State.DOWN);
			scheduleAttempt();
		}
		finally {
			this.lock.unlock();
		}
		closeQuietly(association);
		logger.warn("UDP association with SOCKS5 server '" + this.name + "' (" + serverAddress() + ") died: "
				+ Socks5UdpErrors.describe(failure) + "; re-associating with backoff");
		for (ManagedAssociationListener listener : this.listeners) {
			listener.died(this, failure);
		}
	}

	private void transition(State newState) {
		this.state = newState;
		this.since = Instant.now();
		this.stateChanged.signalAll();
	}

	private void retire(Socks5UdpAssociation association) {
		this.retired.addLast(association.counters());
		while (this.retired.size() > RETIRED_KEPT) {
			Socks5AssociationCounters oldest = this.retired.removeFirst();
			this.folded[0].add(oldest.datagramsSent());
			this.folded[1].add(oldest.bytesSent());
			this.folded[2].add(oldest.datagramsReceived());
			this.folded[3].add(oldest.bytesReceived());
			for (Socks5DropReason reason : REASONS) {
				this.folded[4 + reason.ordinal()].add(oldest.dropped(reason));
			}
		}
	}

	private static void closeQuietly(Socks5UdpAssociation association) {
		try {
			association.close();
		}
		catch (RuntimeException ex) {
			logger.debug("Error closing association", ex);
		}
	}

	/**
	 * The states of a managed association.
	 */
	public enum State {

		/**
		 * Not opened yet: associations open on first use.
		 */
		IDLE,

		/**
		 * The first attempt to open the association is under way.
		 */
		CONNECTING,

		/**
		 * The association is open: datagrams go to its relay.
		 */
		UP,

		/**
		 * The association died or could not be opened; attempts to re-establish it go on
		 * with backoff.
		 */
		DOWN,

		/**
		 * The template is not running.
		 */
		STOPPED

	}

	private final class Traffic implements Socks5UdpTraffic {

		@Override
		public long datagramsSent() {
			return sum(0, Socks5AssociationCounters::datagramsSent);
		}

		@Override
		public long bytesSent() {
			return sum(1, Socks5AssociationCounters::bytesSent);
		}

		@Override
		public long datagramsReceived() {
			return sum(2, Socks5AssociationCounters::datagramsReceived);
		}

		@Override
		public long bytesReceived() {
			return sum(3, Socks5AssociationCounters::bytesReceived);
		}

		@Override
		public long dropped(Socks5DropReason reason) {
			long total = sum(4 + reason.ordinal(), (counters) -> counters.dropped(reason));
			return (reason != Socks5DropReason.NO_ASSOCIATION) ? total
					: total + ManagedAssociation.this.noAssociation.sum() - ManagedAssociation.this.sentAgain.sum();
		}

		private long sum(int index, ToLongFunction<Socks5AssociationCounters> value) {
			ManagedAssociation.this.lock.lock();
			try {
				long total = ManagedAssociation.this.folded[index].sum();
				for (Socks5AssociationCounters counters : ManagedAssociation.this.retired) {
					total += value.applyAsLong(counters);
				}
				Socks5UdpAssociation association = ManagedAssociation.this.current;
				return (association != null) ? total + value.applyAsLong(association.counters()) : total;
			}
			finally {
				ManagedAssociation.this.lock.unlock();
			}
		}

	}

}
