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

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.socks5udp.core.protocol.Socks5UdpDatagram;

/**
 * Run by {@link Socks5UdpAssociationDirectMemoryTests} in a child JVM of Java 21 or
 * later: opens an association to a {@link ScriptedSocks5Server} and an
 * {@link EchoingRelay}, starts virtual threads that each send one datagram and then stay
 * alive, and prints the direct memory in use before and while they live, as
 * {@code key=value} lines.
 * <p>
 * Compiled for Java 17, so virtual threads are started by reflection.
 *
 * @author socks5-udp authors
 */
public final class VirtualThreadSends {

	private VirtualThreadSends() {
	}

	/**
	 * Run the measurement.
	 * @param args the number of virtual threads
	 * @throws Exception on any failure, which ends the JVM with a non-zero status
	 */
	public static void main(String[] args) throws Exception {
		int threads = Integer.parseInt(args[0]);
		Method startVirtualThread = Thread.class.getMethod("startVirtualThread", Runnable.class);
		Method isVirtual = Thread.class.getMethod("isVirtual");
		try (EchoingRelay relay = EchoingRelay.start();
				ScriptedSocks5Server server = ScriptedSocks5Server.start(ScriptedSocks5Server.granting(relay.bound()));
				Socks5UdpAssociation association = Socks5UdpAssociation.open(
						Socks5AssociationOptions.builder("127.0.0.1", server.port()).name("virtual-threads").build())) {
			// One round trip first, so that the baseline holds what any sender and
			// receiver needs
			association.send(EchoingRelay.ECHO, new byte[64]);
			Socks5UdpDatagram echo = association.receive(Duration.ofSeconds(10));
			if (echo == null) {
				throw new IllegalStateException("no echo from the relay");
			}
			long baseline = directMemoryUsed();
			CountDownLatch sent = new CountDownLatch(threads);
			CountDownLatch release = new CountDownLatch(1);
			AtomicInteger virtual = new AtomicInteger();
			AtomicReference<Throwable> failure = new AtomicReference<>();
			for (int i = 0; i < threads; i++) {
				startVirtualThread.invoke(null, (Runnable) () -> {
					try {
						if ((Boolean) isVirtual.invoke(Thread.currentThread())) {
							virtual.incrementAndGet();
						}
						association.send(EchoingRelay.DISCARD, ByteBuffer.allocate(64));
					}
					catch (Throwable ex) {
						failure.compareAndSet(null, ex);
					}
					sent.countDown();
					awaitQuietly(release);
				});
			}
			if (!sent.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("only " + (threads - sent.getCount()) + " threads sent");
			}
			if (failure.get() != null) {
				throw new IllegalStateException("a send failed", failure.get());
			}
			long live = directMemoryUsed();
			release.countDown();
			System.out.println("java.version=" + System.getProperty("java.version"));
			System.out.println("virtualThreads=" + virtual.get());
			System.out.println("datagramsSent=" + association.counters().datagramsSent());
			System.out.println("directBaseline=" + baseline);
			System.out.println("directWhileThreadsLive=" + live);
		}
	}

	private static long directMemoryUsed() {
		// Buffers no longer reachable must not count: only what is retained
		System.gc();
		System.gc();
		return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
			.stream()
			.filter((pool) -> pool.getName().equals("direct"))
			.mapToLong(BufferPoolMXBean::getMemoryUsed)
			.sum();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
