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

import org.jspecify.annotations.Nullable;

/**
 * CPU time of a running process, read from {@code /proc/<pid>/stat}: user and system time
 * of all its threads, living and ended, in clock ticks (10 ms on most Linux systems).
 * Enough for this project's relay, one JVM that forks nothing; Dante's process tree is
 * followed by {@link ProcessTreeCpu}.
 *
 * @author socks5-udp authors
 */
final class ProcessCpu {

	private static final double TICKS_PER_SECOND = clockTicks();

	private ProcessCpu() {
	}

	/**
	 * Return the CPU seconds a process has used so far.
	 * @param pid the process
	 * @return seconds, or 0 when the process is gone
	 */
	static double seconds(long pid) {
		long[] stat = stat(pid);
		return (stat != null) ? stat[0] / TICKS_PER_SECOND : 0;
	}

	/**
	 * Read a process's CPU time and start time.
	 * @param pid the process
	 * @return utime + stime and the start time, both in clock ticks, or {@code null} when
	 * the process is gone
	 */
	static long @Nullable [] stat(long pid) {
		String stat;
		try {
			stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			return null;
		}
		// Fields after the command name, which is in parentheses and may hold spaces:
		// state is field 3, utime 14, stime 15, starttime 22
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return new long[] { Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long.parseLong(fields[19]) };
	}

	static double ticksPerSecond() {
		return TICKS_PER_SECOND;
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
