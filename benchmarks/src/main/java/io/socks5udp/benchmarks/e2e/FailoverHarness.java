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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.registry.Socks5ConfigParser;
import io.socks5udp.core.registry.Socks5Rule;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.core.registry.Socks5ServerResolver;
import io.socks5udp.template.ReconnectBackoff;
import io.socks5udp.template.Socks5UdpException;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.dante.LocalDante;

/**
 * Failover between the servers of a rule (issue #19), against local Dante processes on
 * loopback.
 * <p>
 * {@code failover [kills]}: a rule names Dante {@code a} then Dante {@code b}; a template
 * sends a datagram every millisecond; {@code a} is killed (SIGKILL, its whole process
 * group), and the time from the kill to the first datagram the template sends through
 * {@code b}, and to the first echo through {@code b}, is measured; then {@code a} is
 * restarted and the harness waits for the traffic to return to it. Default reconnect
 * backoff (100 ms first delay), retry-after 200 ms.
 * <p>
 * {@code spread [seconds] [rounds]}: a rule names 1, 2 or 3 Dante processes and spreads;
 * 48 flows (one echo target each) of one request at a time each, on 16 threads; round
 * trips per second over the measured seconds, each relay count measured in rounds that
 * alternate between the counts.
 *
 * @author socks5-udp authors
 */
public final class FailoverHarness {

	private static final int FLOWS = 48;

	private static final int THREADS = 16;

	private FailoverHarness() {
	}

	/**
	 * Run the harness.
	 * @param args {@code failover [kills]} or {@code spread [seconds] [rounds]}
	 * @throws Exception if the harness fails
	 */
	public static void main(String[] args) throws Exception {
		String mode = (args.length > 0) ? args[0] : "failover";
		if (mode.equals("spread")) {
			spread((args.length > 1) ? Integer.parseInt(args[1]) : 5,
					(args.length > 2) ? Integer.parseInt(args[2]) : 5);
		}
		else {
			failover((args.length > 1) ? Integer.parseInt(args[1]) : 30);
		}
	}

	private static void failover(int kills) throws Exception {
		try (LocalDante a = LocalDante.start(); LocalDante b = LocalDante.start(); EchoTarget echo = new EchoTarget()) {
			Map<String, LocalDante> servers = new LinkedHashMap<>();
			servers.put("a", a);
			servers.put("b", b);
			Socks5UdpTemplate template = Socks5UdpTemplate.builder(registry(false, servers))
				.reconnectBackoff(ReconnectBackoff.DEFAULT.withStableAfter(Duration.ZERO))
				.failoverRetryAfter(Duration.ofMillis(200))
				.build();
			AtomicReference<String> lastEchoServer = new AtomicReference<>("");
			AtomicLong lastEcho = new AtomicLong();
			template.addListener((source, payload, route) -> {
				lastEcho.set(System.nanoTime());
				lastEchoServer.set(route.serverName());
			});
			template.start();
			Socks5Address destination = Socks5Address.of(echo.address());
			byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
			long[] toSend = new long[kills];
			long[] toEcho = new long[kills];
			long[] toReturn = new long[kills];
			try {
				for (int i = 0; i < kills; i++) {
					awaitEchoThrough(template, destination, ping, "a", lastEcho, lastEchoServer, System.nanoTime());
					a.kill();
					long killed = System.nanoTime();
					toSend[i] = firstSendThrough(template, destination, ping, "b") - killed;
					toEcho[i] = awaitEchoThrough(template, destination, ping, "b", lastEcho, lastEchoServer, killed)
							- killed;
					a.restart();
					long restarted = System.nanoTime();
					toReturn[i] = awaitEchoThrough(template, destination, ping, "a", lastEcho, lastEchoServer,
							restarted) - restarted;
					System.out.printf(Locale.ROOT,
							"kill %d: first send through b %.1f ms, first echo through b %.1f ms after the kill;"
									+ " back on a %.1f ms after the restart%n",
							i + 1, toSend[i] / 1e6, toEcho[i] / 1e6, toReturn[i] / 1e6);
				}
			}
			finally {
				template.stop();
			}
			System.out.println("kills " + kills
					+ ", reconnect backoff 100 ms first delay (jitter 0.2), stable-after 0, retry-after 200 ms");
			System.out
				.println("kill to first datagram sent through the next server: " + new Percentiles(toSend).millis());
			System.out.println("kill to first echo through the next server: " + new Percentiles(toEcho).millis());
			System.out.println(
					"restart to first echo back through the preferred server: " + new Percentiles(toReturn).millis());
		}
	}

