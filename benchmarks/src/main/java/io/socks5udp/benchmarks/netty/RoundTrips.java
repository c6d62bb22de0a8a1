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
package io.socks5udp.benchmarks.netty;

import io.socks5udp.benchmarks.e2e.RoundTripSamples;

/**
 * A path of {@link NettyUdpHarness}: keeps a window of datagrams in flight to an echo
 * target and records round-trip times.
 *
 * @author socks5-udp authors
 */
interface RoundTrips {

	/**
	 * Keep a window in flight for a while. Round trips are recorded in both kinds of run,
	 * so that the measured run runs the code the warm-up compiled; a measured run
	 * restarts the {@link #samples() samples} and stops them at its end.
	 * @param window datagrams in flight
	 * @param seconds how long
	 * @param measure whether this run is the measured one
	 * @return round trips completed while running
	 * @throws InterruptedException if interrupted
	 */
	long run(int window, double seconds, boolean measure) throws InterruptedException;

	/**
	 * Return the round-trip times of the last measured run.
	 * @return the samples
	 */
	RoundTripSamples samples();

	/**
	 * Release the path's resources.
	 */
	void close();

}
