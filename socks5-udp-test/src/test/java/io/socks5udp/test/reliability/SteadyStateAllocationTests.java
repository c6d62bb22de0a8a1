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
package io.socks5udp.test.reliability;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5AssociationListener;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sending and receiving through an association allocate nothing per datagram once warm:
 * measured with the per-thread allocation counters on the sending thread and on the
 * receive loop's thread, through the embedded relay to an echo server. Runs in the
 * interpreter and C1 as much as in C2, so it does not lean on escape analysis.
 *
 * @author socks5-udp authors
 */
@Timeout(60)
class SteadyStateAllocationTests {

	private static final int WARM_UP = 2_000;

	private static final int MEASURED = 1_000;

	/**
	 * One object per datagram would take at least 16 bytes each, 16,000 in all; the bound
	 * leaves room for a one-off allocation, not for one per datagram.
	 */
	private static final long BOUND = 1_000;

	private static final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	@Test
	void sendingADirectBufferAndReceivingWithAListenerAllocateNothingPerDatagram() throws Exception {
		ByteBuffer payload = ByteBuffer.allocateDirect(64);
		long[] sent = measure((association, echo) -> association.send(echo, payload.clear()));
		assertThat(sent[0]).as("bytes allocated by %d sends of a ByteBuffer", MEASURED).isLessThan(BOUND);
		assertThat(sent[1]).as("bytes allocated receiving %d datagrams", MEASURED).isLessThan(BOUND);
	}

	@Test
	void sendingAByteArrayAllocatesNothingPerDatagram() throws Exception {
		byte[] payload = new byte[64];
		long[] sent = measure((association, echo) -> association.send(echo, payload));
		assertThat(sent[0]).as("bytes allocated by %d sends of a byte[]", MEASURED).isLessThan(BOUND);
	}

	@Test
	void sendingAWindowAndDrainingTheEchoesIntoACallersBufferOnOneThreadAllocateNothingPerDatagram() throws Exception {
		int window = 4;
		try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().build().start();
				UdpEchoServer echoServer = UdpEchoServer.startIpv4();
				Socks5UdpAssociation association = Socks5UdpAssociation
					.open(Socks5AssociationOptions.builder(relay.host(), relay.port())
						.name(AssociationThreads.uniqueName("allocation"))
						.build())) {
			Socks5Address echo = Socks5Address.of(echoServer.address());
			ByteBuffer payload = ByteBuffer.allocateDirect(64);
			ByteBuffer into = ByteBuffer.allocate(64);
			Duration wait = Duration.ofSeconds(10);
			long allocated = 0;
			for (int round = 0; round < (WARM_UP + MEASURED) / window; round++) {
				long before = threads.getCurrentThreadAllocatedBytes();
				for (int i = 0; i < window; i++) {
					association.send(echo, payload.clear());
				}
				int received = 0;
				boolean timedOut = false;
				while (received < window && !timedOut) {
					if (association.receive(into.clear(), wait) == null) {
						timedOut = true;
					}
					else {
						received++;
						while (received < window && association.receiveNow(into.clear()) != null) {
							received++;
						}
					}
				}
				if (round >= WARM_UP / window) {
					allocated += threads.getCurrentThreadAllocatedBytes() - before;
				}
				assertThat(received).as("echoes of round %d", round).isEqualTo(window);
			}
			assertThat(allocated).as("bytes allocated sending and receiving %d datagrams on one thread", MEASURED)
				.isLessThan(BOUND);
			assertThat(association.counters().datagramsReceived()).isEqualTo(WARM_UP + MEASURED);
		}
	}

	/**
	 * Send {@code WARM_UP + MEASURED} datagrams one at a time, each after the echo of the
	 * one before, and return the bytes allocated over the last {@code MEASURED} by the
	 * sends on this thread and by the receive loop.
	 */
	private static long[] measure(Send send) throws Exception {
		try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().build().start();
				UdpEchoServer echoServer = UdpEchoServer.startIpv4();
				Socks5UdpAssociation association = Socks5UdpAssociation
					.open(Socks5AssociationOptions.builder(relay.host(), relay.port())
						.name(AssociationThreads.uniqueName("allocation"))
						.build())) {
			ReceiveProbe probe = new ReceiveProbe();
			association.startReceiving(probe);
			Socks5Address echo = Socks5Address.of(echoServer.address());
			long sendAllocated = 0;
			for (int i = 0; i < WARM_UP + MEASURED; i++) {
				// Only the send itself is measured on this thread, not the waiting
				long before = threads.getCurrentThreadAllocatedBytes();
				send.send(association, echo);
				if (i >= WARM_UP) {
					sendAllocated += threads.getCurrentThreadAllocatedBytes() - before;
				}
				assertThat(probe.echoes.tryAcquire(10, TimeUnit.SECONDS)).as("echo of datagram %d", i).isTrue();
			}
			return new long[] { sendAllocated, probe.allocated };
		}
	}

	@FunctionalInterface
	private interface Send {

		void send(Socks5UdpAssociation association, Socks5Address echo) throws Exception;

	}

	/**
	 * Reads the receive loop's allocation counter at two datagrams, after the warm-up.
	 */
	private static final class ReceiveProbe implements Socks5AssociationListener {

		private final Semaphore echoes = new Semaphore(0);

		private int count;

		private long start;

		private volatile long allocated = -1;

		@Override
		public void onDatagram(Socks5Address source, ByteBuffer payload) {
			this.count++;
			if (this.count == WARM_UP) {
				this.start = threads.getCurrentThreadAllocatedBytes();
			}
			else if (this.count == WARM_UP + MEASURED) {
				this.allocated = threads.getCurrentThreadAllocatedBytes() - this.start;
			}
			this.echoes.release();
		}

	}

}
