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

import org.jspecify.annotations.Nullable;

/**
 * The outcome of a run, printed as one line:
 * {@code sent=1000 received=1000 lost=0 latency_in_flight=1 latency_p50_us=48 latency_p99_us=160 throughput_in_flight=32 throughput_rtt_per_s=9500 server=embedded relay=127.0.0.1:40413 carried=embedded:1000}.
 * The latency is the round-trip time of pings sent one at a time; the throughput the
 * round trips per second with up to {@code sample.in-flight} pings awaiting their echo,
 * whose round-trip times are mostly queueing and so are not reported. While the sample
 * keeps running, there is no throughput phase: the line has the latency of the latest
 * pings, sent at {@code sample.rate}.
 *
 * @param sent pings sent (warm-up not included)
 * @param received echoes received in time
 * @param lost pings without an echo in time, or that could not be sent
 * @param latency the round-trip times without queueing
 * @param throughput the round trips per second with the configured window, or
 * {@code null} while the sample keeps running
 * @param server logical name of the SOCKS5 server the pings go through at the end, or
 * {@code DIRECT}: for a target whose rule names several servers, the one that carries the
 * rule then
 * @param relay the relay address the pings go to at the end, or {@code none}
 * @param carried the servers the echoes came through, each with its count of echoes
 * ({@code first:312,second:688}, warm-up not included), or {@code none}: more than one
 * after a failover
 * @author socks5-udp authors
 */
record PingSummary(long sent, long received, long lost, Latency latency, @Nullable Throughput throughput, String server,
		String relay, String carried) {

	/**
	 * Pings in flight while the latency is measured.
	 */
	static final int LATENCY_IN_FLIGHT = 1;

	@Override
	public String toString() {
		StringBuilder line = new StringBuilder();
		line.append("sent=").append(this.sent).append(" received=").append(this.received);
		line.append(" lost=").append(this.lost);
		if (this.throughput != null) {
			line.append(" latency_in_flight=").append(LATENCY_IN_FLIGHT);
		}
		line.append(" latency_p50_us=").append(this.latency.p50Micros());
		line.append(" latency_p99_us=").append(this.latency.p99Micros());
		if (this.throughput != null) {
			line.append(" throughput_in_flight=").append(this.throughput.inFlight());
			line.append(" throughput_rtt_per_s=").append(this.throughput.roundTripsPerSecond());
		}
		line.append(" server=").append(this.server).append(" relay=").append(this.relay);
		line.append(" carried=").append(this.carried);
		return line.toString();
	}

	/**
	 * Round-trip times of pings sent one at a time.
	 *
	 * @param p50Micros median in microseconds, or -1 without echoes
	 * @param p99Micros 99th percentile in microseconds, or -1 without echoes
	 */
	record Latency(long p50Micros, long p99Micros) {

	}

	/**
	 * Round trips per second with a window of pings in flight.
	 *
	 * @param inFlight most pings awaiting their echo at a time
	 * @param roundTripsPerSecond echoes per second, or -1 without echoes
	 */
	record Throughput(int inFlight, long roundTripsPerSecond) {

	}

}
