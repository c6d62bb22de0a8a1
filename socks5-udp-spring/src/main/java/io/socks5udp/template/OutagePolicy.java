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

/**
 * What a send does while its server has no open association: wait for the association
 * being opened, wait through an outage or refuse at once, as the {@link OutageSendPolicy}
 * says.
 *
 * @author socks5-udp authors
 */
final class OutagePolicy {

	/**
	 * The patience of a send that must be refused at once.
	 */
	static final long REFUSE = -1;

	private final OutageSendPolicy sendPolicy;

	private final Duration maxWait;

	private final boolean failover;

	OutagePolicy(OutageSendPolicy sendPolicy, Duration maxWait) {
		this(sendPolicy, maxWait, false);
	}

	private OutagePolicy(OutageSendPolicy sendPolicy, Duration maxWait, boolean failover) {
		this.sendPolicy = sendPolicy;
		this.maxWait = maxWait;
		this.failover = failover;
	}

	/**
	 * Return this policy for a server that has alternatives: a send through it is refused
	 * as soon as an attempt to (re-)open its association has failed, so that the next
	 * server of the rule can carry the datagram instead of the send waiting out the
	 * outage.
	 * @return the policy for servers with alternatives
	 */
	OutagePolicy forFailover() {
		return new OutagePolicy(this.sendPolicy, this.maxWait, true);
	}

	/**
	 * Return how long a send may wait for an association, counted from its first look.
	 * @param state the state of the server's association
	 * @param openTimeout the longest an attempt to open an association takes
	 * @return the wait in nanoseconds, or {@link #REFUSE}
	 */
	long patienceNanos(ManagedAssociation.State state, Duration openTimeout) {
		return patienceNanos(state, openTimeout, 0);
	}

	/**
	 * Return how long a send may wait for an association, counted from its first look.
	 * @param state the state of the server's association
	 * @param openTimeout the longest an attempt to open an association takes
	 * @param failedAttempts the attempts to open it that failed in a row
	 * @return the wait in nanoseconds, or {@link #REFUSE}
	 */
	long patienceNanos(ManagedAssociation.State state, Duration openTimeout, int failedAttempts) {
		if (this.failover && failedAttempts > 0 && state != ManagedAssociation.State.UP) {
			return REFUSE;
		}
		return switch (state) {
			case IDLE, CONNECTING -> openTimeout.toNanos();
			case DOWN -> (this.sendPolicy == OutageSendPolicy.WAIT) ? this.maxWait.toNanos() : REFUSE;
			case STOPPED -> REFUSE;
			case UP -> 0;
		};
	}

	/**
	 * Return why a send is refused at once in a state.
	 * @param state the state whose patience is {@link #REFUSE}
	 * @return the reason, for the exception's message
	 */
	String refusal(ManagedAssociation.State state) {
		if (state == ManagedAssociation.State.STOPPED) {
			return "the template is not running";
		}
		return this.failover ? "association down, trying the rule's next server" : "association down";
	}

	/**
	 * Return whether a send that met its association closing under it waits for the next
	 * association and goes out through it, like any send during the outage.
	 * @return whether to send again
	 */
	boolean sendsAgainAfterClose() {
		return this.sendPolicy == OutageSendPolicy.WAIT;
	}

}
