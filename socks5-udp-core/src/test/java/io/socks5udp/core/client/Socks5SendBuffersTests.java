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

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Socks5SendBuffers}.
 *
 * @author socks5-udp authors
 */
@Timeout(30)
class Socks5SendBuffersTests {

	@Test
	void buffersAreDirectClearedAndLargeEnough() throws Exception {
		Socks5SendBuffers buffers = new Socks5SendBuffers(2);
		ByteBuffer small = buffers.acquire(100);
		assertThat(small.isDirect()).isTrue();
		assertThat(small.capacity()).isEqualTo(Socks5SendBuffers.MIN_CAPACITY);
		assertThat(small.position()).isZero();
		assertThat(small.limit()).isEqualTo(small.capacity());
		small.put((byte) 1);
		buffers.release(small);
		assertThat(buffers.acquire(100)).isSameAs(small).satisfies((buffer) -> assertThat(buffer.position()).isZero());
	}

	@Test
	void aBufferGrowsToTheLargestDatagramAndStaysThatLarge() throws Exception {
		Socks5SendBuffers buffers = new Socks5SendBuffers(1);
		buffers.release(buffers.acquire(100));
		ByteBuffer grown = buffers.acquire(5000);
		assertThat(grown.capacity()).isEqualTo(8192);
		buffers.release(grown);
		assertThat(buffers.acquire(100)).isSameAs(grown);
	}

	@Test
	void theLargestDatagramFits() throws Exception {
		Socks5SendBuffers buffers = new Socks5SendBuffers(1);
		assertThat(buffers.acquire(65507).capacity()).isEqualTo(Socks5SendBuffers.MAX_CAPACITY);
		assertThatIllegalArgumentException().isThrownBy(() -> buffers.acquire(Socks5SendBuffers.MAX_CAPACITY + 1))
			.withMessage("capacity: 65537 (expected: 0-65536)");
		assertThatIllegalArgumentException().isThrownBy(() -> new Socks5SendBuffers(0))
			.withMessage("count: 0 (expected: 1 or more)");
	}

	@Test
	void aThreadThatFindsEveryBufferTakenWaitsForOneToComeBack() throws Exception {
		Socks5SendBuffers buffers = new Socks5SendBuffers(2);
		ByteBuffer first = buffers.acquire(100);
		ByteBuffer second = buffers.acquire(100);
		CompletableFuture<ByteBuffer> third = new CompletableFuture<>();
		Thread waiter = new Thread(() -> {
			try {
				third.complete(buffers.acquire(100));
			}
			catch (Throwable ex) {
				third.completeExceptionally(ex);
			}
		});
		waiter.start();
		awaitWaiting(waiter);
		assertThat(third).isNotDone();
		buffers.release(second);
		assertThat(third.get(10, TimeUnit.SECONDS)).isSameAs(second);
		assertThat(first).isNotSameAs(second);
	}

	@Test
	void aThreadThatWaitsForABufferCanBeInterrupted() throws Exception {
		Socks5SendBuffers buffers = new Socks5SendBuffers(1);
		ByteBuffer taken = buffers.acquire(100);
		CompletableFuture<Throwable> outcome = new CompletableFuture<>();
		Thread waiter = new Thread(() -> {
			try {
				buffers.acquire(100);
				outcome.complete(null);
			}
			catch (Throwable ex) {
				outcome
					.complete(Thread.currentThread().isInterrupted() ? ex : new AssertionError("status cleared", ex));
			}
		});
		waiter.start();
		awaitWaiting(waiter);
		waiter.interrupt();
		assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedIOException.class);
		buffers.release(taken);
		assertThat(buffers.acquire(100)).isSameAs(taken);
	}

	@Test
	void anInterruptedThreadGetsAFreeBufferWithoutWaiting() throws Exception {
		Socks5SendBuffers buffers = new Socks5SendBuffers(1);
		Thread.currentThread().interrupt();
		try {
			assertThat(buffers.acquire(100)).isNotNull();
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void manyThreadsShareNoMoreBuffersThanTheCount() throws Exception {
		int count = 3;
		Socks5SendBuffers buffers = new Socks5SendBuffers(count);
		Set<ByteBuffer> seen = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
		ExecutorService executor = Executors.newFixedThreadPool(16);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> users = new ArrayList<>();
			for (int t = 0; t < 16; t++) {
				users.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < 1000; i++) {
						ByteBuffer buffer = buffers.acquire(100);
						seen.add(buffer);
						buffer.putInt(i);
						buffers.release(buffer);
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> user : users) {
				user.get(20, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(seen).hasSizeLessThanOrEqualTo(count);
	}

	private static void awaitWaiting(Thread thread) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (thread.getState() != Thread.State.WAITING) {
			assertThat(System.nanoTime() - deadline).as("%s still not waiting", thread.getName()).isNegative();
			Thread.onSpinWait();
		}
	}

}
