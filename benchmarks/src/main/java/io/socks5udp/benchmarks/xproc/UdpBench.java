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
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain C client and echo target, {@code udpbench.c} from the team's shared tools
 * (poll and drain on one thread; {@code udpbench echo PORT} answers with
 * {@code recvmmsg}/{@code sendmmsg}), compiled with {@code gcc -O2} into
 * {@code benchmarks/target/udpbench}.
 *
 * @author socks5-udp authors
 */
final class UdpBench {

	private final Path binary;

	private UdpBench(Path binary) {
		this.binary = binary;
	}

	/**
	 * Compile the source.
	 * @param source {@code udpbench.c}
	 * @param binary where to write the program
	 * @return the compiled program
	 * @throws IOException if the source is missing or gcc fails
	 */
	static UdpBench build(Path source, Path binary) throws IOException {
		if (!Files.isRegularFile(source)) {
			throw new IOException(source.toAbsolutePath() + " not found (expected the team's udpbench.c; "
					+ "give its place with --udpbench-source PATH)");
		}
		Files.createDirectories(binary.toAbsolutePath().getParent());
		Process gcc = new ProcessBuilder("gcc", "-O2", "-o", binary.toString(), source.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (gcc.waitFor() != 0) {
				throw new IOException("gcc -O2 -o " + binary + " " + source + " failed:\n" + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while compiling " + source, ex);
		}
		return new UdpBench(binary.toAbsolutePath());
	}

	/**
	 * Return the command of the echo target.
	 * @param port the UDP port on 127.0.0.1
	 * @return the command
	 */
	List<String> echo(int port) {
		return List.of(this.binary.toString(), "echo", Integer.toString(port));
	}

	/**
	 * Return the command of a client run through a SOCKS5 relay, wrapped so that its
	 * context switches ({@code /usr/bin/time}: {@code ctxt VOLUNTARY INVOLUNTARY}) and
	 * its CPU time (user and system, from bash's {@code times}, whose last line is
	 * {@code 0m1.234s 0m0.567s}) follow on standard error.
	 * @param relay the relay
	 * @param target the echo target
	 * @param count round trips to make
	 * @param size payload bytes
	 * @param inFlight datagrams in flight
	 * @return the command
	 */
	List<String> socksClient(InetSocketAddress relay, InetSocketAddress target, long count, int size, int inFlight) {
		return wrapped(List.of(this.binary.toString(), "socks", Integer.toString(relay.getPort()),
				Integer.toString(target.getPort()), Long.toString(count), Integer.toString(size),
				Integer.toString(inFlight)));
	}

	/**
	 * Return the command of a client run straight to the echo target, without a relay:
	 * plain UDP, the limit of every relayed path. Wrapped as
	 * {@link #socksClient(InetSocketAddress, InetSocketAddress, long, int, int)}.
	 * @param target the echo target
	 * @param count round trips to make
	 * @param size payload bytes
	 * @param inFlight datagrams in flight
	 * @return the command
	 */
	List<String> directClient(InetSocketAddress target, long count, int size, int inFlight) {
		return wrapped(List.of(this.binary.toString(), "direct", Integer.toString(target.getPort()),
				Long.toString(count), Integer.toString(size), Integer.toString(inFlight)));
	}

	private static List<String> wrapped(List<String> client) {
		List<String> command = new ArrayList<>(List.of("bash", "-c", "\"$@\"; status=$?; times >&2; exit $status",
				"udpbench", "/usr/bin/time", "-f", "ctxt %w %c"));
		command.addAll(client);
		return command;
	}

}
