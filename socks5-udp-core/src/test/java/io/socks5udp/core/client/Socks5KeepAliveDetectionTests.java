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
 * Tests that {@link Socks5KeepAlive} makes an association notice a server that vanished
 * without closing or resetting the control connection. {@link VanishingServer} runs in a
 * child JVM in a network namespace of its own ({@code unshare -n}), where it may drop
 * packets with iptables without touching the host's network; the test is skipped, saying
 * why, where that cannot be done (not root, no unshare or iptables).
 *
 * @author socks5-udp authors
 */
class Socks5KeepAliveDetectionTests {

	private static final Path UNSHARE = Path.of("/usr/bin/unshare");

	private static final Path IPTABLES = Path.of("/usr/sbin/iptables");

	@Test
	@Timeout(120)
	void aServerThatVanishesSilentlyIsNoticedByKeepAlive() throws Exception {
		assumeTrue(Files.isExecutable(UNSHARE) && Files.isExecutable(IPTABLES),
				"Needs " + UNSHARE + " and " + IPTABLES + " to make a server vanish in a network namespace");
		assumeTrue(run(List.of(UNSHARE.toString(), "-n", "true")).exitValue() == 0,
				"Cannot create a network namespace (needs root)");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		// The namespace's loopback starts down
		Process process = run(List.of(UNSHARE.toString(), "-n", "sh", "-c", "ip link set lo up && exec \"$0\" \"$@\"",
				java, "-cp", classpath, VanishingServer.class.getName(), IPTABLES.toString()));
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as("exit status of the child JVM, whose output was:%n%s", output).isZero();
		Map<String, String> results = new HashMap<>();
		output.lines().map((line) -> line.split("=", 2)).filter((pair) -> pair.length == 2).forEach((pair) -> {
			results.put(pair[0], pair[1]);
		});
		System.out.println("Vanished server noticed by keepalive: " + results);
		assertThat(results).containsEntry("open", "false");
		assertThat(results.get("cause")).contains("Socks5AssociationClosedException")
			.contains("control connection failed");
	}

	private static Process run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		// A guard against a hang: the child gives up by itself after 30 seconds
		assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("%s ended", command.get(0)).isTrue();
		return process;
	}

}
