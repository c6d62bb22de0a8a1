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

import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.template.TemplateFixture.Received;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.socks5udp.template.TemplateFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DirectRoute}: interrupting a thread that sends directly (by
 * {@link Thread#interrupt()}, {@link Future#cancel(boolean)} or
 * {@link ExecutorService#shutdownNow()}), or the direct route's receive loop, ends that
 * thread's wait only: the direct channel, which every thread shares, stays open on the
 * same local port and the other threads' traffic goes on. Against UDP echo servers on
 * loopback, with no rule naming a server, so that everything goes direct.
 *
 * @author socks5-udp authors
 */
@Timeout(60)
class DirectRouteTests {

	private static final long TIMEOUT_SECONDS = TemplateFixture.TIMEOUT_SECONDS;

	@RegisterExtension
	final TemplateFixture fixture = new TemplateFixture();

	@Test
	void aSendByAnInterruptedThreadGoesOutAndKeepsTheInterruptStatus() throws Exception {
		Socks5UdpTemplate template = this.fixture.start(this.fixture.builder());
		InetSocketAddress local = firstDirectSend(template);
		for (int i = 0; i < 3; i++) {
			String text = "sent while interrupted " + i;
			Thread.currentThread().interrupt();
			Socks5UdpRoute route;
			try {
				route = template.send(this.fixture.echo().address(), ByteBuffer.wrap(bytes(text)));
			}
			finally {
				assertThat(Thread.interrupted()).as("interrupt status after the send").isTrue();
			}
			assertThat(route).isEqualTo(Socks5UdpRoute.DIRECT);
			Received echo = this.fixture.awaitReceived();
			assertThat(echo.text()).isEqualTo(text);
			assertThat(echo.route()).isEqualTo(Socks5UdpRoute.DIRECT);
		}
		assertStillServes(template, local, "after sends by an interrupted thread");
	}

	@Test
	void threadsKeepSendingDirectlyWhileOtherSendingThreadsAreInterrupted() throws Exception {
		Socks5UdpTemplate template = this.fixture.start(this.fixture.builder());
		InetSocketAddress local = firstDirectSend(template);
		List<UdpEchoServer> echoes = new ArrayList<>();
		try (DatagramChannel sink = DatagramChannel.open()
			.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
			Socks5Address discard = Socks5Address.of((InetSocketAddress) sink.getLocalAddress());
			int interruptedThreads = 3;
			int sendsEach = 300;
			// Paced by the requests, so that the sink's socket is no flood
			Semaphore window = new Semaphore(0);
			AtomicInteger sent = new AtomicInteger();
			List<Thread> senders = new ArrayList<>();
			List<CompletableFuture<Void>> sendersDone = new ArrayList<>();
			for (int t = 0; t < interruptedThreads; t++) {
				CompletableFuture<Void> done = new CompletableFuture<>();
				sendersDone.add(done);
				senders.add(new Thread(() -> {
					try {
						for (int i = 0; i < sendsEach; i++) {
							window.acquireUninterruptibly();
							Thread.currentThread().interrupt();
							template.send(discard, bytes("interrupted"));
							sent.incrementAndGet();
						}
						done.complete(null);
					}
					catch (Throwable ex) {
						done.completeExceptionally(ex);
					}
				}, "interrupted-direct-sender-" + t));
			}
			// Interrupts that land while a send is in the middle of its write, too
			AtomicBoolean interrupting = new AtomicBoolean(true);
			Thread interrupter = new Thread(() -> {
				while (interrupting.get()) {
					senders.forEach(Thread::interrupt);
					Thread.onSpinWait();
				}
			}, "interrupter");
			senders.forEach(Thread::start);
			interrupter.start();
			ExecutorService requesters = Executors.newFixedThreadPool(3);
			try {
				List<Future<Integer>> requests = new ArrayList<>();
				for (int r = 0; r < 3; r++) {
					UdpEchoServer echo = UdpEchoServer.startIpv4();
					echoes.add(echo);
					String name = "requester " + r;
					requests.add(requesters.submit(() -> {
						int answered = 0;
						for (int i = 0; !allDone(sendersDone); i++) {
							window.release(2);
							String text = name + " request " + i;
							Socks5UdpDatagram reply = template.sendAndReceive(Socks5Address.of(echo.address()),
									bytes(text), Duration.ofSeconds(TIMEOUT_SECONDS));
							assertThat(text(reply)).as("reply to %s", text).isEqualTo(text);
							answered++;
						}
						return answered;
					}));
				}
				for (Future<Integer> request : requests) {
					assertThat(request.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("requests answered").isPositive();
				}
			}
			finally {
				interrupting.set(false);
				interrupter.join();
				requesters.shutdownNow();
			}
			for (CompletableFuture<Void> done : sendersDone) {
				done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			}
			assertThat(sent).hasValue(interruptedThreads * sendsEach);
		}
		finally {
			echoes.forEach(UdpEchoServer::close);
		}
		assertStillServes(template, local, "after interrupted direct sends");
	}

	@Test
	void cancellingAndShuttingDownSendingTasksLeavesTheDirectRouteServing() throws Exception {
		Socks5UdpTemplate template = this.fixture.start(this.fixture.builder());
		InetSocketAddress local = firstDirectSend(template);
		try (DatagramChannel sink = DatagramChannel.open()
			.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
			Socks5Address discard = Socks5Address.of((InetSocketAddress) sink.getLocalAddress());
			ExecutorService executor = Executors.newFixedThreadPool(4);
			AtomicInteger started = new AtomicInteger();
			Semaphore running = new Semaphore(0);
			List<Future<?>> tasks = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				tasks.add(executor.submit(() -> {
					started.incrementAndGet();
					running.release();
					// Sends until interrupted; an interrupt that lands in a send leaves
					// the
					// status set for the check
					while (!Thread.currentThread().isInterrupted()) {
						template.send(discard, bytes("until cancelled"));
					}
					return null;
				}));
			}
			assertThat(running.tryAcquire(4, TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
			assertThat(tasks.get(0).cancel(true)).isTrue();
			assertThat(tasks.get(1).cancel(true)).isTrue();
			executor.shutdownNow();
			assertThat(executor.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
			assertThat(started).hasValue(4);
		}
		assertStillServes(template, local, "after cancelled and shut down sending tasks");
	}

	@Test
	void interruptingTheReceiveLoopsThreadDoesNotStopIt() throws Exception {
		Socks5UdpTemplate template = this.fixture.start(this.fixture.builder());
		InetSocketAddress local = firstDirectSend(template);
		Thread loop = Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("socks5-udp-direct-receive"))
			.findFirst()
			.orElseThrow();
		for (int i = 0; i < 3; i++) {
			awaitWaiting(loop);
			loop.interrupt();
			String text = "after interrupt " + i;
			template.send(this.fixture.echo().address(), ByteBuffer.wrap(bytes(text)));
			assertThat(this.fixture.awaitReceived().text()).isEqualTo(text);
		}
		assertThat(loop.isAlive()).isTrue();
		assertStillServes(template, local, "after interrupts of the receive loop");
	}

	/**
	 * Send the first direct datagram, which opens the direct channel, and return the
	 * channel's local address.
	 */
	private InetSocketAddress firstDirectSend(Socks5UdpTemplate template) throws InterruptedException {
		template.send(this.fixture.echo().address(), ByteBuffer.wrap(bytes("first")));
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("first");
		InetSocketAddress local = template.directLocalAddress();
		assertThat(local).isNotNull();
		return local;
	}

	/**
	 * Assert that a request is answered directly, from the direct channel that was open
	 * before: a new channel would show the destination another source port.
	 */
	private void assertStillServes(Socks5UdpTemplate template, InetSocketAddress local, String when) {
		Socks5UdpDatagram reply = template.sendAndReceive(Socks5Address.of(this.fixture.echo().address()), bytes(when),
				Duration.ofSeconds(TIMEOUT_SECONDS));
		assertThat(text(reply)).isEqualTo(when);
		assertThat(template.directLocalAddress()).as("direct channel " + when).isEqualTo(local);
		assertThat(this.fixture.echo().lastSender().getPort()).isEqualTo(local.getPort());
	}

	private static boolean allDone(List<CompletableFuture<Void>> futures) {
		return futures.stream().allMatch(CompletableFuture::isDone);
	}

	/**
	 * Wait until the thread waits: parked, or in a native call such as a select.
	 */
	private static void awaitWaiting(Thread thread) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
		while (!isWaiting(thread)) {
			assertThat(System.nanoTime() - deadline)
				.as("%s still not waiting: %s %s", thread.getName(), thread.getState(),
						Arrays.toString(thread.getStackTrace()))
				.isNegative();
			Thread.onSpinWait();
		}
	}

	private static boolean isWaiting(Thread thread) {
		Thread.State state = thread.getState();
		if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
			return true;
		}
		StackTraceElement[] stack = thread.getStackTrace();
		return state == Thread.State.RUNNABLE && stack.length > 0 && stack[0].isNativeMethod();
	}

	private static String text(Socks5UdpDatagram datagram) {
		return StandardCharsets.US_ASCII.decode(datagram.payload()).toString();
	}

}
