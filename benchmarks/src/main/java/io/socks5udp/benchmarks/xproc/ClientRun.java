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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one client process to its end and reads its figures: the {@link ResultLine} on its
 * standard output and the relay's CPU time over the measured interval. A Java client
 * marks its interval ({@link ResultLine#MEASURING}, {@link ResultLine#MEASURED}) and
 * measures its own CPU; the C client is measured from its start to its exit, its CPU time
 * taken from bash's {@code times} after it exits.
 *
 * @author socks5-udp authors
 */
final class ClientRun {

	private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");

	private static final Pattern CONTEXT_SWITCHES = Pattern.compile("ctxt (\\d+) (\\d+)");

	private ClientRun() {
	}

	/**
	 * Run a Java client process.
	 * @param command the command
	 * @param relay the relay it goes through
	 * @param timeout when to kill it
	 * @param log where its standard error goes
	 * @return its fields and the relay's CPU seconds per million round trips, as
	 * {@code relay_cpu_s_per_M}
	 * @throws IOException if it fails or prints no result
	 */
	static Map<String, Double> java(List<String> command, Relay relay, Duration timeout, Path log) throws IOException {
		Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
		Thread watchdog = watch(process, timeout);
		double relayStart = Double.NaN;
		double relayEnd = Double.NaN;
		Map<String, Double> fields = null;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				if (line.equals(ResultLine.MEASURING)) {
					relayStart = relay.cpuSeconds();
				}
				else if (line.equals(ResultLine.MEASURED)) {
					relayEnd = relay.cpuSeconds();
				}
				else if (ResultLine.parse(line) != null) {
					fields = ResultLine.parse(line);
				}
			}
		}
		int status = await(process, watchdog);
		if (fields == null || status != 0 || Double.isNaN(relayStart) || Double.isNaN(relayEnd)) {
			throw new IOException("client exited with status " + status + " without a result; see " + log);
		}
		fields.put("relay_cpu_s_per_M", perMillion(relayEnd - relayStart, ResultLine.field(fields, "round_trips")));
		return fields;
	}

	/**
	 * Run the C client.
	 * @param command the command, from {@link UdpBench#socksClient}
	 * @param count the round trips it was asked for
	 * @param relay the relay it goes through
	 * @param timeout when to kill it
	 * @param log where its standard error goes
	 * @return its fields, with {@code round_trips}, {@code cpu_s_per_M},
	 * {@code cs_per_rt} and {@code relay_cpu_s_per_M} added
	 * @throws IOException if it fails or prints no result
	 */
	static Map<String, Double> c(List<String> command, long count, Relay relay, Duration timeout, Path log)
			throws IOException {
		double relayStart = relay.cpuSeconds();
		Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
		Thread watchdog = watch(process, timeout);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int status = await(process, watchdog);
		double relayEnd = relay.cpuSeconds();
		Map<String, Double> fields = output.lines()
			.map(ResultLine::parse)
			.filter((f) -> f != null)
			.findFirst()
			.orElse(null);
		double cpu = clientCpuSeconds(log);
		if (fields == null || status != 0 || Double.isNaN(cpu)) {
			throw new IOException("udpbench exited with status " + status + " without a result; see " + log);
		}
		double roundTrips = count - ResultLine.field(fields, "lost");
		fields.put("round_trips", roundTrips);
		fields.put("cpu_s_per_M", perMillion(cpu, roundTrips));
		fields.put("cs_per_rt", contextSwitches(log) / roundTrips);
		fields.put("relay_cpu_s_per_M", perMillion(relayEnd - relayStart, roundTrips));
		return fields;
	}

	private static double perMillion(double seconds, Double roundTrips) {
		return (roundTrips != null && roundTrips > 0) ? seconds / roundTrips * 1e6 : Double.NaN;
	}

	/**
	 * Read the children's user and system time from the last line of {@code times}.
	 */
	private static double clientCpuSeconds(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		for (int i = lines.size() - 1; i >= 0; i--) {
			Matcher matcher = TIMES.matcher(lines.get(i).trim());
			if (matcher.matches()) {
				return Integer.parseInt(matcher.group(1)) * 60 + Double.parseDouble(matcher.group(2))
						+ Integer.parseInt(matcher.group(3)) * 60 + Double.parseDouble(matcher.group(4));
			}
		}
		return Double.NaN;
	}

	private static double contextSwitches(Path log) throws IOException {
		for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
			Matcher matcher = CONTEXT_SWITCHES.matcher(line.trim());
			if (matcher.matches()) {
				return Long.parseLong(matcher.group(1)) + Long.parseLong(matcher.group(2));
			}
		}
		return Double.NaN;
	}

	private static Thread watch(Process process, Duration timeout) {
		Thread watchdog = new Thread(() -> {
			try {
				if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
			}
		}, "xproc-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
		return watchdog;
	}

	private static int await(Process process, Thread watchdog) throws IOException {
		try {
			int status = process.waitFor();
			watchdog.join();
			return status;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException("Interrupted while waiting for the client", ex);
		}
	}

}
