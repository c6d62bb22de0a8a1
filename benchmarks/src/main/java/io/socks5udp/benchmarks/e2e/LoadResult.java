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
 * The figures of one timed run of one path at one payload size.
 *
 * @param path the path name
 * @param payloadSize the payload size in bytes
 * @param roundTripsPerSecond completed round trips per second
 * @param p50Micros median round-trip time in microseconds
 * @param p99Micros 99th percentile round-trip time in microseconds
 * @param cpuSecondsPerMillion client CPU seconds per million round trips (what the
 * {@link LoadAccounting} counts: harness and path threads in process, the whole client
 * process across processes; echo target excluded)
 * @param bytesAllocatedPerRoundTrip bytes allocated per round trip by the sending thread
 * and the path's threads
 * @param lost datagrams that did not come back within the window timeout
 * @param roundTrips round trips completed in the measured interval
 * @author socks5-udp authors
 */
public record LoadResult(String path, int payloadSize, double roundTripsPerSecond, double p50Micros, double p99Micros,
		double cpuSecondsPerMillion, double bytesAllocatedPerRoundTrip, long lost, long roundTrips) {

}
