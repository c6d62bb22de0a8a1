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
import java.time.Instant;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;

/**
 * The exceptions and log messages of a managed association, in one place so that every
 * one names the server the same way: {@code SOCKS5 server 'corp' (proxy:1080)}.
 *
 * @author socks5-udp authors
 */
final class AssociationMessages {

	private final String name;

	private final String serverAddress;

	/** How every message names the server: {@code SOCKS5 server 'corp' (proxy:1080)}. */
	private final String server;

	AssociationMessages(String name, String serverAddress) {
		this.name = name;
		this.serverAddress = serverAddress;
		this.server = "SOCKS5 server '" + name + "' (" + serverAddress + ")";
	}

	/**
	 * Return the exception of a send refused for want of an association.
	 * @param destination the datagram's destination
	 * @param reason why no association was there
	 * @param status the association's status when the send was refused
	 * @return the exception
	 */
	Socks5UdpServerUnavailableException refused(Socks5Address destination, String reason,
			ManagedAssociationStatus status) {
		Throwable error = status.lastError();
		IOException cause = (error instanceof IOException io) ? io
				: new Socks5AssociationClosedException("No association with " + this.serverAddress, error);
		Instant downSince = (status.state() == ManagedAssociation.State.DOWN) ? status.since() : null;
		return new Socks5UdpServerUnavailableException(unavailable(destination, reason, status), this.name, downSince,
				cause);
	}

	/**
	 * Return the exception of a send whose association closed under it.
	 * @param destination the datagram's destination
	 * @param status the association's status once it was known dead
	 * @param closed what the association threw
	 * @return the exception
	 */
	Socks5UdpServerUnavailableException closedUnder(Socks5Address destination, ManagedAssociationStatus status,
			IOException closed) {
		return new Socks5UdpServerUnavailableException(unavailable(destination, "association closed", status),
				this.name, status.since(), closed);
	}

	/**
	 * Return the exception of a send that failed for another reason than a closed
	 * association.
	 * @param destination the datagram's destination
	 * @param failure what the association threw
	 * @return the exception
	 */
	Socks5UdpException sendFailed(Socks5Address destination, IOException failure) {
		return new Socks5UdpException("Could not send to " + destination + " via server '" + this.name + "': "
				+ Socks5UdpErrors.describe(failure), failure);
	}

	private String unavailable(Socks5Address destination, String reason, ManagedAssociationStatus status) {
		StringBuilder message = new StringBuilder("Datagram to ").append(destination)
			.append(" not sent: ")
			.append(this.server)
			.append(" unavailable, ")
			.append(reason);
		if (status.state() == ManagedAssociation.State.DOWN) {
			message.append(", down since ").append(status.since());
		}
		if (status.lastError() != null) {
			message.append(", last error ").append(Socks5UdpErrors.describe(status.lastError()));
		}
		return message.toString();
	}

	String opened(Socks5UdpRoute route, boolean reconnect) {
		return (reconnect ? "Re-established" : "Opened") + " UDP association with " + this.server + ", relay "
				+ route.relayAddress();
	}

	String openFailedRetrying(Throwable failure) {
		return "Could not open a UDP association with " + this.server + ": " + Socks5UdpErrors.describe(failure)
				+ "; retrying with backoff";
	}

	String attemptFailed(int attempt, Throwable failure) {
		return "Attempt " + attempt + " to re-associate with SOCKS5 server '" + this.name + "' failed: "
				+ Socks5UdpErrors.describe(failure);
	}

	String died(Throwable failure) {
		return "UDP association with " + this.server + " died: " + Socks5UdpErrors.describe(failure)
				+ "; re-associating with backoff";
	}

	String idleClosed() {
		return "Closed the idle UDP association with " + this.server + "; the next send opens one";
	}

	String closed() {
		return "Association with " + this.serverAddress + " closed";
	}

}
