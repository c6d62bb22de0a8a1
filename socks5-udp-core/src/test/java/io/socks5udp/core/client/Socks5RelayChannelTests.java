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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Socks5RelayChannel}: a {@link DatagramSocket} on loopback plays the
 * relay.
 *
 * @author socks5-udp authors
 */
@Timeout(30)
class Socks5RelayChannelTests {

	private DatagramSocket relay;

	private Socks5RelayChannel channel;

	@BeforeEach
	void open() throws IOException {
		this.relay = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		this.relay.setSoTimeout(10_000);
		InetSocketAddress relayAddress = (InetSocketAddress) this.relay.getLocalSocketAddress();
		DatagramChannel datagramChannel = DatagramChannel.open()
			.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
			.connect(relayAddress);
		this.channel = new Socks5RelayChannel(datagramChannel, relayAddress, true);
	}

	@AfterEach
	void close() {
		this.channel.close();
		this.relay.close();
		Thread.interrupted();
	}

	@Test
	void sendAndReceiveWhileTheThreadIsInterrupted() throws IOException {
		Thread.currentThread().interrupt();
		this.channel.send(ByteBuffer.wrap(new byte[] { 1, 2, 3 }));
		DatagramPacket packet = new DatagramPacket(new byte[16], 16);
		this.relay.receive(packet);
		assertThat(packet.getLength()).isEqualTo(3);
		this.relay.send(new DatagramPacket(new byte[] { 4, 5 }, 2, packet.getSocketAddress()));
		ByteBuffer buffer = ByteBuffer.allocate(16);
		while (this.channel.receive(buffer) == null) {
			Thread.interrupted();
			this.channel.awaitReadable(TimeUnit.SECONDS.toNanos(10));
			Thread.currentThread().interrupt();
		}
		assertThat(buffer.flip().remaining()).isEqualTo(2);
		assertThat(Thread.currentThread().isInterrupted()).isTrue();
		assertThat(this.channel.isOpen()).isTrue();
	}

	@Test
	void receiveReturnsNullWhenNothingWaits() throws IOException {
		assertThat(this.channel.receive(ByteBuffer.allocate(16))).isNull();
	}

	@Test
	void waitingForADatagramWithTheInterruptStatusSetThrowsAndLeavesTheChannelOpen() {
		Thread.currentThread().interrupt();
		assertThatExceptionOfType(InterruptedIOException.class)
			.isThrownBy(() -> this.channel.awaitReadable(TimeUnit.SECONDS.toNanos(10)));
		assertThat(Thread.currentThread().isInterrupted()).isTrue();
		assertThat(this.channel.isOpen()).isTrue();
	}

	@Test
	void waitingForRoomWithTheInterruptStatusSetThrowsAndLeavesTheChannelOpen() {
		Thread.currentThread().interrupt();
		assertThatExceptionOfType(InterruptedIOException.class).isThrownBy(this.channel::awaitWritable);
		assertThat(Thread.currentThread().isInterrupted()).isTrue();
		assertThat(this.channel.isOpen()).isTrue();
	}

	@Test
	void interruptingAThreadThatWaitsForADatagramEndsItsWaitOnly() throws Exception {
		CompletableFuture<Throwable> outcome = new CompletableFuture<>();
		Thread waiter = new Thread(() -> {
			try {
				this.channel.awaitReadable(0);
				outcome.complete(null);
			}
			catch (Throwable ex) {
				outcome.complete(ex);
			}
		});
		waiter.start();
		awaitInSelect(waiter);
		waiter.interrupt();
		assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedIOException.class);
		assertThat(this.channel.isOpen()).isTrue();
	}

	@Test
	void closingWakesAThreadThatWaitsForADatagram() throws Exception {
		CompletableFuture<Throwable> outcome = new CompletableFuture<>();
		Thread waiter = new Thread(() -> {
			try {
				this.channel.awaitReadable(0);
				this.channel.receive(ByteBuffer.allocate(16));
				outcome.complete(null);
			}
			catch (Throwable ex) {
				outcome.complete(ex);
			}
		});
		waiter.start();
		awaitInSelect(waiter);
		this.channel.close();
		assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(ClosedChannelException.class);
		assertThatExceptionOfType(ClosedChannelException.class).isThrownBy(() -> this.channel.awaitReadable(1));
	}

	private static void awaitInSelect(Thread thread) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!inSelect(thread)) {
			assertThat(System.nanoTime() - deadline).as("%s still not selecting", thread.getName()).isNegative();
			Thread.onSpinWait();
		}
	}

	private static boolean inSelect(Thread thread) {
		StackTraceElement[] stack = thread.getStackTrace();
		return stack.length > 0 && stack[0].isNativeMethod()
				&& java.util.Arrays.stream(stack).anyMatch((frame) -> frame.getMethodName().equals("select"));
	}

}
