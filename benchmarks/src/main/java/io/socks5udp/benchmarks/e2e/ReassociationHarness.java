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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.template.ReconnectBackoff;
import io.socks5udp.template.Socks5UdpException;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.dante.LocalDante;

/**
 * Re-association after a relay restart: a {@link Socks5UdpTemplate} sends a datagram to
 * the echo target every millisecond through a local Dante; Dante is killed (process
 * group, SIGKILL) and restarted on the same port; the time from the restarted Dante
 * accepting connections to the first echo through it is measured. The reconnect backoff
 * is fixed at {@code --period} (no growth, no jitter), so the figure minus the period
 * bounds the time our client adds beyond its backoff.
 * <p>
 * Arguments: {@code [restarts] [periodMillis]} (defaults 30 and 100).
 *
 * @author socks5-udp authors
 */
public final class ReassociationHarness {

	private ReassociationHarness() {
	}

	/**
	 * Run the harness.
	 * @param args optional number of restarts and backoff period in milliseconds
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		int restarts = (args.length > 0) ? Integer.parseInt(args[0]) : 30;
		Duration period = Duration.ofMillis((args.length > 1) ? Long.parseLong(args[1]) : 100);
		try (LocalDante dante = LocalDante.start(); EchoTarget echo = new EchoTarget()) {
			InetSocketAddress target = echo.address();
			Socks5UdpTemplate template = HarnessTemplates.startTemplate(dante.address(),
					new ReconnectBackoff(period, period, 1, 0));
			AtomicLong lastEcho = new AtomicLong();
			template.addListener((source, payload, route) -> lastEcho.set(System.nanoTime()));
			Socks5Address destination = Socks5Address.of(target);
			byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
			long[] times = new long[restarts];
			try {
				for (int i = 0; i < restarts; i++) {
					awaitEcho(template, destination, ping, lastEcho, System.nanoTime(), 10_000);
					dante.kill();
					dante.restart();
					long restarted = System.nanoTime();
					times[i] = awaitEcho(template, destination, ping, lastEcho, restarted, 30_000) - restarted;
					System.out.printf("restart %d: first echo %.1f ms after Dante accepted again%n", i + 1,
							times[i] / 1e6);
				}
			}
			finally {
				template.stop();
			}
			Percentiles percentiles = new Percentiles(times);
			System.out.println("backoff period " + period.toMillis() + " ms, restarts " + restarts);
			System.out.println("restart to first echo: " + percentiles.millis());
			System.out.printf("beyond the backoff period: p50 %.1f ms, p99 %.1f ms%n",
					(percentiles.nanos(0.5) - period.toNanos()) / 1e6,
					(percentiles.nanos(0.99) - period.toNanos()) / 1e6);
		}
	}

	private static long awaitEcho(Socks5UdpTemplate template, Socks5Address destination, byte[] ping,
			AtomicLong lastEcho, long after, long timeoutMillis) throws InterruptedException {
		long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
		while (System.nanoTime() < deadline) {
			try {
				template.send(destination, ping);
			}
			catch (Socks5UdpException ex) {
				// the association is down: the template re-associates on its backoff
			}
			long echoed = lastEcho.get();
			if (echoed > after) {
				return echoed;
			}
			Thread.sleep(1);
		}
		throw new IllegalStateException("no echo within " + timeoutMillis + " ms");
	}

}
