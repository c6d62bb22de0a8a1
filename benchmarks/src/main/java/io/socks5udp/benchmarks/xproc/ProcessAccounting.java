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
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.socks5udp.benchmarks.e2e.LoadAccounting;

/**
 * CPU time and allocated bytes of this whole process over the measured interval: the
 * process CPU time (every thread, the JIT compiler's and the garbage collector's
 * included) and the allocation counters of every Java thread. Calls a hook just before
 * the first snapshot and just after the second, so that the parent process can read the
 * relay's CPU time over the same interval.
 * <p>
 * The snapshots allocate nothing between the readings of the counters of the threads
 * known at the start; a thread that ends during the interval takes its allocation since
 * the start with it (none of the clients' threads do). Also counts the context switches
 * of all threads ({@code /proc/self/task/<tid>/status}), read outside the window of the
 * allocation counters because reading files allocates.
 *
 * @author socks5-udp authors
 */
final class ProcessAccounting implements LoadAccounting {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private static final com.sun.management.OperatingSystemMXBean SYSTEM = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private final Runnable beforeStart;

	private final Runnable afterStop;

	private long[] ids = new long[0];

	private long[] startBytes = new long[0];

	private long cpuNanos;

	private long allocatedBytes;

	private long contextSwitches;

	ProcessAccounting(Runnable beforeStart, Runnable afterStop) {
		this.beforeStart = beforeStart;
		this.afterStop = afterStop;
		THREADS.setThreadAllocatedMemoryEnabled(true);
	}

	@Override
	public void start() {
		this.beforeStart.run();
		this.contextSwitches = -contextSwitchesSoFar();
		this.ids = THREADS.getAllThreadIds();
		this.startBytes = new long[this.ids.length];
		for (int i = 0; i < this.ids.length; i++) {
			this.startBytes[i] = THREADS.getThreadAllocatedBytes(this.ids[i]);
		}
		this.cpuNanos = -SYSTEM.getProcessCpuTime();
	}

	@Override
	public void stop() {
		this.cpuNanos += SYSTEM.getProcessCpuTime();
		long allocated = 0;
		for (int i = 0; i < this.ids.length; i++) {
			long now = THREADS.getThreadAllocatedBytes(this.ids[i]);
			if (now >= 0 && this.startBytes[i] >= 0) {
				allocated += now - this.startBytes[i];
			}
		}
		// Threads started during the interval allocated all they have in it
		for (long id : THREADS.getAllThreadIds()) {
			if (!known(id)) {
				allocated += Math.max(0, THREADS.getThreadAllocatedBytes(id));
			}
		}
		this.allocatedBytes = allocated;
		this.contextSwitches += contextSwitchesSoFar();
		this.afterStop.run();
	}

	/**
	 * Return the context switches, voluntary and not, of all threads between the
	 * snapshots.
	 * @return context switches
	 */
	long contextSwitches() {
		return this.contextSwitches;
	}

	private static long contextSwitchesSoFar() {
		long sum = 0;
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
			for (Path task : tasks) {
				try {
					for (String line : Files.readAllLines(task.resolve("status"))) {
						if (line.startsWith("voluntary_ctxt_switches:")
								|| line.startsWith("nonvoluntary_ctxt_switches:")) {
							sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
						}
					}
				}
				catch (IOException ex) {
					// the thread ended
				}
			}
		}
		catch (IOException ex) {
			return 0;
		}
		return sum;
	}

	private boolean known(long id) {
		for (long each : this.ids) {
			if (each == id) {
				return true;
			}
		}
		return false;
	}

	@Override
	public long cpuNanos() {
		return this.cpuNanos;
	}

	@Override
	public long allocatedBytes() {
		return this.allocatedBytes;
	}

}
