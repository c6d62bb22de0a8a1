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
package io.socks5udp.benchmarks.xproc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * This project's relay as the standalone jar of socks5-udp-test
 * ({@code java -jar socks5-udp-relay.jar --port 0}, with {@code --batched-io} for
 * {@code ours-batched}), one JVM on loopback.
 *
 * @author socks5-udp authors
 */
final class StandaloneRelay implements Relay {

	private static final String LISTENING = "listening on ";

	private final Process process;

	private final InetSocketAddress address;

	private final String name;

	private StandaloneRelay(Process process, InetSocketAddress address, String name) {
		this.process = process;
		this.address = address;
		this.name = name;
	}

	static StandaloneRelay start(String java, Path jar, boolean batched, @Nullable String cpus, Path log)
			throws IOException {
		if (!Files.isRegularFile(jar)) {
			throw new IOException(
					jar + " not found (build it: ./mvnw -o -B -q -pl benchmarks -am -DskipTests package)");
		}
		List<String> command = new ArrayList<>(
				List.of(java, "-jar", jar.toString(), "--port", "0", "--bind", "127.0.0.1"));
		if (batched) {
			command.add("--batched-io");
		}
		Process process = new ProcessBuilder(Pinning.on(cpus, command)).redirectError(log.toFile()).start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line = out.readLine();
		if (line == null || !line.startsWith(LISTENING)) {
			process.destroyForcibly();
			throw new IOException("relay did not start: " + line + "; see " + log);
		}
		// The counters it prints when stopped are not needed: keep its pipe from filling
		Thread drain = new Thread(() -> drain(out), "xproc-relay-out");
		drain.setDaemon(true);
		drain.start();
		return new StandaloneRelay(process, ClientArguments.loopback(line.substring(LISTENING.length()).trim()),
				batched ? "ours-batched" : "ours");
	}

	private static void drain(BufferedReader out) {
		try {
			while (out.readLine() != null) {
				// discarded
			}
		}
		catch (IOException ex) {
			// the relay is gone
		}
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public InetSocketAddress address() {
		return this.address;
	}

	@Override
	public double cpuSeconds() {
		return ProcessCpu.seconds(this.process.pid());
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
