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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.socks5udp.core.protocol.Socks5UdpDatagram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that interrupting a thread which uses a {@link Socks5UdpAssociation} (by
 * {@link Thread#interrupt()}, {@link Future#cancel(boolean)} or
 * {@link ExecutorService#shutdownNow()}) ends that thread's wait only: the association's
 * UDP channel stays open and every other thread goes on sending and receiving. A
 * {@link ScriptedSocks5Server} grants UDP ASSOCIATE for an {@link EchoingRelay}.
 *
 * @author socks5-udp authors
 */
@Timeout(60)
class Socks5UdpAssociationInterruptTests {

	private static final AtomicInteger names = new AtomicInteger();

	private static final long WAIT_SECONDS = 10;

	private final Deque<AutoCloseable> resources = new ArrayDeque<>();

	private Socks5UdpAssociation association;

	@BeforeEach
	void openAssociation() throws IOException {
		ScriptedAssociation<EchoingRelay> scripted = ScriptedAssociation
			.throughEchoingRelay((options) -> options.name("interrupt" + names.incrementAndGet()));
		this.resources.push(scripted);
		this.association = scripted.association();
	}

	@AfterEach
	void closeResources() throws Exception {
		while (!this.resources.isEmpty()) {
			this.resources.pop().close();
		}
	}

	@Test
	void interruptingAThreadBlockedInReceiveEndsOnlyItsWait() throws Exception {
		CompletableFuture<Throwable> outcome = new CompletableFuture<>();
		AtomicBoolean stillInterrupted = new AtomicBoolean();
		Thread receiver = new Thread(() -> {
			try {
				this.association.receive(Duration.ofSeconds(30));
				outcome.complete(null);
			}
			catch (Throwable ex) {
				stillInterrupted.set(Thread.currentThread().isInterrupted());
				outcome.complete(ex);
			}
		});
		receiver.start();
		awaitBlockedInReceive(receiver);
		receiver.interrupt();
		assertThat(outcome.get(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(InterruptedIOException.class);
		assertThat(stillInterrupted).as("interrupt status of the interrupted receiver").isTrue();
		assertStillServes("after an interrupted receive");
	}

	@Test
	void aReceiveCalledWithTheInterruptStatusSetThrowsAtOnce() throws Exception {
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(InterruptedIOException.class)
				.isThrownBy(() -> this.association.receive(Duration.ofSeconds(30)));
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
		assertStillServes("after a receive by an interrupted thread");
	}

	@Test
	void aReceiveNowCalledWithTheInterruptStatusSetThrowsAndLeavesTheWaitingDatagram() throws Exception {
		this.association.send(EchoingRelay.ECHO, "waiting".getBytes(StandardCharsets.US_ASCII));
		ByteBuffer into = ByteBuffer.allocate(64);
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(InterruptedIOException.class).isThrownBy(() -> this.association.receiveNow(into));
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
		assertThat(into.position()).as("bytes put into the buffer by the interrupted receiveNow").isZero();
		// The echo, waiting or on its way, is still there for the next receive
		assertThat(this.association.receive(into, Duration.ofSeconds(WAIT_SECONDS))).isEqualTo(EchoingRelay.ECHO);
		assertThat(text(into.flip())).isEqualTo("waiting");
		assertStillServes("after a receiveNow by an interrupted thread");
	}

	@Test
	void cancellingAFutureBlockedInReceiveEndsOnlyItsWait() throws Exception {
		ExecutorService executor = executor(1);
		CompletableFuture<Thread> worker = new CompletableFuture<>();
		Future<Socks5UdpDatagram> pending = executor.submit(() -> {
			worker.complete(Thread.currentThread());
			return this.association.receive(Duration.ofSeconds(30));
		});
		awaitBlockedInReceive(worker.get(WAIT_SECONDS, TimeUnit.SECONDS));
		assertThat(pending.cancel(true)).isTrue();
		// The pool's thread survives the cancellation and serves the next task
		Future<String> next = executor.submit(() -> roundTrip("on the pool thread after a cancelled receive"));
		assertThat(next.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("on the pool thread after a cancelled receive");
		assertStillServes("after a cancelled receive");
	}

	@Test
	void shutdownNowOfAnExecutorWhoseThreadsWaitToReceiveEndsOnlyTheirWaits() throws Exception {
		ExecutorService executor = executor(2);
		BlockingQueue<Thread> workers = new LinkedBlockingQueue<>();
		Future<?> first = executor.submit(() -> {
			workers.add(Thread.currentThread());
			return this.association.receive(Duration.ofSeconds(30));
		});
		Future<?> second = executor.submit(() -> {
			workers.add(Thread.currentThread());
			return this.association.receive(Duration.ofSeconds(30));
		});
		// One waits for a datagram, the other for its turn
		awaitBlockedInReceive(workers.poll(WAIT_SECONDS, TimeUnit.SECONDS));
		awaitBlockedInReceive(workers.poll(WAIT_SECONDS, TimeUnit.SECONDS));
		executor.shutdownNow();
		assertThat(executor.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
		for (Future<?> receive : Arrays.asList(first, second)) {
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(receive::get)
				.withCauseInstanceOf(InterruptedIOException.class);
		}
		assertStillServes("after shutdownNow of the receiving executor");
	}

	@Test
	void aSendByAnInterruptedThreadGoesOutAndKeepsTheInterruptStatus() throws Exception {
		for (int i = 0; i < 3; i++) {
			String text = "sent while interrupted " + i;
			Thread.currentThread().interrupt();
			try {
				this.association.send(EchoingRelay.ECHO, text.getBytes(StandardCharsets.US_ASCII));
			}
			finally {
				assertThat(Thread.interrupted()).as("interrupt status after the send").isTrue();
			}
			Socks5UdpDatagram echo = this.association.receive(Duration.ofSeconds(WAIT_SECONDS));
			assertThat(echo).as("echo of '%s'", text).isNotNull();
			assertThat(text(echo.payload())).isEqualTo(text);
		}
		assertStillServes("after sends by an interrupted thread");
	}

	@Test
	void aThousandInterruptedSendsNeverFailAnotherThreadsRequests() throws Exception {
		int sends = 1000;
		AtomicInteger sent = new AtomicInteger();
		CompletableFuture<Void> senderDone = new CompletableFuture<>();
		// Paced by the requests, at most 10 sends ahead of them, so that the relay's
		// socket
		// never overflows and drops one: a sender that fell behind must not burst
		Semaphore window = new Semaphore(0);
		byte[] payload = "interrupted".getBytes(StandardCharsets.US_ASCII);
		Thread sender = new Thread(() -> {
			try {
				for (int i = 0; i < sends; i++) {
					window.acquireUninterruptibly();
					Thread.currentThread().interrupt();
					this.association.send(EchoingRelay.DISCARD, payload);
					sent.incrementAndGet();
				}
				senderDone.complete(null);
			}
			catch (Throwable ex) {
				senderDone.completeExceptionally(ex);
			}
		}, "interrupted-sender");
		// Interrupts that land while a send is in the middle of its write, too
		AtomicBoolean interrupting = new AtomicBoolean(true);
		Thread interrupter = new Thread(() -> {
			while (interrupting.get()) {
				sender.interrupt();
				Thread.onSpinWait();
			}
		}, "interrupter");
		sender.start();
		interrupter.start();
		try {
			for (int request = 0; !senderDone.isDone(); request++) {
				// Only this thread releases, so the window never holds more than 10
				window.release(Math.max(0, 10 - window.availablePermits()));
				String text = "request " + request;
				assertThat(roundTrip(text)).as("reply to %s while another thread is interrupted", text).isEqualTo(text);
			}
		}
		finally {
			interrupting.set(false);
			interrupter.join();
		}
		senderDone.get(WAIT_SECONDS, TimeUnit.SECONDS);
		assertThat(sent).hasValue(sends);
		assertStillServes("after " + sends + " interrupted sends");
	}

	@Test
	void aListenerThatInterruptsItsOwnThreadDoesNotStopTheReceiveLoop() throws Exception {
		BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
		this.association.startReceiving((source, payload) -> {
			// As a listener that restores the status after catching InterruptedException
			Thread.currentThread().interrupt();
			delivered.add(text(payload));
		});
		for (int i = 0; i < 3; i++) {
			this.association.send(EchoingRelay.ECHO, ("datagram " + i).getBytes(StandardCharsets.US_ASCII));
			assertThat(delivered.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("datagram " + i);
		}
		assertThat(this.association.isOpen()).isTrue();
	}

	@Test
	void interruptingTheReceiveLoopsThreadDoesNotStopIt() throws Exception {
		BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
		this.association.startReceiving((source, payload) -> delivered.add(text(payload)));
		Thread loop = Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("socks5-udp-receive-" + this.association.name()))
			.findFirst()
			.orElseThrow();
		for (int i = 0; i < 3; i++) {
			awaitBlocked(loop);
			loop.interrupt();
			this.association.send(EchoingRelay.ECHO, ("datagram " + i).getBytes(StandardCharsets.US_ASCII));
			assertThat(delivered.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("datagram " + i);
		}
		assertThat(this.association.isOpen()).isTrue();
	}

	private void assertStillServes(String when) throws IOException {
		assertThat(this.association.isOpen()).as("association open " + when).isTrue();
		assertThat(roundTrip(when)).isEqualTo(when);
	}

	/**
	 * Send a datagram to the echo service and return the text of the next reply.
	 */
	private String roundTrip(String text) throws IOException {
		this.association.send(EchoingRelay.ECHO, text.getBytes(StandardCharsets.US_ASCII));
		Socks5UdpDatagram reply = this.association.receive(Duration.ofSeconds(WAIT_SECONDS));
		assertThat(reply).as("reply to '%s'", text).isNotNull();
		assertThat(reply.address()).isEqualTo(EchoingRelay.ECHO);
		return text(reply.payload());
	}

	private ExecutorService executor(int threads) {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		this.resources.push(executor::shutdownNow);
		return executor;
	}

	private static void awaitBlockedInReceive(Thread thread) {
		awaitCondition(thread,
				() -> isBlocked(thread) && Arrays.stream(thread.getStackTrace())
					.anyMatch((frame) -> frame.getClassName().equals(Socks5UdpAssociation.class.getName())
							&& frame.getMethodName().equals("receive")));
	}

	private static void awaitBlocked(Thread thread) {
		awaitCondition(thread, () -> isBlocked(thread));
	}

	/**
	 * Whether the thread waits: parked, for a monitor, or in a native call such as a
	 * receive or a select.
	 */
	private static boolean isBlocked(Thread thread) {
		Thread.State state = thread.getState();
		if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED) {
			return true;
		}
		StackTraceElement[] stack = thread.getStackTrace();
		return state == Thread.State.RUNNABLE && stack.length > 0 && stack[0].isNativeMethod();
	}

	private static void awaitCondition(Thread thread, java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime() - deadline)
				.as("%s still not blocked: %s %s", thread.getName(), thread.getState(),
						Arrays.toString(thread.getStackTrace()))
				.isNegative();
			Thread.onSpinWait();
		}
	}

	private static String text(ByteBuffer payload) {
		byte[] bytes = new byte[payload.remaining()];
		payload.get(bytes);
		return new String(bytes, StandardCharsets.US_ASCII);
	}

}
