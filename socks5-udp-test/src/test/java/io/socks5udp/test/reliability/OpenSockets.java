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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sockets this JVM holds open, TCP and UDP, counted from the file descriptors in
 * {@code /proc/self/fd}: the way to see that a failed open released both the control
 * connection and the UDP channel.
 *
 * @author socks5-udp authors
 */
final class OpenSockets {

	private static final Path FDS = Path.of("/proc/self/fd");

	private OpenSockets() {
	}

	/**
	 * Return how many sockets are open.
	 * @return the number of file descriptors that are sockets
	 */
	static long count() {
		Assumptions.assumeTrue(Files.isDirectory(FDS), "needs /proc/self/fd (Linux)");
		try (Stream<Path> fds = Files.list(FDS)) {
			return fds.filter(OpenSockets::isSocket).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Wait until no more sockets are open than before.
	 * @param before the count before
	 */
	static void assertNoMoreThan(long before) {
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(10))
			.untilAsserted(() -> assertThat(count()).as("open sockets").isLessThanOrEqualTo(before));
	}

	private static boolean isSocket(Path fd) {
		try {
			return Files.readSymbolicLink(fd).toString().startsWith("socket:");
		}
		catch (IOException ex) {
			// Closed while listed
			return false;
		}
	}

}
