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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.template.ManagedAssociation.State;
import org.jspecify.annotations.Nullable;

/**
 * The servers of a rule with alternatives, in order of preference, and which of them may
 * carry its traffic: the first that works, or with spreading, one per destination among
 * those that work. A server whose association cannot be opened (refused, unreachable,
 * handshake timeout, authentication failure, command not supported) or whose association
 * died and could not be re-opened once is <em>benched</em>: passed over for the
 * retry-after time (Dante's {@code badexpire}), then tried again in the background, and
 * given the traffic back once its association is open. Datagrams only ever go to the
 * rule's servers. Choosing allocates nothing.
 *
 * @author socks5-udp authors
 */
final class FailoverGroup {

	private static final long NOT_BENCHED = 0;

	private final String name;

	private final ManagedAssociation[] servers;

	private final long retryAfterNanos;

	private final FailoverEvents events;

	private final OutagePolicy outage;

	// Per server: until when it is passed over (System.nanoTime), or NOT_BENCHED
	private final AtomicLongArray benchedUntil;

	// Per server: why it was benched, and since when
	private final AtomicReferenceArray<@Nullable Bench> benches;

	FailoverGroup(List<ManagedAssociation> servers, Duration retryAfter, FailoverEvents events) {
		this.servers = servers.toArray(new ManagedAssociation[0]);
		List<String> names = new ArrayList<>();
		servers.forEach((server) -> names.add(server.name()));
		this.name = String.join(",", names);
		this.retryAfterNanos = retryAfter.toNanos();
		this.events = events;
		this.outage = this.servers[0].outage().forFailover();
		this.benchedUntil = new AtomicLongArray(this.servers.length);
		this.benches = new AtomicReferenceArray<>(this.servers.length);
	}

	/**
	 * Return the group's name: its servers' names in order, separated by commas.
	 * @return the name
	 */
	String name() {
		return this.name;
	}

	/**
	 * Return the outage policy of a send through a server the group chose: refused as
	 * soon as the server failed an attempt, so that the next one can take the datagram.
	 * @return the policy
	 */
	OutagePolicy outage() {
		return this.outage;
	}

	/**
	 * Return the preferred server, which takes the datagrams, under the template's outage
	 * policy, while no server of the group works.
	 * @return the first server
	 */
	ManagedAssociation preferred() {
		return this.servers[0];
	}

	int size() {
		return this.servers.length;
	}

	/**
	 * Choose the server for a datagram.
	 * @param destination the datagram's destination
	 * @param spread whether to spread destinations over the working servers
	 * @return the server, or {@code null} if none may carry it now
	 */
	@Nullable ManagedAssociation choose(Socks5Address destination, boolean spread) {
		long now = System.nanoTime();
		if (!spread) {
			for (int i = 0; i < this.servers.length; i++) {
				if (mayCarry(i, now)) {
					return this.servers[i];
				}
			}
			return null;
		}
		// Rendezvous hashing: each destination goes to the working server that scores
		// highest for it, so that a server that fails or returns moves only its own
		// destinations
		long hash = DestinationHash.of(destination);
		int chosen = -1;
		long best = Long.MIN_VALUE;
		for (int i = 0; i < this.servers.length; i++) {
			if (mayCarry(i, now)) {
				long score = DestinationHash.mix(hash + i);
				if (chosen < 0 || score > best) {
					chosen = i;
					best = score;
				}
			}
		}
		return (chosen >= 0) ? this.servers[chosen] : null;
	}

	private boolean mayCarry(int index, long now) {
		ManagedAssociation server = this.servers[index];
		State state = server.state();
		long until = this.benchedUntil.get(index);
		if (until != NOT_BENCHED) {
			if (now - until < 0) {
				return false;
			}
			if (state == State.UP) {
				unbench(index);
				return true;
			}
			// Still failing, or not tried since: try it again in the background, and
			// pass it over for another while
			server.openIfIdle();
			this.benchedUntil.compareAndSet(index, until, Math.max(now + this.retryAfterNanos, NOT_BENCHED + 1));
			return false;
		}
		if (state == State.DOWN && server.failedAttempts() > 0) {
			bench(index, now, Bench.of(server.status().lastError(), new IllegalStateException("association down")));
			return false;
		}
		return true;
	}

	/**
	 * Learn that a server refused a datagram the group gave it.
	 * @param server the server
	 * @param refusal why
	 * @return whether the server failed an attempt to open its association, so that the
	 * datagram may go to the next server; otherwise (its association died and the first
	 * attempt to re-open it is still to come) the refusal stands, as the outage policy
	 * says
	 */
	boolean refused(ManagedAssociation server, Socks5UdpServerUnavailableException refusal) {
		if (server.failedAttempts() == 0) {
			return false;
		}
		for (int i = 0; i < this.servers.length; i++) {
			if (this.servers[i] == server) {
				bench(i, System.nanoTime(), Bench.of(server.status().lastError(), refusal));
			}
		}
		return true;
	}

	private void bench(int index, long now, Bench bench) {
		long until = Math.max(now + this.retryAfterNanos, NOT_BENCHED + 1);
		if (this.benchedUntil.compareAndSet(index, NOT_BENCHED, until)) {
			this.benches.set(index, bench);
			this.events.failedOver(this, this.servers[index], carrier(), bench.cause());
		}
	}

	private void unbench(int index) {
		long until = this.benchedUntil.get(index);
		if (until != NOT_BENCHED && this.benchedUntil.compareAndSet(index, until, NOT_BENCHED)) {
			this.benches.set(index, null);
			this.events.returned(this, this.servers[index], carrier());
		}
	}

	/**
	 * Return the server that carries the rule's traffic unless it spreads: the first one
	 * not benched.
	 * @return the server, or {@code null} if every one is benched
	 */
	@Nullable ManagedAssociation carrier() {
		for (int i = 0; i < this.servers.length; i++) {
			if (this.benchedUntil.get(i) == NOT_BENCHED) {
				return this.servers[i];
			}
		}
		return null;
	}

	/**
	 * Return a snapshot of which server carries the rule and why the others do not.
	 * @return the status
	 */
	Socks5UdpFailoverStatus status() {
		ManagedAssociation carrier = carrier();
		List<Socks5UdpFailoverStatus.Server> servers = new ArrayList<>();
		for (int i = 0; i < this.servers.length; i++) {
			ManagedAssociation server = this.servers[i];
			Bench bench = this.benches.get(i);
			String reason;
			if (bench != null) {
				reason = "failed " + bench.since() + ": " + Socks5UdpErrors.describe(bench.cause())
						+ "; passed over until retried";
			}
			else if (server == carrier) {
				reason = "carries the rule's traffic";
			}
			else {
				reason = "standby: " + carrierName(carrier) + " comes first";
			}
			servers.add(new Socks5UdpFailoverStatus.Server(server.name(), server.state(), bench == null, reason));
		}
		return new Socks5UdpFailoverStatus(this.name, (carrier != null) ? carrier.name() : null, servers);
	}

	private static String carrierName(@Nullable ManagedAssociation carrier) {
		return (carrier != null) ? carrier.name() : "none";
	}

	/**
	 * Why a server was benched, and since when.
	 */
	private record Bench(Throwable cause, Instant since) {

		static Bench of(@Nullable Throwable cause, Throwable otherwise) {
			return new Bench((cause != null) ? cause : otherwise, Instant.now());
		}

	}

}
