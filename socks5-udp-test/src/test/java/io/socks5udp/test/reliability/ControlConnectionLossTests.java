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
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.TestEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.awaitility.Awaitility.await;

/**
 * An association lives exactly as long as its control connection (RFC 1928 section 6):
 * when the server closes it, resets it, or dies, the association is dead within 100 ms,
 * sends fail with {@link Socks5AssociationClosedException}, and its threads end without
 * the application closing anything.
 *
 * @author socks5-udp authors
 */
class ControlConnectionLossTests {

	/** The bound of the issue: the end is noticed this fast. */
	private static final Duration DETECTION_BOUND = Duration.ofMillis(100);

	private EmbeddedSocks5Relay relay;

	@BeforeEach
	void startRelay() throws IOException {
		this.relay = EmbeddedSocks5Relay.builder().build().start();
	}

	@AfterEach
	void stopRelay() {
		this.relay.close();
	}

	@ParameterizedTest(name = "reset: {0}")
	@ValueSource(booleans = { false, true })
	void associationEndsWithin100MillisecondsOfTheControlConnectionsEnd(boolean reset) throws IOException {
		String name = AssociationThreads.uniqueName("control-loss");
		try (Socks5UdpAssociation association = open(this.relay.host(), this.relay.port(), name)) {
			association.startReceiving((source, payload) -> {
			});
			assertThat(AssociationThreads.of(name)).hasSize(2);
			CompletableFuture<Throwable> end = association.closeFuture();
			assertThat(this.relay.closeControlConnections(reset)).isOne();
			assertThat(end).succeedsWithin(DETECTION_BOUND)
				.asInstanceOf(type(Socks5AssociationClosedException.class))
				.extracting(Throwable::getMessage)
				.asString()
				.contains(name)
				.contains(reset ? "reset" : "closed by server");
			assertDead(association, name);
		}
	}

	@Test
	void blockedReceiveFailsAtOnceWhenTheControlConnectionEnds() throws Exception {
		String name = AssociationThreads.uniqueName("blocked-receive");
		try (Socks5UdpAssociation association = open(this.relay.host(), this.relay.port(), name)) {
			CompletableFuture<Socks5UdpDatagram> received = new CompletableFuture<>();
			Thread receiver = new Thread(() -> {
				try {
					received.complete(association.receive(Duration.ofSeconds(30)));
				}
				catch (Throwable ex) {
					received.completeExceptionally(ex);
				}
			}, "blocked-receiver");
			receiver.start();
			await().atMost(Duration.ofSeconds(5)).until(() -> isBlockedInReceive(receiver));
			this.relay.closeControlConnections();
			assertThat(received).failsWithin(Duration.ofSeconds(1))
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(Socks5AssociationClosedException.class);
			receiver.join(1000);
			assertDead(association, name);
		}
	}

	@Test
	void associationEndsWithin100MillisecondsOfDantesDeath() throws IOException {
		TestEnvironment.requireDanted();
		String name = AssociationThreads.uniqueName("dante-killed");
		try (LocalDante dante = LocalDante.start();
				Socks5UdpAssociation association = open(dante.host(), dante.port(), name)) {
			association.startReceiving((source, payload) -> {
			});
			CompletableFuture<Throwable> end = association.closeFuture();
			dante.kill();
			assertThat(end).succeedsWithin(DETECTION_BOUND).isInstanceOf(Socks5AssociationClosedException.class);
			assertDead(association, name);
		}
	}

	@Test
	void localCloseEndsTheAssociationHereAndAtTheServer() throws IOException {
		String name = AssociationThreads.uniqueName("closed-locally");
		Socks5UdpAssociation association = open(this.relay.host(), this.relay.port(), name);
		association.startReceiving((source, payload) -> {
		});
		CompletableFuture<Throwable> end = association.closeFuture();
		association.close();
		assertThat(end).succeedsWithin(DETECTION_BOUND).isNull();
		assertDead(association, name);
		// Closing the control connection is what ends the association at the server
		await().atMost(Duration.ofSeconds(5)).until(() -> this.relay.counters().activeAssociations() == 0);
	}

	/**
	 * Whether the thread waits in a native call (a select, a receive) under the
	 * association's {@code receive}.
	 */
	private static boolean isBlockedInReceive(Thread thread) {
		StackTraceElement[] stack = thread.getStackTrace();
		return stack.length > 0 && stack[0].isNativeMethod()
				&& Arrays.stream(stack)
					.anyMatch((frame) -> frame.getClassName().equals(Socks5UdpAssociation.class.getName())
							&& frame.getMethodName().equals("receive"));
	}

	private static void assertDead(Socks5UdpAssociation association, String name) {
		assertThat(association.isOpen()).isFalse();
		assertThatExceptionOfType(Socks5AssociationClosedException.class)
			.isThrownBy(() -> association.send(Socks5Address.of("127.0.0.1", 9), new byte[] { 1 }));
		AssociationThreads.assertGone(name);
	}

	private static Socks5UdpAssociation open(String host, int port, String name) throws IOException {
		return Socks5UdpAssociation.open(Socks5AssociationOptions.builder(host, port).name(name).build());
	}

}
