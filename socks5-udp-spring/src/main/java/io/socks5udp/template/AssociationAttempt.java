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

import io.micrometer.observation.Observation;
import io.socks5udp.core.client.Socks5UdpAssociation;

/**
 * One attempt to open a server's association: connect, run the handshake, start the
 * receive loop on the association's route, then report the outcome to the state machine.
 * Runs on the template's executor of attempts.
 *
 * @param machine the state machine to report to
 * @param owner the managed association whose options to open with
 * @param opener what opens the association
 * @param observations the observations of attempts
 * @param inbound where the association's datagrams go
 * @param reconnect whether this attempt follows an association or a failed attempt
 * @author socks5-udp authors
 */
record AssociationAttempt(ReconnectStateMachine machine, ManagedAssociation owner, AssociationOpener opener,
		TemplateObservations observations, Socks5UdpDatagramListener inbound, boolean reconnect) implements Runnable {

	@Override
	public void run() {
		if (!this.machine.attemptStarts()) {
			return;
		}
		Observation observation = this.observations.associationAttempt(this.owner, this.reconnect);
		long started = System.nanoTime();
		Socks5UdpAssociation association;
		try {
			association = this.opener.open(this.owner.options());
		}
		catch (IOException | RuntimeException ex) {
			TemplateObservations.attemptFailed(observation, ex);
			this.machine.attemptFailed(ex, Duration.ofNanos(System.nanoTime() - started), this.reconnect);
			return;
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		OpenAssociation opened = new OpenAssociation(association,
				new Socks5UdpRoute(this.owner.name(), association.relayAddress()));
		try {
			association.startReceiving(new RouteListener(this.inbound, opened.route()));
		}
		catch (RuntimeException ex) {
			this.machine.closeQuietly(association);
			TemplateObservations.attemptFailed(observation, ex);
			this.machine.attemptFailed(ex, elapsed, this.reconnect);
			return;
		}
		TemplateObservations.attemptSucceeded(observation, association.relayAddress());
		this.machine.attemptSucceeded(opened, elapsed, this.reconnect);
	}

}
