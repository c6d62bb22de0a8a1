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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests that the direct memory an association needs for sending is bounded by the
 * association, not by the number of threads that ever sent: 2,000 virtual threads that
 * each sent one datagram and are still alive hold no send buffer each. Virtual threads
 * need Java 21 or later, so {@link VirtualThreadSends} runs in a child JVM of the JDK 25
 * at {@code /usr/lib/jvm/temurin-25-jdk-amd64} (or the one the system property
 * {@code socks5udp.test.jdk25} names); the test is skipped, saying why, without it.
 *
 * @author socks5-udp authors
 */
class Socks5UdpAssociationDirectMemoryTests {

	private static final int THREADS = 2_000;

	/**
	 * Far below one 64 KiB buffer per thread (125 MiB), and below even 1 KiB per thread.
	 */
	private static final long BOUND = 1024 * 1024;

	@Test
	@Timeout(120)
	void twoThousandVirtualThreadsThatSentOnceRetainNoSendBufferEach() throws Exception {
		Path java = Path.of(System.getProperty("socks5udp.test.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin",
				"java");
		assumeTrue(Files.isExecutable(java), () -> "No JDK 25 at " + java + ": virtual threads cannot be measured");
		Map<String, String> results = run(java);
		System.out.println("Direct memory with " + THREADS + " live virtual threads that each sent once: " + results);
		assertThat(results).containsEntry("virtualThreads", String.valueOf(THREADS))
			.containsEntry("datagramsSent", String.valueOf(THREADS + 1));
		long retained = Long.parseLong(results.get("directWhileThreadsLive"))
				- Long.parseLong(results.get("directBaseline"));
		assertThat(retained).as("direct memory retained by %d virtual threads that each sent once", THREADS)
			.isLessThan(BOUND);
	}

	private static Map<String, String> run(Path java) throws IOException, InterruptedException {
		// Surefire may put a manifest-only jar on java.class.path; this is the real one
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Process process = new ProcessBuilder(
				List.of(java.toString(), "-cp", classpath, VirtualThreadSends.class.getName(), String.valueOf(THREADS)))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("child JVM ended").isTrue();
		assertThat(process.exitValue()).as("exit status of the child JVM, whose output was:%n%s", output).isZero();
		Map<String, String> results = new HashMap<>();
		output.lines().map((line) -> line.split("=", 2)).filter((pair) -> pair.length == 2).forEach((pair) -> {
			results.put(pair[0], pair[1]);
		});
		return results;
	}

}
