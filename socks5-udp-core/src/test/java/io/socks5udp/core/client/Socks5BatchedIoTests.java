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
package io.socks5udp.core.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.socks5udp.core.nativeio.NativeSockets;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import io.socks5udp.core.protocol.Socks5PayloadTooLargeException;
import io.socks5udp.core.protocol.Socks5UdpHeaderCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socks5udp.core.client.ScriptedSocks5Server.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link Socks5BatchedIo}: an association with
 * {@link Socks5AssociationOptionsBuilder#batchedIo(boolean) batched I/O}, which needs
 * Linux and Java 22 or later. The build runs this class, and every other test of the
 * client package with batched I/O on, on the JDK 25 of these machines; on Java 17 it
 * skips, saying why (and fails under {@code SOCKS5UDP_REQUIRE_ALL=true}). A
 * {@link ScriptedSocks5Server} grants UDP ASSOCIATE with a BND naming a
 * {@link DatagramSocket} owned by the test, which plays the relay.
 *
 * @author socks5-udp authors
 */
@Timeout(30)
class Socks5BatchedIoTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Socks5Address DST = Socks5Address.of("127.0.0.1", 5353);

	private static final byte[] SOURCE_HEADER = bytes(0, 0, 0, 0x01, 127, 0, 0, 1, 0x14, 0xE9);

	private ScriptedAssociation<DatagramSocket> scripted;

	private DatagramSocket relay;

	private Socks5UdpAssociation association;

	@BeforeEach
	void openAssociation() throws IOException {
		String unavailable = NativeSockets.unavailableReason();
		if (unavailable != null && Boolean.parseBoolean(System.getenv("SOCKS5UDP_REQUIRE_ALL"))) {
			fail("batched I/O cannot run here (SOCKS5UDP_REQUIRE_ALL=true): " + unavailable);
		}
		assumeTrue(unavailable == null, () -> "batched I/O cannot run here: " + unavailable);
		this.scripted = ScriptedAssociation.throughDatagramSocket((options) -> options.name("batched").batchedIo(true));
		this.relay = this.scripted.relay();
		this.association = this.scripted.association();
	}

	@AfterEach
	void closeAssociation() throws IOException {
		if (this.scripted != null) {
			this.scripted.close();
		}
	}

	@Test
	void aBurstLargerThanABatchGoesOutInOrderEachDatagramWithItsHeader() throws Exception {
		int count = Socks5BatchedIo.BATCH + 8;
		ByteBuffer[] payloads = new ByteBuffer[count];
		for (int i = 0; i < count; i++) {
			byte[] text = ("datagram " + i).getBytes(StandardCharsets.US_ASCII);
			// Heap and direct payloads, each from a position that is not 0
			ByteBuffer payload = ((i % 2 == 0) ? ByteBuffer.allocate(64) : ByteBuffer.allocateDirect(64)).position(5);
			payloads[i] = payload.put(text).flip().position(5);
		}
		this.association.send(DST, payloads, 0, count);
		for (int i = 0; i < count; i++) {
			assertThat(relayReceives()).as("datagram %d", i).isEqualTo(encoded(DST, "datagram " + i));
			assertThat(payloads[i].hasRemaining()).isFalse();
		}
		assertThat(this.association.counters().datagramsSent()).isEqualTo(count);
	}

	@Test
	void largeDatagramsAfterSmallOnesGoWhole() throws Exception {
		this.association.send(DST, new ByteBuffer[] { ByteBuffer.wrap(new byte[64]) }, 0, 1);
		assertThat(relayReceives()).hasSize(Socks5UdpHeaderCodec.headerLength(DST) + 64);
		byte[] large = new byte[9000];
		Arrays.fill(large, (byte) 'x');
		ByteBuffer[] payloads = { ByteBuffer.wrap(large), ByteBuffer.wrap(large), ByteBuffer.wrap(large) };
		this.association.send(DST, payloads, 0, 3);
		for (int i = 0; i < 3; i++) {
			byte[] datagram = relayReceives();
			assertThat(datagram).hasSize(Socks5UdpHeaderCodec.headerLength(DST) + large.length);
			assertThat(Arrays.copyOfRange(datagram, Socks5UdpHeaderCodec.headerLength(DST), datagram.length))
				.isEqualTo(large);
		}
	}

	@Test
	void aPayloadTooLargeForADatagramSendsNothingOfItsBurst() throws Exception {
		ByteBuffer[] payloads = { ascii("first"), ByteBuffer.allocate(Socks5UdpHeaderCodec.maxPayload(DST) + 1),
				ascii("third") };
		assertThatExceptionOfType(Socks5PayloadTooLargeException.class)
			.isThrownBy(() -> this.association.send(DST, payloads, 0, 3));
		assertThat(payloads[0].position()).isZero();
		this.association.send(DST, new ByteBuffer[] { ascii("marker") }, 0, 1);
		assertThat(relayReceives()).as("the first datagram the relay gets").isEqualTo(encoded(DST, "marker"));
		assertThat(this.association.counters().dropped(Socks5DropReason.OVERSIZE)).isEqualTo(1);
	}

	@Test
	void everyDatagramWaitingIsHandedOutOneByOneInOrder() throws Exception {
		int count = Socks5BatchedIo.BATCH + 8;
		for (int i = 0; i < count; i++) {
			relayToClient(datagram(SOURCE_HEADER, "reply " + i));
		}
		ByteBuffer into = ByteBuffer.allocate(64);
		for (int i = 0; i < count; i++) {
			assertThat(this.association.receive(into.clear(), WAIT)).as("reply %d", i).isEqualTo(DST);
			assertThat(text(into.flip())).isEqualTo("reply " + i);
		}
		assertThat(this.association.receiveNow(into.clear())).isNull();
		assertThat(this.association.counters().datagramsReceived()).isEqualTo(count);
	}

	@Test
	void aDatagramLongerThanTheCallersBufferIsCutToFit() throws Exception {
		relayToClient(datagram(SOURCE_HEADER, "a payload of 26 characters"));
		ByteBuffer into = ByteBuffer.allocate(9);
		assertThat(this.association.receive(into, WAIT)).isEqualTo(DST);
		assertThat(text(into.flip())).isEqualTo("a payload");
	}

	@Test
	void datagramsThatDoNotDecodeAreDroppedAndCountedBetweenOthers() throws Exception {
		relayToClient(datagram(SOURCE_HEADER, "before"));
		// FRAG 1: a fragment, which the client drops
		relayToClient(datagram(bytes(0, 0, 1, 0x01, 127, 0, 0, 1, 0x14, 0xE9), "fragment"));
		relayToClient(bytes(0, 0));
		relayToClient(datagram(SOURCE_HEADER, "after"));
		ByteBuffer into = ByteBuffer.allocate(64);
		assertThat(this.association.receive(into, WAIT)).isEqualTo(DST);
		assertThat(text(into.flip())).isEqualTo("before");
		assertThat(this.association.receive(into.clear(), WAIT)).isEqualTo(DST);
		assertThat(text(into.flip())).isEqualTo("after");
		assertThat(this.association.counters().dropped(Socks5DropReason.FRAGMENT)).isEqualTo(1);
		assertThat(this.association.counters().dropped(Socks5DropReason.MALFORMED)).isEqualTo(1);
	}

	@Test
	void aReceiveLoopGetsEveryDatagramOfABurstInOrder() throws Exception {
		int count = Socks5BatchedIo.BATCH + 8;
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		this.association.startReceiving((source, payload) -> received.add(text(payload)));
		for (int i = 0; i < count; i++) {
			relayToClient(datagram(SOURCE_HEADER, "loop " + i));
		}
		for (int i = 0; i < count; i++) {
			assertThat(received.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("loop " + i);
		}
	}

	@Test
	void closingEndsAWaitingReceiveAndLaterCallsSayTheAssociationIsClosed() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
			started.countDown();
			try {
				this.association.receive(ByteBuffer.allocate(64), Duration.ofSeconds(20));
				return null;
			}
			catch (IOException ex) {
				return ex;
			}
		});
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		this.association.close();
		assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(Socks5AssociationClosedException.class);
		assertThatExceptionOfType(Socks5AssociationClosedException.class)
			.isThrownBy(() -> this.association.send(DST, new ByteBuffer[] { ascii("late") }, 0, 1));
		assertThatExceptionOfType(Socks5AssociationClosedException.class)
			.isThrownBy(() -> this.association.receiveNow(ByteBuffer.allocate(64)));
	}

	@Test
	void anIcmpErrorForAnEarlierDatagramDoesNotFailTheNextBurst() throws Exception {
		InetSocketAddress gone = (InetSocketAddress) this.relay.getLocalSocketAddress();
		this.relay.close();
		// The first burst goes; loopback answers it with ICMP port unreachable, which
		// the next send reports
		this.association.send(DST, new ByteBuffer[] { ascii("one"), ascii("two") }, 0, 2);
		this.association.send(DST, new ByteBuffer[] { ascii("three") }, 0, 1);
		this.association.send(DST, new ByteBuffer[] { ascii("four") }, 0, 1);
		assertThat(this.association.receiveNow(ByteBuffer.allocate(64))).isNull();
		assertThat(this.association.isOpen()).isTrue();
		assertThat(this.association.relayAddress()).isEqualTo(gone);
	}

	@Test
	void sendersOnManyThreadsEachGetEveryDatagramThrough() throws Exception {
		int threads = 4;
		int bursts = 4;
		int perBurst = 8;
		List<CompletableFuture<Void>> senders = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			senders.add(CompletableFuture.runAsync(() -> {
				for (int b = 0; b < bursts; b++) {
					ByteBuffer[] payloads = new ByteBuffer[perBurst];
					for (int i = 0; i < perBurst; i++) {
						payloads[i] = ascii(thread + "/" + b + "/" + i);
					}
					try {
						this.association.send(DST, payloads, 0, perBurst);
					}
					catch (IOException ex) {
						throw new IllegalStateException(ex);
					}
				}
			}));
		}
		Set<String> received = Collections.synchronizedSet(new HashSet<>());
		int headerLength = Socks5UdpHeaderCodec.headerLength(DST);
		for (int i = 0; i < threads * bursts * perBurst; i++) {
			byte[] datagram = relayReceives();
			received.add(new String(datagram, headerLength, datagram.length - headerLength, StandardCharsets.US_ASCII));
		}
		CompletableFuture.allOf(senders.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
		assertThat(received).hasSize(threads * bursts * perBurst).contains("0/0/0", "3/3/7");
		assertThat(this.association.counters().datagramsSent()).isEqualTo(threads * bursts * perBurst);
	}

	private byte[] relayReceives() throws IOException {
		byte[] buffer = new byte[65536];
		DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
		this.relay.setSoTimeout((int) WAIT.toMillis());
		try {
			this.relay.receive(packet);
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("the relay got no datagram within " + WAIT, ex);
		}
		return Arrays.copyOf(buffer, packet.getLength());
	}

	private void relayToClient(byte[] datagram) throws IOException {
		this.relay.send(new DatagramPacket(datagram, datagram.length, this.association.localAddress()));
	}

	private static byte[] encoded(Socks5Address dst, String payload) {
		ByteBuffer datagram = ByteBuffer.allocate(Socks5UdpHeaderCodec.headerLength(dst) + payload.length());
		Socks5UdpHeaderCodec.encode(dst, ascii(payload), datagram);
		return datagram.array();
	}

	private static byte[] datagram(byte[] header, String payload) {
		byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
		byte[] datagram = Arrays.copyOf(header, header.length + bytes.length);
		System.arraycopy(bytes, 0, datagram, header.length, bytes.length);
		return datagram;
	}

	private static ByteBuffer ascii(String text) {
		return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
	}

	private static String text(ByteBuffer payload) {
		byte[] bytes = new byte[payload.remaining()];
		payload.get(bytes);
		return new String(bytes, StandardCharsets.US_ASCII);
	}

}
