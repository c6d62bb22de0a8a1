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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The cross-process harness. Compiles the C client ({@code udpbench}), starts one
 * external echo target process and one relay process per relay kind (this project's
 * standalone relay jar, Dante), then for each round, each load and each relay runs every
 * client as its own process, one after the other, in an order rotated by one each time (c
 * core template si, core template si c, ...). Writes every run to {@code rounds.csv} and
 * the medians to {@code summary.md} in {@code --out}.
 * <p>
 * Options: {@code --rounds 5} {@code --seconds 5} (measured per run) {@code --warmup 4}
 * (Java clients, before measuring) {@code --relays ours,dante} (and {@code ours-batched}:
 * our relay with {@code --batched-io}, run by {@code --batched-relay-java PATH}, by
 * default the JDK 25 of these machines)
 * {@code --paths raw,c,core,core-inline,core-receive,template,template-inline,si}
 * ({@code raw}: the C client straight to the echo target, no relay, the limit of every
 * path; {@code c}: the C client through the relay, the anchor; {@code core} and
 * {@code template}: the client with a sending thread that the receive thread wakes;
 * {@code core-inline} and {@code template-inline}: the client driven on its receive
 * thread, see {@link InlineLoad}; {@code core-receive}: the core client on one thread
 * that sends a window and drains the echoes with the receive into the caller's buffer,
 * see {@link CallerThreadLoad}; {@code si}: the Spring Integration adapters; on request,
 * {@code minimal}: the end-to-end harness's hand-written Java client, and
 * {@code core-batch}: {@code core-receive} with batched I/O, which needs {@code --java} a
 * JDK 22 or later and {@code --jvm-args} that grant native access and export
 * {@code sun.nio.ch}, see {@link CoreBatchClientMain}) {@code --cases 64/32,1400/32,64/1}
 * (payload bytes / datagrams in flight) {@code --pin [CLIENT:RELAY[:ECHO]]}
 * ({@code taskset}; {@code --pin} alone is {@code 0:1:0})
 * {@code --out benchmarks/target/xproc} {@code --java PATH} {@code --jvm-args "..."}
 * {@code --relay-jar socks5-udp-test/target/socks5-udp-relay.jar}
 * {@code --udpbench-source ../shared/tools/udpbench.c}. Paths are relative to the
 * repository root. Loopback only. Writes {@code rounds.csv}, {@code summary.md} and
 * {@code chart.png} ({@link CrossProcessSummary} redraws them from CSV files).
 *
 * @author socks5-udp authors
 */
public final class CrossProcessHarness {

	private static final List<String> OPTIONS = List.of("rounds", "seconds", "warmup", "relays", "paths", "cases",
			"pin", "out", "java", "jvm-args", "relay-jar", "batched-relay-java", "udpbench-source");

	private static final Map<String, String> JAVA_CLIENTS = Map.of("core", CoreClientMain.class.getName(), "template",
			TemplateClientMain.class.getName(), "si", IntegrationClientMain.class.getName(), "minimal",
			MinimalClientMain.class.getName(), "core-inline", CoreInlineClientMain.class.getName(), "core-receive",
			CoreReceiveClientMain.class.getName(), "template-inline", TemplateInlineClientMain.class.getName(),
			"core-batch", CoreBatchClientMain.class.getName());

	private final HarnessSettings settings;

	private final UdpBench udpbench;

	private final Path logs;

	private final Map<String, Double> cRates = new HashMap<>();

	private final List<RunRecord> records = new ArrayList<>();

	private final List<String> failures = new ArrayList<>();

	private CrossProcessHarness(HarnessSettings settings, UdpBench udpbench, Path logs) {
		this.settings = settings;
		this.udpbench = udpbench;
		this.logs = logs;
	}

