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
package io.socks5udp.test.relay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AuthMethod;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ConnectionAcceptor}: the relay under a flood of connections.
 *
 * @author socks5-udp authors
 */
class ConnectionAcceptorTests {

	private static final int DESCRIPTOR_LIMIT = 64;

	/** More connections than the relay has descriptors, fewer than its accept backlog. */
	private static final int FLOOD = DESCRIPTOR_LIMIT + 64;

	/** Descriptors the JVM may open on its own over the test (none were seen). */
	private static final int SLACK = 2;

	/** Long enough to tell idling from spinning, short of the 10 s handshake timeout. */
	private static final Duration MEASURED = Duration.ofSeconds(3);

	private static final Pattern ACCEPT_FAILURES = Pattern.compile("accept-failures=(\\d+)");

	@Test
	@EnabledOnOs(OS.LINUX)
	void idlesWhileOutOfDescriptorsThenReleasesThemAndServesAgain(@TempDir Path temp) throws Exception {
		Path errors = temp.resolve("relay.err");
		try (RelayProcess relay = RelayProcess.withDescriptorLimit(DESCRIPTOR_LIMIT, temp, "--port", "0");
				UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			Matcher listening = Socks5RelayMainTests.LISTENING.matcher(String.valueOf(relay.readLine()));
			assertThat(listening.matches()).as(() -> read(errors)).isTrue();
			InetSocketAddress address = new InetSocketAddress(listening.group(1), Integer.parseInt(listening.group(2)));
			long baseline = relay.openDescriptors();
			List<Socket> flood = new ArrayList<>();
			// No client before the flood: the relay has closed no socket yet
			try {
				for (int i = 0; i < FLOOD; i++) {
					Socket socket = new Socket();
					flood.add(socket);
					socket.connect(address, 5000);
				}
				await().atMost(Duration.ofSeconds(30))
					.until(relay::openDescriptors, (open) -> open >= DESCRIPTOR_LIMIT);
				Duration cpuBefore = relay.cpuTime();
				long start = System.nanoTime();
				Thread.sleep(MEASURED.toMillis());
				double share = (double) relay.cpuTime().minus(cpuBefore).toNanos() / (System.nanoTime() - start);
				System.out.printf("relay CPU while out of descriptors: %.1f %% of a core over %s%n", share * 100,
						MEASURED);
				assertThat(share).as("share of a core used while out of descriptors; stderr:%n%s", read(errors))
					.isLessThan(0.25);
			}
			finally {
				for (Socket socket : flood) {
					socket.close();
				}
			}
			awaitDescriptors(relay, baseline, errors);
			try (Socks5UdpAssociation after = open(address)) {
				assertThat(roundTrip(after, echo, "after the flood")).isEqualTo("after the flood");
			}
			awaitDescriptors(relay, baseline, errors);
			relay.terminate();
			Matcher failures = ACCEPT_FAILURES.matcher(String.valueOf(relay.readLine()));
			assertThat(failures.find()).isTrue();
			// Some, or the flood never ran the relay out of descriptors; few, as a relay
			// that spins fails thousands of times a second
			assertThat(Long.parseLong(failures.group(1))).isPositive().isLessThan(1000);
		}
	}

	@Test
	void closesConnectionsBeyondTheLimitAndServesAgainOnceBelowIt() throws Exception {
		try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().maxConnections(2).build().start();
				RawSocks5Client first = RawSocks5Client.connect(relay);
				RawSocks5Client second = RawSocks5Client.connect(relay)) {
			// Each greeting answered means its connection is counted
			assertThat(first.greet()).isEqualTo(Socks5AuthMethod.NO_AUTH);
			assertThat(second.greet()).isEqualTo(Socks5AuthMethod.NO_AUTH);
			try (RawSocks5Client third = RawSocks5Client.connect(relay)) {
				assertThat(third.read()).isEqualTo(-1);
			}
			assertThat(relay.counters().connectionsRefused()).isEqualTo(1);
			first.close();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				try (Socks5UdpAssociation association = RelayClients.open(relay)) {
					assertThat(association.isOpen()).isTrue();
				}
			});
			assertThat(relay.counters().associationsOpened()).isEqualTo(1);
		}
	}

	private static void awaitDescriptors(RelayProcess relay, long baseline, Path errors) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(relay.openDescriptors())
				.as(() -> "descriptors open in the relay, baseline " + baseline + "; stderr:\n" + read(errors))
				.isLessThanOrEqualTo(baseline + SLACK));
	}

	private static Socks5UdpAssociation open(InetSocketAddress relay) throws IOException {
		return Socks5UdpAssociation
			.open(Socks5AssociationOptions.builder(relay.getHostString(), relay.getPort()).build());
	}

	private static String roundTrip(Socks5UdpAssociation association, UdpEchoServer echo, String text)
			throws IOException {
		return RelayClients.text(RelayClients.roundTrip(association, Socks5Address.of(echo.address()), text));
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

}
