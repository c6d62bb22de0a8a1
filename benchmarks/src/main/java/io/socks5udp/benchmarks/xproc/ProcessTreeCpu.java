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

import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of a process tree whose children come and go, such as Dante, which forks a
 * child per session or pool of sessions. A sampling thread reads the CPU time of every
 * process of the tree every 50 ms and keeps the highest value seen per process (by
 * process id and start time), so that a child that ends still counts with what it had
 * used when last seen. The reaper's {@code cutime} is not used: it would count the same
 * child twice. What a child uses in its last 50 ms is missed.
 *
 * @author socks5-udp authors
 */
final class ProcessTreeCpu implements AutoCloseable {

	private static final long INTERVAL_MILLIS = 50;

	private final long root;

	private final Map<String, Long> highestTicks = new HashMap<>();

	private final Thread sampler;

	private volatile boolean closed;

	ProcessTreeCpu(long root) {
		this.root = root;
		this.sampler = new Thread(this::sampleUntilClosed, "xproc-tree-cpu-" + root);
		this.sampler.setDaemon(true);
		sample();
		this.sampler.start();
	}

	/**
	 * Return the CPU seconds the tree has used so far, its ended processes included.
	 * @return seconds
	 */
	double seconds() {
		return sample() / ProcessCpu.ticksPerSecond();
	}

	private synchronized long sample() {
		record(this.root);
		ProcessHandle.of(this.root)
			.ifPresent((process) -> process.descendants().forEach((child) -> record(child.pid())));
		long sum = 0;
		for (long ticks : this.highestTicks.values()) {
			sum += ticks;
		}
		return sum;
	}

	private void record(long pid) {
		long[] stat = ProcessCpu.stat(pid);
		if (stat != null) {
			this.highestTicks.merge(pid + "@" + stat[1], stat[0], Math::max);
		}
	}

	private void sampleUntilClosed() {
		while (!this.closed) {
			sample();
			try {
				Thread.sleep(INTERVAL_MILLIS);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.sampler.interrupt();
	}

}