	private static long firstSendThrough(Socks5UdpTemplate template, Socks5Address destination, byte[] ping,
			String server) throws InterruptedException {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (System.nanoTime() < deadline) {
			try {
				if (template.send(destination, ping).serverName().equals(server)) {
					return System.nanoTime();
				}
			}
			catch (Socks5UdpException ex) {
				// the preferred server's association is down and not yet given up
			}
			Thread.sleep(1);
		}
		throw new IllegalStateException("nothing sent through " + server + " within 30 s");
	}

	private static long awaitEchoThrough(Socks5UdpTemplate template, Socks5Address destination, byte[] ping,
			String server, AtomicLong lastEcho, AtomicReference<String> lastEchoServer, long after)
			throws InterruptedException {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (System.nanoTime() < deadline) {
			try {
				template.send(destination, ping);
			}
			catch (Socks5UdpException ex) {
				// down for now
			}
			long echoed = lastEcho.get();
			if (echoed > after && lastEchoServer.get().equals(server)) {
				return echoed;
			}
			Thread.sleep(1);
		}
		throw new IllegalStateException("no echo through " + server + " within 30 s");
	}

	private static void spread(int seconds, int rounds) throws Exception {
		List<LocalDante> dantes = new ArrayList<>();
		List<EchoTarget> targets = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				dantes.add(LocalDante.start());
			}
			for (int i = 0; i < FLOWS; i++) {
				targets.add(new EchoTarget());
			}
			double[][] results = new double[3][rounds];
			for (int round = 0; round < rounds; round++) {
				for (int relays = 1; relays <= 3; relays++) {
					results[relays - 1][round] = roundTripsPerSecond(dantes.subList(0, relays), targets, seconds);
					System.out.printf(Locale.ROOT, "round %d, %d relay(s): %.0f round trips/s%n", round + 1, relays,
							results[relays - 1][round]);
				}
			}
			double base = median(results[0]);
			System.out.println("flows " + FLOWS + ", threads " + THREADS + ", one request in flight per thread, "
					+ seconds + " s measured per round, " + rounds + " rounds");
			for (int relays = 1; relays <= 3; relays++) {
				double[] values = results[relays - 1].clone();
				Arrays.sort(values);
				System.out.printf(Locale.ROOT,
						"%d relay(s): median %.0f round trips/s (min %.0f, max %.0f), ratio %.2f%n", relays,
						median(values), values[0], values[values.length - 1], median(values) / base);
			}
		}
		finally {
			for (EchoTarget target : targets) {
				target.close();
			}
			dantes.forEach(LocalDante::close);
		}
	}

	private static double roundTripsPerSecond(List<LocalDante> dantes, List<EchoTarget> targets, int seconds)
			throws Exception {
		Map<String, LocalDante> servers = new LinkedHashMap<>();
		for (int i = 0; i < dantes.size(); i++) {
			servers.put("relay" + i, dantes.get(i));
		}
		Socks5UdpTemplate template = Socks5UdpTemplate.builder(registry(dantes.size() > 1, servers)).build();
		template.start();
		List<Socks5Address> destinations = new ArrayList<>();
		for (EchoTarget target : targets) {
			destinations.add(Socks5Address.of(target.address()));
		}
		LongAdder roundTrips = new LongAdder();
		long warmEnd = System.nanoTime() + 1_000_000_000L;
		long end = warmEnd + seconds * 1_000_000_000L;
		byte[] payload = new byte[64];
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			int first = t;
			Thread thread = new Thread(() -> {
				int flow = first;
				long now;
				while ((now = System.nanoTime()) < end) {
					try {
						template.sendAndReceive(destinations.get(flow), payload, Duration.ofSeconds(1));
						if (now >= warmEnd) {
							roundTrips.increment();
						}
					}
					catch (Socks5UdpException ex) {
						// a lost datagram: counted by its absence
					}
					flow = (flow + THREADS) % destinations.size();
				}
			}, "spread-load-" + t);
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		template.stop();
		return roundTrips.sum() / (double) seconds;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static Socks5ServerRegistry registry(boolean spread, Map<String, LocalDante> dantes) throws IOException {
		Socks5ConfigParser parser = Socks5ConfigParser.withLogicalNames();
		List<Socks5Rule> rules = new ArrayList<>();
		Map<String, Socks5ServerEndpoint> endpoints = new LinkedHashMap<>();
		for (Map.Entry<String, LocalDante> entry : dantes.entrySet()) {
			Socks5Rule rule = parser.parseRule("harness", 0, "127.0.0.0/8", entry.getKey());
			rules.add((spread && rules.isEmpty()) ? rule.withSpreading() : rule);
			endpoints.put(entry.getKey(),
					Socks5ServerEndpoint.of(entry.getKey(), entry.getValue().host(), entry.getValue().port()));
		}
		return Socks5ServerRegistry.builder()
			.rules("harness", rules)
			.resolver(Socks5ServerResolver.of(endpoints))
			.build();
	}

}
