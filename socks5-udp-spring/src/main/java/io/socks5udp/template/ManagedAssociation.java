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
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import org.jspecify.annotations.Nullable;

/**
 * The association with one SOCKS5 server, kept alive while it is needed: opened on the
 * first send through the server (or at start if the server is {@link #isWarm() warm}),
 * shared by every destination and thread that the server carries, and re-established with
 * {@link ReconnectBackoff exponential backoff and jitter} when it dies, each time with a
 * new relay address. One that is not warm is closed when it has carried nothing for the
 * idle timeout, and opened again by the next send. While it is down, sends
 * {@link OutageSendPolicy fail or wait} and every datagram that does not go out is
 * counted as dropped.
 * <p>
 * Instances are created and driven by {@link Socks5UdpTemplate}; health indicators and
 * metrics read their {@link #status() status} and {@link #traffic() traffic}.
 *
 * @author socks5-udp authors
 */
public final class ManagedAssociation {

	private final String name;

	private final Socks5AssociationOptions options;

	private final OutagePolicy outage;

	private final ReconnectStateMachine machine;

	private volatile boolean warm;

	ManagedAssociation(String name, Socks5AssociationOptions options, AssociationSettings settings,
			Socks5UdpDatagramListener inbound, List<ManagedAssociationListener> listeners) {
		this.name = name;
		this.options = options;
		this.outage = settings.outage();
		this.machine = new ReconnectStateMachine(this, settings, inbound, listeners);
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
	 * Return whether the association is warm: opened at start, re-established whether or
	 * not anything uses it, and never closed for being idle.
	 * @return whether it is warm
	 */
	public boolean isWarm() {
		return this.warm;
	}

	void warm() {
		this.warm = true;
	}

	void openIfIdle() {
		this.machine.openIfIdle();
	}

	void closeIfIdle() {
		this.machine.closeIfIdle();
	}

	/**
	 * Return the current state.
	 * @return the state
	 */
	public State state() {
		return this.machine.state();
	}

	/**
	 * Return the route of the current association.
	 * @return the route, or {@code null} unless up
	 */
	public @Nullable Socks5UdpRoute route() {
		OpenAssociation open = this.machine.open();
		return (open != null) ? open.route() : null;
	}

	/**
	 * Return a consistent snapshot of the state, for health reports. Does no I/O.
	 * @return the status
	 */
	public ManagedAssociationStatus status() {
		return this.machine.status();
	}

	/**
	 * Return the cumulative traffic through this server, over all its associations.
	 * @return the traffic
	 */
	public Socks5UdpTraffic traffic() {
		return this.machine.traffic();
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
		return this.machine.start(scheduler, openExecutor, eager, failFast);
	}

	void stop() {
		this.machine.stop();
	}

	/**
	 * Send a datagram through the open association, or the next one as the outage policy
	 * says.
	 * @param destination the destination
	 * @param payload the payload, the buffer's remaining bytes
	 * @return the route of the association that took the datagram
	 */
	Socks5UdpRoute send(Socks5Address destination, ByteBuffer payload) {
		return send(destination, payload, this.outage);
	}

	/**
	 * Send a datagram through the open association, or the next one as the given outage
	 * policy says.
	 * @param destination the destination
	 * @param payload the payload, the buffer's remaining bytes
	 * @param outage what to do while there is no open association
	 * @return the route of the association that took the datagram
	 */
	Socks5UdpRoute send(Socks5Address destination, ByteBuffer payload, OutagePolicy outage) {
		OpenAssociation open = openAssociation(destination, outage);
		try {
			open.association().send(destination, payload);
			return open.route();
		}
		catch (IOException ex) {
			return sendAgainOrFail(open, destination, ex, outage, (next) -> next.send(destination, payload));
		}
	}

	/**
	 * Send a datagram through the open association, or the next one as the outage policy
	 * says.
	 * @param destination the destination
	 * @param payload the array holding the payload
	 * @param offset where the payload starts
	 * @param length the payload's length
	 * @return the route of the association that took the datagram
	 */
	Socks5UdpRoute send(Socks5Address destination, byte[] payload, int offset, int length) {
		return send(destination, payload, offset, length, this.outage);
	}

	/**
	 * Send a datagram through the open association, or the next one as the given outage
	 * policy says.
	 * @param destination the destination
	 * @param payload the array holding the payload
	 * @param offset where the payload starts
	 * @param length the payload's length
	 * @param outage what to do while there is no open association
	 * @return the route of the association that took the datagram
	 */
	Socks5UdpRoute send(Socks5Address destination, byte[] payload, int offset, int length, OutagePolicy outage) {
		OpenAssociation open = openAssociation(destination, outage);
		try {
			open.association().send(destination, payload, offset, length);
			return open.route();
		}
		catch (IOException ex) {
			return sendAgainOrFail(open, destination, ex, outage,
					(next) -> next.send(destination, payload, offset, length));
		}
	}

	private OpenAssociation openAssociation(Socks5Address destination, OutagePolicy outage) {
		OpenAssociation open = this.machine.open();
		return (open != null) ? open : this.machine.await(destination, outage);
	}

	/**
	 * Return the outage policy of sends through this server alone.
	 * @return the policy
	 */
	OutagePolicy outage() {
		return this.outage;
	}

	/**
	 * Return how many attempts to open the association failed in a row.
	 * @return the count, 0 while up or before any failure
	 */
	int failedAttempts() {
		return this.machine.failedAttempts();
	}

	/**
	 * Take back the drop this server counted for a send it refused, because the rule's
	 * next server takes the datagram and counts it.
	 */
	void sentElsewhere() {
		this.machine.traffic().sentAgain();
	}

	/**
	 * Handle a failed send. With {@link OutageSendPolicy#WAIT}, a send that met an
	 * association closing under it waits for the next association like any send during
	 * the outage, and goes out through it; otherwise it fails.
	 */
	private Socks5UdpRoute sendAgainOrFail(OpenAssociation open, Socks5Address destination, IOException ex,
			OutagePolicy outage, Transmission transmission) {
		// An association closed for being idle under a send that found it open was not
		// lost: the send opens the next one, whatever the outage policy
		boolean idleClosed = this.machine.state() == State.IDLE;
		if (!(ex instanceof Socks5AssociationClosedException) || !(outage.sendsAgainAfterClose() || idleClosed)) {
			throw sendFailed(open, destination, ex);
		}
		this.machine.died(open.association(), ex);
		// The closed association counted the datagram as dropped; from here it is either
		// sent or refused, and counted as that, so take the first count back
		this.machine.traffic().sentAgain();
		OpenAssociation next = this.machine.await(destination, outage);
		try {
			transmission.to(next.association());
			return next.route();
		}
		catch (IOException again) {
			throw sendFailed(next, destination, again);
		}
	}

	private Socks5UdpException sendFailed(OpenAssociation open, Socks5Address destination, IOException ex) {
		if (ex instanceof Socks5AssociationClosedException) {
			// The association counted the datagram; the closed association is dead even
			// if its close future has not fired yet.
			this.machine.died(open.association(), ex);
			return this.machine.messages().closedUnder(destination, this.machine.status(), ex);
		}
		return this.machine.messages().sendFailed(destination, ex);
	}

	/**
	 * One datagram's send through an association, to repeat it through another.
	 */
	@FunctionalInterface
	private interface Transmission {

		void to(Socks5UdpAssociation association) throws IOException;

	}

	/**
	 * The states of a managed association.
	 */
	public enum State {

		/**
		 * No association open, and none needed yet: not opened yet, or closed after
		 * carrying nothing for the idle timeout. The next send opens one.
		 */
		IDLE,

		/**
		 * An attempt to open the association from {@link #IDLE} is under way; sends wait
		 * for it.
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

}