	/**
	 * Run the harness.
	 * @param args the options, see the class description
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		HarnessArgs options = HarnessArgs.parse(args);
		options.requireOnly(OPTIONS);
		HarnessSettings settings = HarnessSettings.of(options, JAVA_CLIENTS.keySet());
		Path logs = settings.out().resolve("logs");
		Files.createDirectories(logs);
		UdpBench udpbench = UdpBench.build(settings.udpbenchSource(), Path.of("benchmarks", "target", "udpbench"));
		StealTime start = StealTime.now();
		String header = settings.describe()
				+ String.format(Locale.ROOT, "%nstarted: %s, load average: %s%n", Instant.now(), loadAverage());
		System.out.print(header);
		CrossProcessHarness harness = new CrossProcessHarness(settings, udpbench, logs);
		harness.run();
		String summary = header
				+ String.format(Locale.ROOT, "ended: %s, load average: %s, %s%n", Instant.now(), loadAverage(),
						StealTime.now().since(start))
				+ new SummaryTable(harness.records).markdown(settings.relays(), settings.cases(), settings.paths())
				+ harness.failureNote();
		System.out.println(summary);
		Files.writeString(settings.out().resolve("summary.md"), summary, StandardCharsets.UTF_8);
		CrossProcessChart.write(new SummaryTable(harness.records), settings.relays(), settings.cases(),
				settings.paths(), settings.out().resolve("chart.png"));
	}

	private void run() throws IOException {
		Pinning pinning = this.settings.pinning();
		List<Relay> relays = new ArrayList<>();
		try (EchoProcess echo = EchoProcess.start(this.udpbench, pinning.echo(), this.logs.resolve("echo.log"))) {
			for (String relay : this.settings.relays()) {
				relays.add(startRelay(relay));
			}
			System.out.printf("echo=%s relays=%s%n", echo.address(),
					relays.stream().map((relay) -> relay.name() + "@" + relay.address()).toList());
			calibrate(relays, echo);
			Path csv = this.settings.out().resolve("rounds.csv");
			Files.writeString(csv, RunRecord.CSV_HEADER + "\n", StandardCharsets.UTF_8);
			List<String> paths = this.settings.paths();
			for (int round = 1; round <= this.settings.rounds(); round++) {
				for (int l = 0; l < this.settings.cases().size(); l++) {
					LoadCase load = this.settings.cases().get(l);
					for (Relay relay : relays) {
						for (int i = 0; i < paths.size(); i++) {
							String path = paths.get((i + round - 1 + l) % paths.size());
							RunRecord record = runOne(round, relay, echo, load, path);
							if (record != null) {
								this.records.add(record);
								System.out.println(record);
								Files.writeString(csv, record.csv() + "\n", StandardCharsets.UTF_8,
										StandardOpenOption.APPEND);
							}
						}
					}
				}
			}
		}
		finally {
			relays.forEach(Relay::close);
		}
	}

	private Relay startRelay(String name) throws IOException {
		String cpus = this.settings.pinning().relay();
		if (name.equals("ours")) {
			return StandaloneRelay.start(this.settings.java(), this.settings.relayJar(), false, cpus,
					this.logs.resolve("relay-ours.log"));
		}
		if (name.equals("ours-batched")) {
			return StandaloneRelay.start(this.settings.batchedRelayJava(), this.settings.relayJar(), true, cpus,
					this.logs.resolve("relay-ours-batched.log"));
		}
		return DanteRelay.start(cpus);
	}

	/**
	 * Run the C client once per relay and load before the first round: it warms up the
	 * relays (this project's relay is a JVM) and tells how many round trips the C client
	 * needs for the measured seconds, since it runs for a count, not for a time.
	 */
	private void calibrate(List<Relay> relays, EchoProcess echo) {
		for (Relay relay : relays) {
			for (LoadCase load : this.settings.cases()) {
				long count = (load.inFlight() > 1) ? 30_000 : 5_000;
				for (String path : this.settings.paths()) {
					if (!HarnessSettings.isC(path)) {
						continue;
					}
					try {
						Map<String, Double> fields = runC(path, relay, echo, load, count,
								"calibration-" + path + "-" + relay.name() + "-" + load.size() + "-" + load.inFlight());
						this.cRates.put(path + relay.name() + load, ResultLine.field(fields, "rtt_per_s"));
						System.out.printf(Locale.ROOT, "calibration %s %s %s: %.0f rt/s%n", path, relay.name(), load,
								fields.get("rtt_per_s"));
					}
					catch (IOException ex) {
						System.out.printf("calibration %s %s %s FAILED: %s%n", path, relay.name(), load,
								ex.getMessage());
					}
				}
			}
		}
	}

