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
 * The outcome of a run, printed as one line: {@code sent=1000 received=1000 lost=0
 * p50_us=95 p99_us=310 server=embedded relay=127.0.0.1:40413}.
 *
 * @param sent pings sent
 * @param received echoes received in time
 * @param lost pings without an echo in time, or that could not be sent
 * @param p50Micros median round-trip time in microseconds, or -1 without echoes
 * @param p99Micros 99th percentile of the round-trip times in microseconds, or -1 without
 * echoes
 * @param server logical name of the SOCKS5 server the pings went through, or
 * {@code DIRECT}
 * @param relay the relay address the pings went to, or {@code none}
 * @author socks5-udp authors
 */
record PingSummary(long sent, long received, long lost, long p50Micros, long p99Micros, String server, String relay) {

	@Override
	public String toString() {
		return "sent=" + this.sent + " received=" + this.received + " lost=" + this.lost + " p50_us=" + this.p50Micros
				+ " p99_us=" + this.p99Micros + " server=" + this.server + " relay=" + this.relay;
	}

}
