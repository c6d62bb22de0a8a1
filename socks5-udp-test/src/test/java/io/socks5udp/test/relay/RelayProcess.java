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
package io.socks5udp.test.relay;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The relay run as a separate JVM, from a jar or a class path, with its output read line
 * by line.
 *
 * @author socks5-udp authors
 */
final class RelayProcess implements Closeable {

	private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

	private final Process process;

	private final BufferedReader out;

	private RelayProcess(Process process) {
		this.process = process;
		this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
	}

	static RelayProcess fromJar(Path jar, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", jar.toString()));
		command.addAll(List.of(args));
		return start(command);
	}

	static RelayProcess fromClassPath(String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-cp", System.getProperty("java.class.path"),
				Socks5RelayMain.class.getName()));
		command.addAll(List.of(args));
		return start(command);
	}

	private static RelayProcess start(List<String> command) throws IOException {
		return new RelayProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start());
	}

	/**
	 * Read the next line of standard output, or {@code null} at its end.
	 */
	String readLine() throws IOException {
		return this.out.readLine();
	}

	/**
	 * Read the whole of standard error (after the process ended).
	 */
	String errors() throws IOException {
		return new String(this.process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
	}

	/**
	 * Send SIGTERM, as {@code kill} does.
	 */
	void terminate() {
		// Process.destroy() would also close the streams, and the last line with them
		this.process.toHandle().destroy();
	}

	/**
	 * Wait for the exit status.
	 */
	int waitFor() throws InterruptedException {
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			throw new AssertionError("relay process did not end within 30 seconds");
		}
		return this.process.exitValue();
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

}