	private @Nullable RunRecord runOne(int round, Relay relay, EchoProcess echo, LoadCase load, String path) {
		String tag = String.format(Locale.ROOT, "r%d-%s-%d-%d-%s", round, relay.name(), load.size(), load.inFlight(),
				path);
		try {
			Map<String, Double> fields;
			if (HarnessSettings.isC(path)) {
				double rate = this.cRates.getOrDefault(path + relay.name() + load, 10_000.0);
				long count = Math.max(1_000, Math.round(rate * this.settings.seconds()));
				fields = runC(path, relay, echo, load, count, tag);
				this.cRates.put(path + relay.name() + load, ResultLine.field(fields, "rtt_per_s"));
			}
			else {
				ClientArguments arguments = new ClientArguments(relay.address(), echo.address(), load.size(),
						load.inFlight(), this.settings.warmup(), this.settings.seconds());
				List<String> command = new ArrayList<>(List.of(this.settings.java()));
				command.addAll(this.settings.jvmArgs());
				command.addAll(List.of("-cp", System.getProperty("java.class.path"), JAVA_CLIENTS.get(path)));
				command.addAll(arguments.toArgs());
				Duration timeout = Duration.ofSeconds((long) (this.settings.warmup() + this.settings.seconds()) + 120);
				fields = ClientRun.java(Pinning.on(this.settings.pinning().client(), command), relay, timeout,
						this.logs.resolve(tag + ".log"));
			}
			return new RunRecord(round, relay.name(), load, path, ResultLine.field(fields, "rtt_per_s"),
					(long) ResultLine.field(fields, "lost"), ResultLine.field(fields, "p50_us"),
					ResultLine.field(fields, "p99_us"), (long) ResultLine.field(fields, "round_trips"),
					ResultLine.field(fields, "cpu_s_per_M"), ResultLine.field(fields, "relay_cpu_s_per_M"),
					fields.getOrDefault("alloc_B_per_rt", Double.NaN), fields.getOrDefault("cs_per_rt", Double.NaN));
		}
		catch (IOException | RuntimeException ex) {
			String failure = tag + ": " + ex.getMessage();
			this.failures.add(failure);
			System.out.println("FAILED " + failure);
			return null;
		}
	}

	/**
	 * Run the C client: through the relay ({@code c}) or straight to the echo target
	 * ({@code raw}, whose relay CPU is the idle relay's).
	 */
	private Map<String, Double> runC(String path, Relay relay, EchoProcess echo, LoadCase load, long count, String tag)
			throws IOException {
		List<String> client = path.equals("raw")
				? this.udpbench.directClient(echo.address(), count, load.size(), load.inFlight())
				: this.udpbench.socksClient(relay.address(), echo.address(), count, load.size(), load.inFlight());
		List<String> command = Pinning.on(this.settings.pinning().client(), client);
		Duration timeout = Duration.ofSeconds((long) (3 * this.settings.seconds()) + 60);
		return ClientRun.c(command, count, relay, timeout, this.logs.resolve(tag + ".log"));
	}

	private String failureNote() {
		if (this.failures.isEmpty()) {
			return "";
		}
		return "\nFailed runs (not in the medians):\n- " + String.join("\n- ", this.failures) + "\n";
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
