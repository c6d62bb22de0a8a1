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

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.registry.Socks5ConfigParser;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.core.registry.Socks5ServerResolver;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;

/**
 * Associations on demand: the latency of the first datagram to a server that is not
 * associated yet (the association's TCP connect and handshake, then the send), against
 * the embedded relay on loopback; and the steady-state send path of an on-demand
 * association against a warm one, to show that the idle tracking costs the send path
 * nothing.
 * <p>
 * Arguments: {@code [rounds] [sends]} (default 200 first datagrams, 200,000 sends per
 * steady-state run).
 *
 * @author socks5-udp authors
 */
public final class FirstDatagramHarness {

	private static final String SERVER = "relay";

	private FirstDatagramHarness() {
	}

	/**
	 * Run the harness.
	 * @param args optional counts of first datagrams and of steady-state sends
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 200;
		int sends = (args.length > 1) ? Integer.parseInt(args[1]) : 200_000;
		try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().build().start();
				UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			Socks5Address target = Socks5Address.of(echo.address());
			// Warm-up of the JIT, the relay and the loopback paths
			firstDatagrams(relay, target, 50);
			long[] first = firstDatagrams(relay, target, rounds);
			System.out.println("relay=" + relay.host() + ":" + relay.port() + " first datagrams=" + rounds);
			System.out.println("first datagram (associate + send) " + new Percentiles(first).micros());
			for (int run = 0; run < 3; run++) {
				System.out.printf("steady send, run %d: on-demand %.0f ns/send, warm %.0f ns/send%n", run,
						steadySend(relay, target, sends, false), steadySend(relay, target, sends, true));
			}
		}
	}

	private static long[] firstDatagrams(EmbeddedSocks5Relay relay, Socks5Address target, int rounds) throws Exception {
		long[] nanos = new long[rounds];
		ByteBuffer payload = ByteBuffer.allocateDirect(64);
		for (int i = 0; i < rounds; i++) {
			Socks5UdpTemplate template = template(relay, false);
			template.start();
			try {
				long start = System.nanoTime();
				template.send(target, payload.clear());
				nanos[i] = System.nanoTime() - start;
			}
			finally {
				template.stop();
			}
		}
		return nanos;
	}

	private static double steadySend(EmbeddedSocks5Relay relay, Socks5Address target, int sends, boolean warm)
			throws Exception {
		Socks5UdpTemplate template = template(relay, warm);
		template.start();
		try {
			ByteBuffer payload = ByteBuffer.allocateDirect(64);
			// The first send associates (or finds the warm association); then a warm-up
			for (int i = 0; i < sends / 10; i++) {
				template.send(target, payload.clear());
			}
			long start = System.nanoTime();
			for (int i = 0; i < sends; i++) {
				template.send(target, payload.clear());
			}
			return (double) (System.nanoTime() - start) / sends;
		}
		finally {
			template.stop();
		}
	}

	private static Socks5UdpTemplate template(EmbeddedSocks5Relay relay, boolean warm) throws Exception {
		Socks5ServerRegistry registry = Socks5ServerRegistry.builder()
			.rules("harness",
					List.of(Socks5ConfigParser.withLogicalNames().parseRule("harness", 1, "0.0.0.0/0", SERVER)))
			.resolver(Socks5ServerResolver
				.of(Map.of(SERVER, Socks5ServerEndpoint.of(SERVER, relay.host(), relay.port()))))
			.build();
		return Socks5UdpTemplate.builder(registry)
			.server(SERVER, Socks5AssociationOptions.builder(relay.host(), relay.port()).name(SERVER).build())
			.warmServers(warm ? List.of(SERVER) : List.of())
			.build();
	}

}
