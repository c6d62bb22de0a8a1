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
import java.io.InterruptedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socks5udp.core.client.ScriptedSocks5Server.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the receive of {@link Socks5UdpAssociation} that puts each payload into the
 * caller's buffer: {@link Socks5UdpAssociation#receive(ByteBuffer, Duration)} and
 * {@link Socks5UdpAssociation#receiveNow(ByteBuffer)}. A {@link ScriptedSocks5Server}
 * grants UDP ASSOCIATE with a BND naming a {@link DatagramSocket} owned by the test,
 * which plays the relay and sends exactly the datagrams a test needs.
 *
 * @author socks5-udp authors
 */
@Timeout(60)
class Socks5UdpAssociationReceiveIntoTests {

	private static final AtomicInteger names = new AtomicInteger();

	private static final long WAIT_SECONDS = 10;

	private static final Duration WAIT = Duration.ofSeconds(WAIT_SECONDS);

	private static final Socks5Address SOURCE = Socks5Address.of("127.0.0.1", 5353);

	private static final byte[] SOURCE_HEADER = bytes(0, 0, 0, 0x01, 127, 0, 0, 1, 0x14, 0xE9);

	private ScriptedAssociation<DatagramSocket> scripted;

	private DatagramSocket relay;

	private ScriptedSocks5Server server;

	private Socks5UdpAssociation association;

	@BeforeEach
	void openAssociation() throws IOException {
		this.scripted = ScriptedAssociation
			.throughDatagramSocket((options) -> options.name("receive-into" + names.incrementAndGet()));
		this.relay = this.scripted.relay();
		this.server = this.scripted.server();
		this.association = this.scripted.association();
	}

	@AfterEach
	void closeAssociation() throws IOException {
		if (this.scripted != null) {
			this.scripted.close();
		}
	}

	@Test
	void payloadGoesIntoTheCallersBufferAtItsPosition() throws Exception {
		relayToClient(datagram(SOURCE_HEADER, "pong"));
		ByteBuffer into = ByteBuffer.allocate(64).position(3);
		Socks5Address source = this.association.receive(into, WAIT);
		assertThat(source).isEqualTo(SOURCE);
		assertThat(into.position()).isEqualTo(7);
		assertThat(text(into.flip().position(3))).isEqualTo("pong");
		assertThat(this.association.counters().datagramsReceived()).isEqualTo(1);
		assertThat(this.association.counters().bytesReceived()).isEqualTo(4);
	}

	@Test
	void aDirectBufferTakesThePayloadToo() throws Exception {
		relayToClient(datagram(SOURCE_HEADER, "direct"));
		ByteBuffer into = ByteBuffer.allocateDirect(64);
		assertThat(this.association.receive(into, WAIT)).isEqualTo(SOURCE);
		assertThat(text(into.flip())).isEqualTo("direct");
	}

	@Test
	void theSameSourceIsReturnedAsTheSameInstance() throws Exception {
		relayToClient(datagram(SOURCE_HEADER, "one"));
		relayToClient(datagram(SOURCE_HEADER, "two"));
		ByteBuffer into = ByteBuffer.allocate(64);
		Socks5Address first = this.association.receive(into, WAIT);
		Socks5Address second = this.association.receive(into.clear(), WAIT);
		assertThat(text(into.flip())).isEqualTo("two");
		assertThat(second).isSameAs(first);
	}

	@Test
	void sendAWindowThenDrainEveryReplyOnOneThread() throws Exception {
		int window = 16;
		for (int i = 0; i < window; i++) {
			relayToClient(datagram(SOURCE_HEADER, "reply " + i));
		}
		List<String> received = new ArrayList<>();
		ByteBuffer into = ByteBuffer.allocate(64);
		while (received.size() < window) {
			assertThat(this.association.receive(into.clear(), WAIT)).as("reply %d", received.size()).isNotNull();
			received.add(text(into.flip()));
			while (this.association.receiveNow(into.clear()) != null) {
				received.add(text(into.flip()));
			}
		}
		assertThat(received).hasSize(window).first().isEqualTo("reply 0");
		assertThat(received).last().isEqualTo("reply " + (window - 1));
		assertThat(this.association.receiveNow(into.clear())).as("nothing left to drain").isNull();
		assertThat(into.position()).isZero();
		assertThat(this.association.counters().datagramsReceived()).isEqualTo(window);
	}

	@Test
	void aPayloadLongerThanTheBufferIsCutToFitAndCountedWhole() throws Exception {
		relayToClient(datagram(SOURCE_HEADER, "0123456789"));
		relayToClient(datagram(SOURCE_HEADER, "next"));
		ByteBuffer into = ByteBuffer.allocate(4);
		assertThat(this.association.receive(into, WAIT)).isEqualTo(SOURCE);
		assertThat(into.hasRemaining()).isFalse();
		assertThat(text(into.flip())).isEqualTo("0123");
		assertThat(this.association.counters().bytesReceived()).isEqualTo(10);
		assertThat(this.association.receive(into.clear(), WAIT)).isEqualTo(SOURCE);
		assertThat(text(into.flip())).as("the next datagram, not the rest of the first").isEqualTo("next");
	}

	@Test
	void badDatagramsAreDroppedAndCountedAndTheWaitGoesOn() throws Exception {
		relayToClient(bytes(0, 0, 0));
		relayToClient(bytes(0, 1, 0, 0x01, 127, 0, 0, 1, 0, 53, 'x'));
		relayToClient(bytes(0, 0, 0, 0x02, 127, 0, 0, 1, 0, 53, 'x'));
		relayToClient(bytes(0, 0, 0, 0x03, 0, 0, 53, 'x'));
		relayToClient(bytes(0, 0, 1, 0x01, 127, 0, 0, 1, 0, 53, 'x'));
		relayToClient(datagram(SOURCE_HEADER, "good"));
		ByteBuffer into = ByteBuffer.allocate(64);
		assertThat(this.association.receive(into, WAIT)).isEqualTo(SOURCE);
		assertThat(text(into.flip())).isEqualTo("good");
		assertThat(this.association.counters().dropped(Socks5DropReason.MALFORMED)).isEqualTo(4);
		assertThat(this.association.counters().dropped(Socks5DropReason.FRAGMENT)).isEqualTo(1);
		assertThat(this.association.counters().droppedTotal()).isEqualTo(5);
		assertThat(this.association.counters().datagramsReceived()).isEqualTo(1);
	}

	@Test
	void returnsNullOnTimeoutWithTheBufferUntouched() throws Exception {
		ByteBuffer into = ByteBuffer.allocate(64);
		assertThat(this.association.receive(into, Duration.ofMillis(50))).isNull();
		assertThat(this.association.receive(into, Duration.ZERO)).isNull();
		assertThat(this.association.receiveNow(into)).isNull();
		assertThat(into.position()).isZero();
	}

	@Test
	void badArgumentsAreRefusedWithoutTakingADatagram() throws Exception {
		relayToClient(datagram(SOURCE_HEADER, "kept"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.association.receive(ByteBuffer.allocate(64), Duration.ofSeconds(-1)))
			.withMessage("timeout: PT-1S (expected: zero or positive)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.association.receive(ByteBuffer.allocate(64).asReadOnlyBuffer(), WAIT))
			.withMessageContaining("read-only");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.association.receiveNow(ByteBuffer.allocate(64).asReadOnlyBuffer()));
		ByteBuffer into = ByteBuffer.allocate(64);
		assertThat(this.association.receive(into, WAIT)).isEqualTo(SOURCE);
		assertThat(text(into.flip())).isEqualTo("kept");
	}

	@Test
	void mixesWithReceiveDurationButNotWithAReceiveLoop() throws Exception {
		relayToClient(datagram(SOURCE_HEADER, "first"));
		relayToClient(datagram(SOURCE_HEADER, "second"));
		assertThat(text(this.association.receive(WAIT).payload())).isEqualTo("first");
		ByteBuffer into = ByteBuffer.allocate(64);
		assertThat(this.association.receive(into, WAIT)).isEqualTo(SOURCE);
		assertThat(text(into.flip())).isEqualTo("second");
		assertThatIllegalStateException().isThrownBy(() -> this.association.startReceiving((source, payload) -> {
		}));
	}

	@Test
	void refusedWhileAReceiveLoopRuns() throws Exception {
		this.association.startReceiving((source, payload) -> {
		});
		assertThatIllegalStateException().isThrownBy(() -> this.association.receive(ByteBuffer.allocate(64), WAIT));
		assertThatIllegalStateException().isThrownBy(() -> this.association.receiveNow(ByteBuffer.allocate(64)));
	}

	@Test
	void closingTheAssociationEndsAWaitingReceive() throws Exception {
		WaitingReceive waiting = receiveOnAnotherThread();
		this.association.close();
		assertThat(waiting.outcome().get(WAIT_SECONDS, TimeUnit.SECONDS))
			.isInstanceOf(Socks5AssociationClosedException.class);
		assertThatExceptionOfType(Socks5AssociationClosedException.class)
			.isThrownBy(() -> this.association.receiveNow(ByteBuffer.allocate(64)));
	}

	@Test
	void theServerEndingTheAssociationEndsAWaitingReceive() throws Exception {
		WaitingReceive waiting = receiveOnAnotherThread();
		this.server.closeConnection();
		assertThat(waiting.outcome().get(WAIT_SECONDS, TimeUnit.SECONDS))
			.isInstanceOf(Socks5AssociationClosedException.class)
			.hasMessageContaining(this.association.name());
		assertThatExceptionOfType(Socks5AssociationClosedException.class)
			.isThrownBy(() -> this.association.receive(ByteBuffer.allocate(64), WAIT));
	}

	@Test
	void interruptingAWaitingReceiveEndsOnlyItsWait() throws Exception {
		WaitingReceive waiting = receiveOnAnotherThread();
		waiting.thread().interrupt();
		assertThat(waiting.outcome().get(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(InterruptedIOException.class);
		assertThat(waiting.stillInterrupted()).as("interrupt status of the interrupted receiver").isTrue();
		assertThat(this.association.isOpen()).isTrue();
		relayToClient(datagram(SOURCE_HEADER, "after"));
		ByteBuffer into = ByteBuffer.allocate(64);
		assertThat(this.association.receive(into, WAIT)).isEqualTo(SOURCE);
		assertThat(text(into.flip())).isEqualTo("after");
	}

	@Test
	void aReceiveCalledWithTheInterruptStatusSetThrowsAtOnce() throws Exception {
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(InterruptedIOException.class)
				.isThrownBy(() -> this.association.receive(ByteBuffer.allocate(64), Duration.ofSeconds(30)));
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
		assertThat(this.association.isOpen()).isTrue();
	}

	/**
	 * Start a thread that waits in a receive into a buffer, and return once it waits.
	 */
	private WaitingReceive receiveOnAnotherThread() {
		CompletableFuture<Throwable> outcome = new CompletableFuture<>();
		AtomicBoolean stillInterrupted = new AtomicBoolean();
		Thread thread = new Thread(() -> {
			try {
				this.association.receive(ByteBuffer.allocate(64), Duration.ofSeconds(30));
				outcome.complete(null);
			}
			catch (Throwable ex) {
				stillInterrupted.set(Thread.currentThread().isInterrupted());
				outcome.complete(ex);
			}
		}, "receive-into");
		thread.setDaemon(true);
		thread.start();
		awaitWaitingInReceive(thread);
		return new WaitingReceive(thread, outcome, stillInterrupted);
	}

	private static void awaitWaitingInReceive(Thread thread) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
		while (!isWaitingInReceive(thread)) {
			assertThat(System.nanoTime() - deadline)
				.as("%s still not waiting: %s %s", thread.getName(), thread.getState(),
						Arrays.toString(thread.getStackTrace()))
				.isNegative();
			Thread.onSpinWait();
		}
	}

	private static boolean isWaitingInReceive(Thread thread) {
		StackTraceElement[] stack = thread.getStackTrace();
		boolean inReceive = Arrays.stream(stack)
			.anyMatch((frame) -> frame.getClassName().equals(Socks5UdpAssociation.class.getName())
					&& frame.getMethodName().equals("receive"));
		Thread.State state = thread.getState();
		boolean waiting = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
				|| (state == Thread.State.RUNNABLE && stack.length > 0 && stack[0].isNativeMethod());
		return inReceive && waiting;
	}

	private void relayToClient(byte[] datagram) throws IOException {
		this.relay.send(new DatagramPacket(datagram, datagram.length, this.association.localAddress()));
	}

	private static byte[] datagram(byte[] header, String payload) {
		byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
		byte[] datagram = Arrays.copyOf(header, header.length + bytes.length);
		System.arraycopy(bytes, 0, datagram, header.length, bytes.length);
		return datagram;
	}

	/**
	 * A thread waiting in a receive.
	 *
	 * @param thread the thread
	 * @param outcome what ended its receive: the exception, or {@code null} if it
	 * returned
	 * @param stillInterrupted whether its interrupt status was set after the receive
	 */
	private record WaitingReceive(Thread thread, CompletableFuture<Throwable> outcome, AtomicBoolean stillInterrupted) {

	}

	private static String text(ByteBuffer payload) {
		byte[] bytes = new byte[payload.remaining()];
		payload.get(bytes);
		return new String(bytes, StandardCharsets.US_ASCII);
	}

}
