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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The settings of a cross-process harness run, from its command line, with the defaults
 * described on {@link CrossProcessHarness}.
 *
 * @param rounds rounds
 * @param seconds measured seconds per run
 * @param warmup seconds each Java client sends before measuring
 * @param relays relay kinds: {@code ours}, {@code ours-batched} (our relay with
 * {@code --batched-io}), {@code dante}
 * @param paths clients: {@code c} and the Java clients
 * @param cases loads
 * @param pinning CPU pinning
 * @param out where the results go
 * @param java the java command of the relay and the Java clients
 * @param jvmArgs extra options of the Java clients
 * @param relayJar the standalone relay jar
 * @param batchedRelayJava the java command of our relay with {@code --batched-io}
 * @param udpbenchSource {@code udpbench.c}
 * @author socks5-udp authors
 */
record HarnessSettings(int rounds, double seconds, double warmup, List<String> relays, List<String> paths,
		List<LoadCase> cases, Pinning pinning, Path out, String java, List<String> jvmArgs, Path relayJar,
		String batchedRelayJava, Path udpbenchSource) {

	private static final List<String> RELAYS = List.of("ours", "ours-batched", "dante");

	/**
	 * Where a JDK that runs {@code --batched-io} (Java 22 or later) is on these machines.
	 */
	static final String JDK_25_JAVA = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";

	/** A Java client's start-up and shut-down, besides warm-up and measurement. */
	private static final double JAVA_OVERHEAD_SECONDS = 2;

	HarnessSettings {
		if (rounds < 1 || !(seconds > 0) || warmup < 0) {
			throw new IllegalArgumentException("rounds: " + rounds + ", seconds: " + seconds + ", warmup: " + warmup
					+ " (expected: rounds >= 1, seconds > 0, warmup >= 0)");
		}
	}

	static HarnessSettings of(HarnessArgs options, Set<String> javaClients) {
		List<String> relays = options.list("relays", "ours,dante");
		for (String relay : relays) {
			if (!RELAYS.contains(relay)) {
				throw new IllegalArgumentException("--relays: " + relay + " (expected: ours, ours-batched, dante)");
			}
		}
		if (relays.contains("dante") && !Files.isExecutable(Path.of("/usr/sbin/danted"))) {
			throw new IllegalArgumentException(
					"--relays: dante, but /usr/sbin/danted is missing (apt-get install -y dante-server, or --relays ours)");
		}
		List<String> paths = options.list("paths", "raw,c,core,core-inline,core-receive,template,template-inline,si");
		for (String path : paths) {
			if (!isC(path) && !javaClients.contains(path)) {
				throw new IllegalArgumentException("--paths: " + path + " (expected: c, raw, " + javaClients + ")");
			}
		}
		String javaHome = System.getProperty("java.home");
		String java = options.string("java", Path.of(javaHome, "bin", "java").toString());
		String batchedRelayJava = options.string("batched-relay-java",
				(Runtime.version().feature() >= 22 || !Files.isExecutable(Path.of(JDK_25_JAVA))) ? java : JDK_25_JAVA);
		String jvmArgs = options.string("jvm-args", "").trim();
		return new HarnessSettings(options.integer("rounds", 5), options.decimal("seconds", 5),
				options.decimal("warmup", 4), relays, paths,
				LoadCase.parseAll(options.list("cases", "64/32,1400/32,64/1")),
				Pinning.parse(options.has("pin") ? options.string("pin", "") : null),
				Path.of(options.string("out", "benchmarks/target/xproc")), java,
				jvmArgs.isEmpty() ? List.of() : Arrays.asList(jvmArgs.split("\\s+")),
				Path.of(options.string("relay-jar", "socks5-udp-test/target/socks5-udp-relay.jar")), batchedRelayJava,
				Path.of(options.string("udpbench-source", "../shared/tools/udpbench.c")));
	}

	/**
	 * Whether a path is run by the C client: {@code c} through the relay, {@code raw}
	 * straight to the echo target.
	 * @param path the path
	 * @return whether it is the C client's
	 */
	static boolean isC(String path) {
		return path.equals("c") || path.equals("raw");
	}

	/**
	 * Return the seconds the runs take on a quiet machine, calibration included.
	 * @return seconds, approximately
	 */
	double expectedSeconds() {
		long javaPaths = this.paths.stream().filter((path) -> !isC(path)).count();
		double perLoadAndRelay = javaPaths * (this.warmup + this.seconds + JAVA_OVERHEAD_SECONDS)
				+ (this.paths.size() - javaPaths) * this.seconds;
		double calibration = this.relays.size() * this.cases.size() * 1.0;
		return this.rounds * this.cases.size() * this.relays.size() * perLoadAndRelay + calibration;
	}

	String describe() {
		return String.format(Locale.ROOT,
				"cross-process harness: rounds=%d seconds=%.1f warmup=%.1f relays=%s paths=%s cases=%s pin=%s "
						+ "java=%s jvm-args=%s batched-relay-java=%s%nexpected duration on a quiet machine: about %.0f minutes",
				this.rounds, this.seconds, this.warmup, this.relays, this.paths, this.cases, this.pinning, this.java,
				this.jvmArgs, this.batchedRelayJava, expectedSeconds() / 60);
	}

}
