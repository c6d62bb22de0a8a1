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
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a running process and its descendants, read from {@code /proc/<pid>/stat}
 * (user and system time of all its threads, in clock ticks: 10 ms on most Linux systems).
 * Dante relays in forked children, so its figure is the sum over the process tree; this
 * project's relay is one process.
 *
 * @author socks5-udp authors
 */
final class ProcessCpu {

	private static final double TICKS_PER_SECOND = clockTicks();

	private ProcessCpu() {
	}

	/**
	 * Return the CPU seconds a process and its living descendants have used so far.
	 * @param pid the process
	 * @return seconds; processes that vanish while being read count as zero
	 */
	static double treeSeconds(long pid) {
		double seconds = seconds(pid);
		seconds += ProcessHandle.of(pid)
			.map((process) -> process.descendants().mapToDouble((child) -> seconds(child.pid())).sum())
			.orElse(0.0);
		return seconds;
	}

	static double seconds(long pid) {
		String stat;
		try {
			stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			return 0;
		}
		// Fields after the command name, which is in parentheses and may hold spaces:
		// state is field 3, utime 14, stime 15, and cutime 16, cstime 17 for the children
		// it has reaped, so that a Dante child that ends keeps counting in its parent
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long ticks = 0;
		for (int field = 14; field <= 17; field++) {
			ticks += Long.parseLong(fields[field - 3]);
		}
		return ticks / TICKS_PER_SECOND;
	}

	static double resolutionSeconds() {
		return 1 / TICKS_PER_SECOND;
	}

	private static double clockTicks() {
		try {
			Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
			String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
			return (getconf.waitFor() == 0) ? Double.parseDouble(out) : 100;
		}
		catch (IOException | NumberFormatException ex) {
			return 100;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 100;
		}
	}

}
