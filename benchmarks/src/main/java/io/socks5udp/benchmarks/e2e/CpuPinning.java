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
package io.socks5udp.benchmarks.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Optional CPU pinning of the end-to-end harness ({@code --pin CLIENT_CPUS:DANTE_CPUS}),
 * with {@code taskset}. The client side is this JVM with all its threads; the Dante side
 * is the Dante process the harness started and every child it has forked, whose later
 * children inherit the mask.
 *
 * @author socks5-udp authors
 */
final class CpuPinning {

	private static final CpuPinning NONE = new CpuPinning(null, null);

	private final String clientCpus;

	private final String danteCpus;

	private CpuPinning(String clientCpus, String danteCpus) {
		this.clientCpus = clientCpus;
		this.danteCpus = danteCpus;
	}

	static CpuPinning parse(String spec) {
		if (spec == null) {
			return NONE;
		}
		if (!spec.matches("[0-9,-]+:[0-9,-]+")) {
			throw new IllegalArgumentException("pin: " + spec + " (expected: CLIENT_CPUS:DANTE_CPUS, e.g. 0:1)");
		}
		int colon = spec.indexOf(':');
		return new CpuPinning(spec.substring(0, colon), spec.substring(colon + 1));
	}

	void pinClient() throws IOException, InterruptedException {
		if (this.clientCpus != null) {
			taskset(this.clientCpus, ProcessHandle.current().pid());
		}
	}

	void pinDante(long pid) throws IOException, InterruptedException {
		if (this.danteCpus == null) {
			return;
		}
		List<Long> pids = new ArrayList<>(List.of(pid));
		ProcessHandle.of(pid).ifPresent((dante) -> dante.descendants().forEach((child) -> pids.add(child.pid())));
		for (long each : pids) {
			taskset(this.danteCpus, each);
		}
	}

	private static void taskset(String cpus, long pid) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("taskset", "-a", "-c", "-p", cpus, Long.toString(pid))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (process.waitFor() != 0) {
			throw new IOException("taskset -a -c -p " + cpus + " " + pid + " failed: " + output);
		}
	}

	@Override
	public String toString() {
		return (this.clientCpus != null) ? "client:" + this.clientCpus + ",dante:" + this.danteCpus : "none";
	}

}
