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
package io.socks5udp.test.relay;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/**
 * One direction of an association's relaying, run on its own thread until the association
 * closes. A failure other than the close itself ends the whole association: a
 * half-working association would lose datagrams silently.
 *
 * @author socks5-udp authors
 */
abstract class AssociationLoop implements Runnable {

	protected final Association association;

	protected final DatagramForwarder forwarder;

	AssociationLoop(Association association, DatagramForwarder forwarder) {
		this.association = association;
		this.forwarder = forwarder;
	}

	/**
	 * Relay datagrams until a channel fails or is closed.
	 * @throws IOException when a channel fails or is closed
	 */
	abstract void relay() throws IOException;

	@Override
	public final void run() {
		try {
			relay();
		}
		catch (ClosedChannelException ex) {
			// The association was closed
		}
		catch (IOException | RuntimeException ex) {
			this.association.close();
		}
	}

}
