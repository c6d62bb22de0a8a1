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
package io.socks5udp.sample;

/**
 * The figures of one phase of a run: pings sent, echoed in time and lost, the round-trip
 * times and how many round trips a second the phase made.
 *
 * @param sent pings sent
 * @param received echoes received in time
 * @param lost pings without an echo in time, or that could not be sent
 * @param p50Micros median round-trip time in microseconds, or -1 without echoes
 * @param p99Micros 99th percentile of the round-trip times in microseconds, or -1 without
 * echoes
 * @param elapsedNanos how long the phase took, its last echoes included
 * @author socks5-udp authors
 */
record PhaseFigures(long sent, long received, long lost, long p50Micros, long p99Micros, long elapsedNanos) {

	/**
	 * Return the echoes received per second of the phase.
	 * @return round trips per second, or -1 without echoes
	 */
	long roundTripsPerSecond() {
		return (this.received > 0 && this.elapsedNanos > 0) ? Math.round(this.received * 1e9 / this.elapsedNanos) : -1;
	}

}
