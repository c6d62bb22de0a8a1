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
 * Notified of the life events of {@link ManagedAssociation managed associations}, for
 * metrics and logs. Called on the thread that added, attempted, opened or lost the
 * association; must not block.
 *
 * @author socks5-udp authors
 * @see Socks5UdpTemplate#addAssociationListener(ManagedAssociationListener)
 */
public interface ManagedAssociationListener {

	/**
	 * An association was added to the template after this listener: for a server that the
	 * registry routed to for the first time. Called before the association opens.
	 * @param association the managed association
	 */
	default void added(ManagedAssociation association) {
	}

	/**
	 * An attempt to open the association starts: called on the attempt's thread before it
	 * connects, so that what a listener sets up here (meters, say) is in place before any
	 * datagram can go through the association. Followed by {@link #opened} or
	 * {@link #openFailed}, unless the template stops first.
	 * @param association the managed association
	 */
	default void attempting(ManagedAssociation association) {
	}

	/**
	 * An association was opened.
	 * @param association the managed association
	 * @param handshake how long connecting and the handshake took
	 * @param reconnect whether this re-established an association after a failure
	 */
	default void opened(ManagedAssociation association, Duration handshake, boolean reconnect) {
	}

	/**
	 * An attempt to open an association failed.
	 * @param association the managed association
	 * @param elapsed how long the attempt took
	 * @param failure why it failed
	 * @param reconnect whether this attempt followed an earlier failure
	 */
	default void openFailed(ManagedAssociation association, Duration elapsed, Throwable failure, boolean reconnect) {
	}

	/**
	 * An association that is not warm was closed, or no longer re-established, because it
	 * carried nothing for the idle timeout; the next send opens one.
	 * @param association the managed association
	 */
	default void idleClosed(ManagedAssociation association) {
	}

	/**
	 * An open association died: its control connection closed or failed.
	 * @param association the managed association
	 * @param cause why it died
	 */
	default void died(ManagedAssociation association, Throwable cause) {
	}

	/**
	 * A server of a rule with alternatives failed, and the rule's traffic went to its
	 * next working server; or it works again and took its traffic back.
	 * @param event what changed
	 */
	default void failover(Socks5UdpFailoverEvent event) {
	}

}
