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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Optional CPU pinning with {@code taskset}: {@code --pin CLIENT:RELAY[:ECHO]} (CPU lists
 * as taskset takes them), {@code --pin} alone for {@code 0:1:0}: the client process and
 * the echo target on CPU 0, the relay on CPU 1. Child processes start under
 * {@code taskset -c}; Dante, which forks its relaying children later, is pinned by
 * process id and its children inherit the mask.
 *
 * @param client CPUs of the client processes, or {@code null} for no pinning
 * @param relay CPUs of the relay processes
 * @param echo CPUs of the echo target
 * @author socks5-udp authors
 */
record Pinning(@Nullable String client, @Nullable String relay, @Nullable String echo) {

	static final Pinning NONE = new Pinning(null, null, null);

	private static final String DEFAULT = "0:1:0";

	static Pinning parse(@Nullable String spec) {
		if (spec == null) {
			return NONE;
		}
		String value = spec.isEmpty() ? DEFAULT : spec;
		if (!value.matches("[0-9,-]+:[0-9,-]+(:[0-9,-]+)?")) {
			throw new IllegalArgumentException(
					"--pin: " + spec + " (expected: CLIENT:RELAY[:ECHO] CPU lists, e.g. 0:1:0)");
		}
		String[] parts = value.split(":");
		return new Pinning(parts[0], parts[1], (parts.length > 2) ? parts[2] : parts[0]);
	}

	boolean enabled() {
		return this.client != null;
	}

	/**
	 * Return the command that runs the given one on the given CPUs.
	 * @param cpus the CPUs, or {@code null} for the command as it is
	 * @param command the command
	 * @return the command, prefixed with taskset when pinned
	 */
	static List<String> on(@Nullable String cpus, List<String> command) {
		if (cpus == null) {
			return command;
		}
		List<String> pinned = new ArrayList<>(List.of("taskset", "-c", cpus));
		pinned.addAll(command);
		return pinned;
	}

	/**
	 * Pin a running process, all its threads, and its descendants.
	 * @param cpus the CPUs, or {@code null} to leave it alone
	 * @param pid the process
	 * @throws IOException if taskset fails
	 */
	static void pinTree(@Nullable String cpus, long pid) throws IOException {
		if (cpus == null) {
			return;
		}
		List<Long> pids = new ArrayList<>(List.of(pid));
		ProcessHandle.of(pid).ifPresent((root) -> root.descendants().forEach((child) -> pids.add(child.pid())));
		for (long each : pids) {
			Process taskset = new ProcessBuilder("taskset", "-a", "-c", "-p", cpus, Long.toString(each))
				.redirectErrorStream(true)
				.start();
			String output = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			try {
				if (taskset.waitFor() != 0) {
					throw new IOException("taskset -a -c -p " + cpus + " " + each + " failed: " + output);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while pinning " + each, ex);
			}
		}
	}

	@Override
	public String toString() {
		return enabled() ? "client:" + this.client + ",relay:" + this.relay + ",echo:" + this.echo : "none";
	}

}
