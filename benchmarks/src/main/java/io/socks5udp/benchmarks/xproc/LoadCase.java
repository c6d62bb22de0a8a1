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

import java.util.List;

/**
 * One load of a run: payload size and datagrams in flight, written {@code SIZE/IN_FLIGHT}
 * ({@code 64/32}; {@code 64/1} measures latency).
 *
 * @param size payload bytes
 * @param inFlight datagrams in flight
 * @author socks5-udp authors
 */
record LoadCase(int size, int inFlight) {

	LoadCase {
		if (size < 8 || size > 65000) {
			throw new IllegalArgumentException("size: " + size + " (expected: 8-65000)");
		}
		if (inFlight < 1) {
			throw new IllegalArgumentException("inFlight: " + inFlight + " (expected: 1 or more)");
		}
	}

	static List<LoadCase> parseAll(List<String> specs) {
		return specs.stream().map(LoadCase::parse).toList();
	}

	static LoadCase parse(String spec) {
		String[] parts = spec.split("/");
		if (parts.length != 2) {
			throw new IllegalArgumentException("case: " + spec + " (expected: SIZE/IN_FLIGHT, e.g. 64/32)");
		}
		try {
			return new LoadCase(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("case: " + spec + " (expected: SIZE/IN_FLIGHT, e.g. 64/32)");
		}
	}

	@Override
	public String toString() {
		return this.size + "/" + this.inFlight;
	}

}
