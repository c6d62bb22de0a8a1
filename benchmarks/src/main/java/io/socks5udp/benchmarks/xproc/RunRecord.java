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

import java.util.Locale;

/**
 * The figures of one client process's run.
 *
 * @param round the round, from 1
 * @param relay the relay's name
 * @param load payload size and datagrams in flight
 * @param path the client's name: {@code c}, {@code core}, {@code template}, {@code si},
 * ...
 * @param roundTripsPerSecond round trips per second in the measured interval
 * @param lost datagrams that did not come back
 * @param p50Micros median round-trip time
 * @param p99Micros 99th percentile of the round-trip times
 * @param roundTrips round trips in the measured interval
 * @param clientCpuPerMillion CPU seconds of the whole client process per million round
 * trips
 * @param relayCpuPerMillion CPU seconds of the relay process (tree) over the same
 * interval per million round trips
 * @param bytesPerRoundTrip bytes allocated by all the client's threads per round trip,
 * NaN for the C client
 * @param contextSwitchesPerRoundTrip context switches of the client process per round
 * trip
 * @author socks5-udp authors
 */
record RunRecord(int round, String relay, LoadCase load, String path, double roundTripsPerSecond, long lost,
		double p50Micros, double p99Micros, long roundTrips, double clientCpuPerMillion, double relayCpuPerMillion,
		double bytesPerRoundTrip, double contextSwitchesPerRoundTrip) {

	static final String CSV_HEADER = "round,relay,size,in_flight,path,rtt_per_s,lost,p50_us,p99_us,round_trips,"
			+ "client_cpu_s_per_M,relay_cpu_s_per_M,alloc_B_per_rt,cs_per_rt";

	/**
	 * Read a line that {@link #csv()} wrote.
	 * @param line the line, not the header
	 * @return the record
	 */
	static RunRecord parse(String line) {
		String[] f = line.split(",", -1);
		if (f.length != 14) {
			throw new IllegalArgumentException("not a rounds.csv line (expected 14 fields): " + line);
		}
		return new RunRecord(Integer.parseInt(f[0]), f[1], new LoadCase(Integer.parseInt(f[2]), Integer.parseInt(f[3])),
				f[4], Double.parseDouble(f[5]), Long.parseLong(f[6]), Double.parseDouble(f[7]),
				Double.parseDouble(f[8]), Long.parseLong(f[9]), Double.parseDouble(f[10]), Double.parseDouble(f[11]),
				f[12].isEmpty() ? Double.NaN : Double.parseDouble(f[12]), Double.parseDouble(f[13]));
	}

	String csv() {
		return String.format(Locale.ROOT, "%d,%s,%d,%d,%s,%.0f,%d,%.1f,%.1f,%d,%.3f,%.3f,%s", this.round, this.relay,
				this.load.size(), this.load.inFlight(), this.path, this.roundTripsPerSecond, this.lost, this.p50Micros,
				this.p99Micros, this.roundTrips, this.clientCpuPerMillion, this.relayCpuPerMillion,
				Double.isNaN(this.bytesPerRoundTrip) ? "" : String.format(Locale.ROOT, "%.3f", this.bytesPerRoundTrip))
				+ String.format(Locale.ROOT, ",%.3f", this.contextSwitchesPerRoundTrip);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
				"round %d %-5s %5d B %2d in flight %-11s %8.0f rt/s p50 %7.1f us p99 %7.1f us "
						+ "client %6.2f s/M relay %6.2f s/M alloc %8.3f B/rt cs %.2f/rt lost %d",
				this.round, this.relay, this.load.size(), this.load.inFlight(), this.path, this.roundTripsPerSecond,
				this.p50Micros, this.p99Micros, this.clientCpuPerMillion, this.relayCpuPerMillion,
				this.bytesPerRoundTrip, this.contextSwitchesPerRoundTrip, this.lost);
	}

}
