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

import java.net.InetSocketAddress;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.test.dante.LocalDante;

/**
 * Handshake latency: sequential associations (TCP connect, greeting, UDP ASSOCIATE, relay
 * address, close) through one local Dante, this project's core client and the minimal
 * client interleaved in blocks, and the core client's overhead over the minimal one at
 * the median.
 * <p>
 * Arguments: {@code [count]} (default 1000 per client).
 *
 * @author socks5-udp authors
 */
public final class HandshakeHarness {

	private HandshakeHarness() {
	}

	/**
	 * Run the harness.
	 * @param args optional count of associations per client
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		int block = 50;
		try (LocalDante dante = LocalDante.start()) {
			InetSocketAddress server = dante.address();
			Socks5AssociationOptions options = Socks5AssociationOptions.builder(dante.host(), dante.port())
				.name("handshake")
				.build();
			// Warm up both clients and Dante
			measure(options, server, 200, new long[200], new long[200]);
			long[] core = new long[count];
			long[] minimal = new long[count];
			measure(options, server, count, core, minimal);
			Percentiles corePercentiles = new Percentiles(core);
			Percentiles minimalPercentiles = new Percentiles(minimal);
			System.out.println(
					"dante=" + server + " associations per client=" + count + " interleaved in blocks of " + block);
			System.out.println("core    " + corePercentiles.micros());
			System.out.println("minimal " + minimalPercentiles.micros());
			System.out.printf("core overhead over minimal at p50: %.0f us%n",
					(corePercentiles.nanos(0.5) - minimalPercentiles.nanos(0.5)) / 1e3);
		}
	}

	private static void measure(Socks5AssociationOptions options, InetSocketAddress server, int count, long[] core,
			long[] minimal) throws Exception {
		int block = 50;
		for (int done = 0; done < count; done += block) {
			int n = Math.min(block, count - done);
			for (int i = 0; i < n; i++) {
				long start = System.nanoTime();
				try (Socks5UdpAssociation association = Socks5UdpAssociation.open(options)) {
					core[done + i] = System.nanoTime() - start;
				}
			}
			for (int i = 0; i < n; i++) {
				long start = System.nanoTime();
				try (MinimalSocks5UdpClient client = new MinimalSocks5UdpClient(server)) {
					minimal[done + i] = System.nanoTime() - start;
				}
			}
		}
	}

}
