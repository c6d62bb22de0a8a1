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

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of 100,000 datagrams to an association receiving with a listener: memory stays
 * bounded (nothing is queued or retained per datagram), every datagram is delivered or
 * lost in the kernel's socket buffer (which the association cannot see), none is
 * corrupted, and the receive loop is still alive afterwards.
 *
 * @author socks5-udp authors
 */
@Timeout(60)
class ReceiveFloodTests {

	private static final int BURST = 100_000;

	private static final int PAYLOAD_LENGTH = 512;

	/**
	 * Generous: retaining the payload of every datagram would take 100,000 x 512 bytes,
	 * about 50 MB, plus the objects around them.
	 */
	private static final long HEAP_GROWTH_BOUND = 16L * 1024 * 1024;

	private static final byte[] MARKER = Datagrams.text("end of the burst");

	@Test
	void burstOf100000DatagramsKeepsMemoryBoundedAndTheReceiveLoopAlive() throws Exception {
		try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().build().start();
				DatagramSocket destination = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
				Socks5UdpAssociation association = Socks5UdpAssociation
					.open(Socks5AssociationOptions.builder(relay.host(), relay.port())
						.name(AssociationThreads.uniqueName("flood"))
						.build())) {
			FloodListener listener = new FloodListener();
			association.startReceiving(listener::onDatagram);
			SocketAddress relayExternal = learnRelayAddress(association, destination);
			burst(destination, relayExternal, 10_000);
			awaitMarker(destination, relayExternal, listener);
			long heapBefore = usedHeapAfterGc();
			long relaySentBefore = relay.counters().datagramsToClients();
			long deliveredBefore = association.counters().datagramsReceived();
			burst(destination, relayExternal, BURST);
			awaitMarker(destination, relayExternal, listener);
			long heapAfter = usedHeapAfterGc();
			long relaySent = relay.counters().datagramsToClients() - relaySentBefore;
			long delivered = association.counters().datagramsReceived() - deliveredBefore;
			long dropped = association.counters().droppedTotal();
			// The difference is what the kernel dropped from the client's full socket
			// buffer: invisible to the association, so not asserted
			System.out.printf("Burst of %d: relay sent %d, association delivered %d, dropped %d, kernel lost %d%n",
					BURST, relaySent, delivered, dropped, relaySent - delivered - dropped);
			assertThat(listener.corrupted).as("corrupted datagrams").isEmpty();
			assertThat(delivered).as("datagrams delivered").isPositive();
			assertThat(dropped).as("well-formed datagrams from the relay dropped").isZero();
			assertThat(delivered + dropped).isLessThanOrEqualTo(relaySent);
			assertThat(heapAfter - heapBefore).as("heap growth after GC, bytes").isLessThan(HEAP_GROWTH_BOUND);
			assertThat(association.isOpen()).isTrue();
		}
	}

	private static SocketAddress learnRelayAddress(Socks5UdpAssociation association, DatagramSocket destination)
			throws IOException {
		association.send(Socks5Address.of((InetSocketAddress) destination.getLocalSocketAddress()),
				Datagrams.text("hello"));
		DatagramPacket packet = new DatagramPacket(new byte[64], 64);
		destination.setSoTimeout(5000);
		destination.receive(packet);
		return packet.getSocketAddress();
	}

	private static void burst(DatagramSocket destination, SocketAddress relay, int count) throws IOException {
		byte[] payload = Datagrams.payload(PAYLOAD_LENGTH);
		DatagramPacket packet = new DatagramPacket(payload, payload.length, relay);
		for (int i = 0; i < count; i++) {
			destination.send(packet);
		}
	}

	/**
	 * Send a marker after the burst until one arrives: every hop is first in, first out,
	 * so the burst is then behind us. A marker may itself be lost to a full buffer.
	 */
	private static void awaitMarker(DatagramSocket destination, SocketAddress relay, FloodListener listener)
			throws IOException, InterruptedException, ExecutionException {
		CompletableFuture<Void> marker = new CompletableFuture<>();
		listener.marker = marker;
		DatagramPacket packet = new DatagramPacket(MARKER, MARKER.length, relay);
		for (int attempt = 0; attempt < 100; attempt++) {
			destination.send(packet);
			try {
				marker.get(200, TimeUnit.MILLISECONDS);
				return;
			}
			catch (TimeoutException ex) {
				// Lost, or still behind the burst: send another
			}
		}
		throw new AssertionError("no marker came through after the burst: the receive loop is not receiving");
	}

	private static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/**
	 * Checks every datagram and keeps nothing of it.
	 */
	private static final class FloodListener {

		private static final byte[] EXPECTED = Datagrams.payload(PAYLOAD_LENGTH);

		private final Queue<String> corrupted = new ConcurrentLinkedQueue<>();

		private final byte[] scratch = new byte[PAYLOAD_LENGTH];

		private volatile CompletableFuture<Void> marker;

		void onDatagram(Socks5Address source, ByteBuffer payload) {
			if (payload.remaining() == MARKER.length) {
				byte[] bytes = new byte[MARKER.length];
				payload.get(bytes);
				if (Arrays.equals(bytes, MARKER)) {
					this.marker.complete(null);
					return;
				}
			}
			else if (payload.remaining() == PAYLOAD_LENGTH) {
				payload.get(this.scratch);
				if (Arrays.equals(this.scratch, EXPECTED)) {
					return;
				}
			}
			if (this.corrupted.size() < 10) {
				this.corrupted.add(payload.remaining() + " bytes from " + source);
			}
		}

	}

}
