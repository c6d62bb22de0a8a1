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

package io.socks5udp.test.pysocks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.socks5udp.core.protocol.Socks5Credentials;
import io.socks5udp.test.support.TestEnvironment;

/**
 * Runs PySocks, an independent SOCKS5 client, through {@code pysocks_udp.py} with
 * Debian's {@code /usr/bin/python3}: one datagram sent through a proxy and, on request,
 * one received.
 *
 * @author socks5-udp authors
 */
final class PySocksClient {

	private static final String SCRIPT = "pysocks_udp.py";

	private static final long TIMEOUT_SECONDS = 30;

	private final Path script;

	private PySocksClient(Path script) {
		this.script = script;
	}

	/**
	 * Write the script into the given folder.
	 * @param directory a temporary folder
	 * @return the client
	 */
	static PySocksClient in(Path directory) {
		Path script = directory.resolve(SCRIPT);
		try (InputStream in = PySocksClient.class.getResourceAsStream(SCRIPT)) {
			if (in == null) {
				throw new IllegalStateException(SCRIPT + " is missing from the test class path");
			}
			Files.copy(in, script);
			return new PySocksClient(script);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Send one datagram through the proxy.
	 * @param proxyPort the proxy's port on {@code 127.0.0.1}
	 * @param dstHost the destination host, a literal or a name
	 * @param dstPort the destination port
	 * @param payload the payload
	 * @param receive whether to wait for one datagram back
	 * @param credentials the login, or {@code null} for none
	 * @return what the script printed
	 * @throws Exception if the script could not run or did not end in time
	 */
	Result send(int proxyPort, String dstHost, int dstPort, byte[] payload, boolean receive,
			Socks5Credentials credentials) throws Exception {
		List<String> command = new ArrayList<>(List.of(TestEnvironment.PYTHON.toString(), this.script.toString(),
				"127.0.0.1", Integer.toString(proxyPort), dstHost, Integer.toString(dstPort),
				HexFormat.of().formatHex(payload)));
		if (receive) {
			command.add("--receive");
		}
		if (credentials != null) {
			command.addAll(List.of("--username", credentials.username(), "--password", credentials.password()));
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("PySocks did not finish within " + TIMEOUT_SECONDS + " s");
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Result(process.exitValue(), output);
	}

	/**
	 * What the script printed, and its exit status.
	 *
	 * @param exitCode 0 on success, 2 on a SOCKS error
	 * @param output the printed lines
	 */
	record Result(int exitCode, String output) {

		/**
		 * Return the words of the {@code RECEIVED} line: source host, source port and the
		 * payload in hex.
		 * @return the words, or an empty list when nothing was received
		 */
		List<String> received() {
			return this.output.lines()
				.filter((line) -> line.startsWith("RECEIVED "))
				.findFirst()
				.map((line) -> List.of(line.substring("RECEIVED ".length()).split(" ")))
				.orElse(List.of());
		}

	}

}
