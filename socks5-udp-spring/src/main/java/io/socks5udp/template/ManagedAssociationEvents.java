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
import java.util.List;

import io.socks5udp.core.client.Socks5UdpAssociation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Tells the log and the {@link ManagedAssociationListener listeners} about the life of
 * one managed association: opened, an attempt failed, died. Called outside the state
 * machine's lock.
 *
 * @author socks5-udp authors
 */
final class ManagedAssociationEvents {

	private static final Log logger = LogFactory.getLog(ManagedAssociation.class);

	private final ManagedAssociation association;

	private final AssociationMessages messages;

	private final List<ManagedAssociationListener> listeners;

	ManagedAssociationEvents(ManagedAssociation association, AssociationMessages messages,
			List<ManagedAssociationListener> listeners) {
		this.association = association;
		this.messages = messages;
		this.listeners = listeners;
	}

	void attempting() {
		for (ManagedAssociationListener listener : this.listeners) {
			listener.attempting(this.association);
		}
	}

	void opened(Socks5UdpRoute route, Duration handshake, boolean reconnect) {
		if (reconnect) {
			logger.info(this.messages.opened(route, true));
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(this.messages.opened(route, false));
		}
		for (ManagedAssociationListener listener : this.listeners) {
			listener.opened(this.association, handshake, reconnect);
		}
	}

	/**
	 * An attempt failed.
	 * @param failure why
	 * @param elapsed how long it took
	 * @param reconnect whether it followed an association or an earlier failure
	 * @param attempt the number of failed attempts in a row
	 * @param retrying whether this failure took the association down and another attempt
	 * follows
	 */
	void openFailed(Throwable failure, Duration elapsed, boolean reconnect, int attempt, boolean retrying) {
		if (retrying) {
			logger.warn(this.messages.openFailedRetrying(failure));
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(this.messages.attemptFailed(attempt, failure));
		}
		for (ManagedAssociationListener listener : this.listeners) {
			listener.openFailed(this.association, elapsed, failure, reconnect);
		}
	}

	void died(Throwable failure) {
		logger.warn(this.messages.died(failure));
		for (ManagedAssociationListener listener : this.listeners) {
			listener.died(this.association, failure);
		}
	}

	void idleClosed() {
		if (logger.isDebugEnabled()) {
			logger.debug(this.messages.idleClosed());
		}
		for (ManagedAssociationListener listener : this.listeners) {
			listener.idleClosed(this.association);
		}
	}

	/**
	 * Close an association that is done with, logging rather than throwing a failure.
	 * @param association the association
	 */
	void closeQuietly(Socks5UdpAssociation association) {
		try {
			association.close();
		}
		catch (RuntimeException ex) {
			logger.debug("Error closing association", ex);
		}
	}

}
