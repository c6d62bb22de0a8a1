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

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary line of a run as a script would read it from the sample's standard output.
 *
 * @param sent pings sent
 * @param received echoes received
 * @param lost pings lost
 * @param latencyP50Micros median round-trip time, one ping at a time
 * @param latencyP99Micros 99th percentile of the round-trip times, one ping at a time
 * @param throughputInFlight pings in flight in the throughput phase
 * @param throughputRoundTripsPerSecond round trips per second in the throughput phase
 * @param server the server's name
 * @param relay the relay address
 * @param carried the servers the echoes came through, with their counts
 * @author socks5-udp authors
 */
record PingSummaryLine(long sent, long received, long lost, long latencyP50Micros, long latencyP99Micros,
		int throughputInFlight, long throughputRoundTripsPerSecond, String server, String relay, String carried) {

	private static final Pattern LINE = Pattern.compile("sent=(\\d+) received=(\\d+) lost=(\\d+) latency_in_flight=1 "
			+ "latency_p50_us=(-1|\\d+) latency_p99_us=(-1|\\d+) throughput_in_flight=(\\d+) "
			+ "throughput_rtt_per_s=(-1|\\d+) server=(\\S+) relay=(\\S+) carried=(\\S+)");

	/**
	 * Parse standard output that must hold the summary line and nothing else.
	 * @param out standard output
	 * @return the summary
	 */
	static PingSummaryLine only(String out) {
		List<String> lines = out.lines().toList();
		assertThat(lines).hasSize(1);
		return parse(lines.get(0));
	}

	/**
	 * Parse the summary line.
	 * @param line the line
	 * @return the summary
	 */
	static PingSummaryLine parse(String line) {
		Matcher matcher = LINE.matcher(line);
		assertThat(matcher.matches()).as("summary line: %s", line).isTrue();
		return new PingSummaryLine(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
				Long.parseLong(matcher.group(3)), Long.parseLong(matcher.group(4)), Long.parseLong(matcher.group(5)),
				Integer.parseInt(matcher.group(6)), Long.parseLong(matcher.group(7)), matcher.group(8),
				matcher.group(9), matcher.group(10));
	}

}
