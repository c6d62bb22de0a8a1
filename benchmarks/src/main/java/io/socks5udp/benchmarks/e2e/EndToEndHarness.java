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
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;

/**
 * The end-to-end load harness. Starts a Dante on loopback (or uses one given with
 * {@code --dante host:port}) and a UDP echo target, then for each round, each payload
 * size and each path in turn (interleaved: a b c, b c a, c a b, ...: each round starts
 * one path later, so that no path always follows the same one) measures round trips per
 * second with a fixed number of datagrams in flight. Prints the medians over the rounds
 * and their ratio to the minimal client, and writes them to {@code --out} (Markdown and
 * CSV).
 * <p>
 * Arguments: {@code --paths a,b,c,d,e,f} {@code --sizes 64,1200} {@code --rounds 5}
 * {@code --seconds 3} {@code --warmup 1} {@code --in-flight 32} {@code --out DIR}
 * {@code --pin CLIENT_CPUS:DANTE_CPUS}. With {@code --pin 0:1} this JVM (client paths and
 * echo target) runs on CPU 0 and the Dante it started on CPU 1, so that the scheduler's
 * placement of Dante's busy I/O process stops adding noise between rounds; it needs
 * {@code taskset}.
 *
 * @author socks5-udp authors
 */
public final class EndToEndHarness {

	private EndToEndHarness() {
	}

	/**
	 * Run the harness.
	 * @param args the arguments, see the class description
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		Map<String, String> options = parse(args);
		List<String> paths = List.of(options.getOrDefault("paths", "a,b,c,d,e,f").split(","));
		int[] sizes = Arrays.stream(options.getOrDefault("sizes", "64,1200").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
		double seconds = Double.parseDouble(options.getOrDefault("seconds", "3"));
		double warmup = Double.parseDouble(options.getOrDefault("warmup", "1"));
		int inFlight = Integer.parseInt(options.getOrDefault("in-flight", "32"));
		Path out = Path.of(options.getOrDefault("out", "benchmarks/target/e2e"));
		CpuPinning pinning = CpuPinning.parse(options.get("pin"));
		pinning.pinClient();
		try (Servers servers = Servers.start(options.get("dante")); EchoTarget echo = new EchoTarget()) {
			if (servers.localDante != null) {
				pinning.pinDante(servers.localDante.pid());
			}
			InetSocketAddress target = echo.address();
			System.out.printf("dante=%s echo=%s paths=%s sizes=%s rounds=%d seconds=%.1f in-flight=%d pin=%s%n",
					servers.dante(), target, paths, Arrays.toString(sizes), rounds, seconds, inFlight, pinning);
			LoadGenerator generator = new LoadGenerator(inFlight, 200);
			ResultTable table = new ResultTable();
			for (int round = 1; round <= rounds; round++) {
				for (int size : sizes) {
					for (int i = 0; i < paths.size(); i++) {
						String letter = paths.get((i + round - 1) % paths.size());
						RoundTripPath path = servers.path(letter, target);
						LoadResult result = generator.run(path, size, warmup, seconds);
						table.add(result);
						System.out.printf(
								"round %d %-14s %5d B %10.0f rt/s p50 %7.1f us p99 %7.1f us cpu %.2f s/M alloc %.3f B/rt lost %d%n",
								round, result.path(), size, result.roundTripsPerSecond(), result.p50Micros(),
								result.p99Micros(), result.cpuSecondsPerMillion(), result.bytesAllocatedPerRoundTrip(),
								result.lost());
					}
				}
			}
			String markdown = table.markdown(sizes, "b-minimal");
			System.out.println();
			System.out.println(markdown);
			Files.createDirectories(out);
			Files.writeString(out.resolve("results.md"), markdown);
			Files.writeString(out.resolve("results.csv"), table.csv());
			ThroughputChart.write(table, sizes, out.resolve("throughput.png"));
		}
	}

	private static Map<String, String> parse(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("argument: " + args[i] + " (expected: --name value)");
			}
			options.put(args[i].substring(2), args[++i]);
		}
		return options;
	}

	/**
	 * The relays the paths go through.
	 */
	private static final class Servers implements AutoCloseable {

		private final LocalDante localDante;

		private final InetSocketAddress dante;

		private final List<AutoCloseable> closeables = new ArrayList<>();

		private EmbeddedSocks5Relay embedded;

		private Servers(LocalDante localDante, InetSocketAddress dante) {
			this.localDante = localDante;
			this.dante = dante;
		}

		static Servers start(String dante) throws IOException {
			if (dante != null) {
				int colon = dante.lastIndexOf(':');
				return new Servers(null,
						new InetSocketAddress(dante.substring(0, colon), Integer.parseInt(dante.substring(colon + 1))));
			}
			LocalDante local = LocalDante.start();
			return new Servers(local, local.address());
		}

		InetSocketAddress dante() {
			return this.dante;
		}

		RoundTripPath path(String letter, InetSocketAddress target) throws Exception {
			switch (letter) {
				case "a":
					return new RawUdpPath(target);
				case "b":
					return new MinimalClientPath(this.dante, target);
				case "c":
					return new CoreAssociationPath("c-core", this.dante, target);
				case "d":
					return new TemplatePath(this.dante, target);
				case "e":
					return new IntegrationPath(this.dante, target);
				case "f":
					return new CoreAssociationPath("f-embedded-relay", embeddedRelay(), target);
				default:
					throw new IllegalArgumentException("path: " + letter + " (expected: a, b, c, d, e or f)");
			}
		}

		private InetSocketAddress embeddedRelay() throws IOException {
			if (this.embedded == null) {
				this.embedded = EmbeddedSocks5Relay.builder().bind("127.0.0.1").build().start();
				this.closeables.add(this.embedded);
			}
			return this.embedded.address();
		}

		@Override
		public void close() throws Exception {
			for (AutoCloseable closeable : this.closeables) {
				closeable.close();
			}
			if (this.localDante != null) {
				this.localDante.close();
			}
		}

	}

}
