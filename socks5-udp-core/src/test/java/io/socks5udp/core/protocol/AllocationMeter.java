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
package io.socks5udp.core.protocol;

import java.lang.management.ManagementFactory;

/**
 * Measures the heap a piece of code allocates on the current thread, to check the
 * zero-allocation promises of the hot path (the codec here, the registry lookups in
 * {@code io.socks5udp.core.registry}).
 *
 * @author socks5-udp authors
 */
public final class AllocationMeter {

	/**
	 * Bytes the measurement itself may account for: far below what one allocation per
	 * call would add up to over {@link #RUNS} calls.
	 */
	public static final long SLACK = 4096;

	public static final int RUNS = 10_000;

	private AllocationMeter() {
	}

	/**
	 * Run an action {@link #RUNS} times to warm it up, then as often again measured.
	 * @param action the action
	 * @return the bytes the measured runs allocated on this thread
	 */
	public static long allocatedBy(Runnable action) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		for (int i = 0; i < RUNS; i++) {
			action.run();
		}
		long before = threads.getThreadAllocatedBytes(thread);
		for (int i = 0; i < RUNS; i++) {
			action.run();
		}
		return threads.getThreadAllocatedBytes(thread) - before;
	}

}
