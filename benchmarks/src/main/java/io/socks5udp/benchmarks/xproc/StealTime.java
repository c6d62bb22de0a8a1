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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine's CPU time so far and how much of it the hypervisor gave to other guests
 * (steal), from the first line of {@code /proc/stat}. On a shared virtual machine the
 * steal over a run says how far its figures are the machine's and not the code's.
 *
 * @param steal ticks stolen so far
 * @param total ticks of every kind so far
 * @author socks5-udp authors
 */
record StealTime(long steal, long total) {

	/**
	 * Read the counters now.
	 * @return the counters, or zeros where {@code /proc/stat} cannot be read
	 */
	static StealTime now() {
		try {
			return parse(Files.readAllLines(Path.of("/proc/stat")).get(0));
		}
		catch (IOException | RuntimeException ex) {
			return new StealTime(0, 0);
		}
	}

	/**
	 * Parse the {@code cpu} line of {@code /proc/stat}.
	 * @param line {@code cpu user nice system idle iowait irq softirq steal ...}
	 * @return the counters
	 */
	static StealTime parse(String line) {
		String[] fields = line.trim().split("\\s+");
		if (!fields[0].equals("cpu") || fields.length < 9) {
			throw new IllegalArgumentException("Not the cpu line of /proc/stat: '" + line + "'");
		}
		long total = 0;
		// user to steal; guest time is already counted in user
		for (int i = 1; i <= 8; i++) {
			total += Long.parseLong(fields[i]);
		}
		return new StealTime(Long.parseLong(fields[8]), total);
	}

	/**
	 * Describe the steal between an earlier reading and this one.
	 * @param earlier the earlier reading
	 * @return for example {@code "steal 4.2 % of CPU time"}, or {@code "steal unknown"}
	 */
	String since(StealTime earlier) {
		long total = this.total - earlier.total;
		if (total <= 0) {
			return "steal unknown";
		}
		return String.format(Locale.ROOT, "steal %.1f %% of CPU time", 100.0 * (this.steal - earlier.steal) / total);
	}

}
