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

import io.socks5udp.core.nativeio.NativeSockets;
import io.socks5udp.core.nativeio.SocketCaller;

/**
 * Both directions of an association with batched I/O, on one thread: it relays what is
 * waiting on either socket, and waits ({@code poll}) on both only when neither has
 * anything; a close wakes it by shutting the sockets down. One thread per association
 * instead of two: fewer threads to wake and to schedule on the cores the relay shares
 * with its peers.
 *
 * @author socks5-udp authors
 */
final class BatchedAssociationLoop {

	/**
	 * The most it waits before looking again whether the association is open, in case the
	 * wake-up of a close was missed.
	 */
	static final int WAIT_MILLIS = 500;

	private final Association association;

	private final BatchedDatagramIo outIo;

	private final AssociationLoop out;

	private final BatchedDatagramIo inIo;

	private final AssociationLoop in;

	/**
	 * Create the relaying of an association's two directions.
	 * @param association the association
	 * @param forwarder applies the faults and counts
	 */
	BatchedAssociationLoop(Association association, DatagramForwarder forwarder) {
		this.association = association;
		this.outIo = new BatchedDatagramIo(association, association.clientChannel(), association.externalChannel(), 0,
				forwarder, false);
		this.out = new ClientToDestinationLoop(association, this.outIo);
		this.inIo = new BatchedDatagramIo(association, association.externalChannel(), association.clientChannel(),
				DestinationToClientLoop.HEADROOM, forwarder, true);
		this.in = new DestinationToClientLoop(association, this.inIo);
	}

	/**
	 * Return the I/O of the two directions, client to destinations first.
	 * @return both
	 */
	BatchedDatagramIo[] ios() {
		return new BatchedDatagramIo[] { this.outIo, this.inIo };
	}

	/**
	 * Relay both directions until the association closes.
	 * @throws IOException when receiving fails
	 */
	void relayUntilClosed() throws IOException {
		this.outIo.open();
		this.inIo.open();
		SocketCaller waiter = NativeSockets.caller();
		try {
			while (this.association.isOpen()) {
				int relayed = this.outIo.relayWaiting(this.out) + this.inIo.relayWaiting(this.in);
				if (relayed == 0 && this.association.isOpen()) {
					waiter.awaitReadable(this.outIo.receiveFd(), this.inIo.receiveFd(), WAIT_MILLIS);
				}
			}
		}
		finally {
			waiter.free();
		}
	}

}
