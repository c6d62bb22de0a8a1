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

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time and allocated bytes of a set of threads, found by name prefix, between two
 * snapshots. The threads are looked up once, at the start, and the snapshots themselves
 * allocate nothing between the two readings of the allocation counters, so that the
 * figure is the measured threads' own (the calling thread is usually one of them).
 *
 * @author socks5-udp authors
 */
final class ThreadAccounting implements LoadAccounting {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private final List<String> prefixes;

	private long[] ids = new long[0];

	private long cpuNanos;

	private long allocatedBytes;

	ThreadAccounting(List<String> prefixes) {
		this.prefixes = new ArrayList<>(prefixes);
		THREADS.setThreadAllocatedMemoryEnabled(true);
		THREADS.setThreadCpuTimeEnabled(true);
	}

	@Override
	public void start() {
		this.ids = matchingThreads();
		// Allocation counters last at the start, first at the stop
		this.cpuNanos = -sumCpu();
		this.allocatedBytes = -sumAllocated();
	}

	@Override
	public void stop() {
		this.allocatedBytes += sumAllocated();
		this.cpuNanos += sumCpu();
	}

	@Override
	public long cpuNanos() {
		return this.cpuNanos;
	}

	@Override
	public long allocatedBytes() {
		return this.allocatedBytes;
	}

	private long sumCpu() {
		long sum = 0;
		for (long id : this.ids) {
			sum += Math.max(0, THREADS.getThreadCpuTime(id));
		}
		return sum;
	}

	private long sumAllocated() {
		long sum = 0;
		for (long id : this.ids) {
			sum += Math.max(0, THREADS.getThreadAllocatedBytes(id));
		}
		return sum;
	}

	private long[] matchingThreads() {
		List<Long> ids = new ArrayList<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			for (String prefix : this.prefixes) {
				if (thread.getName().startsWith(prefix)) {
					ids.add(thread.getId());
					break;
				}
			}
		}
		return ids.stream().mapToLong(Long::longValue).toArray();
	}

}
