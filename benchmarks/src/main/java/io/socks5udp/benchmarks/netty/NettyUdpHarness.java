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
package io.socks5udp.benchmarks.netty;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.netty.Socks5DatagramHandler;
import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.support.UdpEchoServer;

/**
 * Round trips per second and latency of a plain Netty datagram channel talking to a UDP
 * echo target directly, against the same Netty code through a SOCKS5 association
 * ({@link Socks5DatagramHandler}) via a local Dante, and the core client through the same
 * Dante as a reference, on loopback. Rounds rotate the order of the paths; each path
 * keeps {@code --window} datagrams in flight for {@code --seconds} after
 * {@code --warmup}. Prints one line per round and path, then medians and spreads over the
 * rounds.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.socks5udp.benchmarks.netty.NettyUdpHarness
 * --rounds 7 --seconds 2 --warmup 1 --window 32 --size 64}
 *
 * @author socks5-udp authors
 */
public final class NettyUdpHarness {

	private static final int PATHS = 3;

	private NettyUdpHarness() {
	}

	private static void ratio(String name, double[] rates, double[] reference) {
		double[] ratios = new double[rates.length];
		for (int round = 0; round < rates.length; round++) {
			ratios[round] = rates[round] / reference[round];
		}
		System.out.printf(Locale.ROOT,
				"ratio %s: %.2f (median of medians), %.2f paired (median of per-round ratios, %.2f - %.2f)%n", name,
				Stats.median(rates) / Stats.median(reference), Stats.median(ratios), Stats.min(ratios),
				Stats.max(ratios));
	}

	/**
	 * Run the harness.
	 * @param args {@code --rounds}, {@code --seconds}, {@code --warmup},
	 * {@code --window}, {@code --size}
	 * @throws Exception if a server does not start
	 */
	public static void main(String[] args) throws Exception {
		int rounds = Integer.parseInt(Stats.argument(args, "--rounds", "7"));
		double seconds = Double.parseDouble(Stats.argument(args, "--seconds", "2"));
		double warmup = Double.parseDouble(Stats.argument(args, "--warmup", "1"));
		int window = Integer.parseInt(Stats.argument(args, "--window", "32"));
		int size = Integer.parseInt(Stats.argument(args, "--size", "64"));
		EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		try (LocalDante dante = LocalDante.start(); UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			InetSocketAddress bind = new InetSocketAddress("127.0.0.1", 0);
			NettyRoundTrips plain = new NettyRoundTrips(group, null, bind, echo.address(), size);
			Socks5DatagramHandler handler = new Socks5DatagramHandler(
					Socks5AssociationOptions.builder(dante.host(), dante.port()).build());
			NettyRoundTrips proxied = new NettyRoundTrips(group, handler, bind, echo.address(), size);
			CoreRoundTrips core = new CoreRoundTrips(
					Socks5AssociationOptions.builder(dante.host(), dante.port()).build(), echo.address(), size);
			int count = PATHS;
			double[][] rates = new double[count][rounds];
			double[][] p50 = new double[count][rounds];
			double[][] p99 = new double[count][rounds];
			String[] names = { "plain Netty UDP", "Netty through Dante", "core client through Dante" };
			RoundTrips[] paths = { plain, proxied, core };
			System.out.printf(Locale.ROOT, "window=%d size=%d seconds=%.1f warmup=%.1f rounds=%d%n", window, size,
					seconds, warmup, rounds);
			for (int round = 0; round < rounds; round++) {
				for (int k = 0; k < count; k++) {
					// Each round starts one path later than the one before
					int path = (round + k) % count;
					RoundTrips trips = paths[path];
					trips.run(window, warmup, false);
					long done = trips.run(window, seconds, true);
					rates[path][round] = done / seconds;
					double[] percentiles = trips.samples().percentilesMicros(0.50, 0.99);
					p50[path][round] = percentiles[0];
					p99[path][round] = percentiles[1];
					System.out.printf(Locale.ROOT, "round %d %-22s %,10.0f rt/s p50 %6.0f us p99 %6.0f us%n", round + 1,
							names[path], rates[path][round], p50[path][round], p99[path][round]);
				}
			}
			System.out.println();
			System.out.println("| path | round trips/s (median) | min - max | p50 us | p99 us |");
			System.out.println("|---|---:|---:|---:|---:|");
			for (int path = 0; path < count; path++) {
				System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f - %,.0f | %.0f | %.0f |%n", names[path],
						Stats.median(rates[path]), Stats.min(rates[path]), Stats.max(rates[path]),
						Stats.median(p50[path]), Stats.median(p99[path]));
			}
			ratio("Netty through Dante / plain Netty", rates[1], rates[0]);
			ratio("Netty through Dante / core client through Dante", rates[1], rates[2]);
			System.out.printf(Locale.ROOT, "handler counters: %s%n", handler.counters());
			plain.close();
			proxied.close();
			core.close();
		}
		finally {
			group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
		}
	}

}
