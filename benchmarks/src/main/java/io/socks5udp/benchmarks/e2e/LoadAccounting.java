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

/**
 * What a {@link LoadGenerator} charges to a run: CPU time and allocated bytes between the
 * start and the end of the measured interval. The in-process harness counts the threads
 * of the path under test ({@link ThreadAccounting}); a client running as its own process
 * counts the whole process.
 *
 * @author socks5-udp authors
 */
public interface LoadAccounting {

	/**
	 * Take the first snapshot, when the measured interval starts.
	 */
	void start();

	/**
	 * Take the second snapshot, when the measured interval ends.
	 */
	void stop();

	/**
	 * Return the CPU time spent between the two snapshots.
	 * @return nanoseconds
	 */
	long cpuNanos();

	/**
	 * Return the bytes allocated between the two snapshots.
	 * @return bytes
	 */
	long allocatedBytes();

}
