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
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.protocol.Socks5Address;

/**
 * A send's wait for its server's association, under the {@link ReconnectStateMachine}'s
 * lock: as long as the {@link OutagePolicy} lets a send wait in each state. A send that
 * finds the association idle starts opening it, and every send that comes while it opens
 * waits for that one attempt: concurrent first sends open one association.
 *
 * @param machine the state machine whose association a send waits for
 * @param lock the state machine's lock
 * @param stateChanged the condition signalled on every change of state
 * @author socks5-udp authors
 */
record AssociationWait(ReconnectStateMachine machine, ReentrantLock lock, Condition stateChanged) {

	private static final Duration OPEN_GRACE = Duration.ofSeconds(1);

	/**
	 * Wait for the association.
	 * @param destination the datagram's destination, for the message of a refusal
	 * @param outage the outage policy
	 * @return the open association
	 * @throws Socks5UdpServerUnavailableException if no association opened within the
	 * outage policy's patience; the datagram is counted as dropped
	 */
	OpenAssociation await(Socks5Address destination, OutagePolicy outage) {
		long start = System.nanoTime();
		this.lock.lock();
		try {
			while (true) {
				OpenAssociation current = this.machine.open();
				if (current != null) {
					return current;
				}
				this.machine.openIfIdle();
				ManagedAssociation.State state = this.machine.state();
				long patience = outage.patienceNanos(state, openTimeout(), this.machine.failedAttempts());
				if (patience == OutagePolicy.REFUSE) {
					throw refused(destination, outage.refusal(state));
				}
				long remaining = start + patience - System.nanoTime();
				if (remaining <= 0) {
					throw refused(destination, "no association after waiting "
							+ Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
				}
				try {
					this.stateChanged.awaitNanos(remaining);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw refused(destination, "interrupted while waiting for the association");
				}
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return the exception of a send refused for want of an association, the datagram
	 * counted as dropped.
	 */
	private Socks5UdpServerUnavailableException refused(Socks5Address destination, String reason) {
		this.machine.traffic().totals().drop(Socks5DropReason.NO_ASSOCIATION);
		return this.machine.messages().refused(destination, reason, this.machine.status());
	}

	/**
	 * Return the longest an attempt to open the association takes: the connect and
	 * handshake timeouts, and a grace for the attempt's thread to report.
	 */
	private Duration openTimeout() {
		Socks5AssociationOptions options = this.machine.owner().options();
		return options.connectTimeout().plus(options.handshakeTimeout()).plus(OPEN_GRACE);
	}

}
