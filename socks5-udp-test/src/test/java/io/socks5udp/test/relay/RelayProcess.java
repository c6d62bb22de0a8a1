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
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import io.socks5udp.core.protocol.Socks5Address;

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
		return fromJar(JAVA, jar, args);
	}

	static RelayProcess fromJar(Path java, Path jar, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
		command.addAll(List.of(args));
		return start(command);
	}

	static RelayProcess fromClassPath(String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-cp", System.getProperty("java.class.path"),
				Socks5RelayMain.class.getName()));
		command.addAll(List.of(args));
		return start(command);
	}

	/**
	 * Start the relay under a limit of open descriptors ({@code ulimit -n}), from a jar
	 * of the relay and core classes as the standalone jar would be (a JVM reading classes
	 * from directories needs a descriptor for each class it loads, and fails to load any
	 * while out of them), its standard error going to {@code relay.err} in a folder: a
	 * relay short of descriptors may write more than a pipe holds.
	 */
	static RelayProcess withDescriptorLimit(int limit, Path folder, String... args) throws IOException {
		Path jar = folder.resolve("relay-classes.jar");
		List<String> classPath = new ArrayList<>();
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			for (Class<?> type : List.of(Socks5RelayMain.class, Socks5Address.class)) {
				Path source = codeSource(type);
				if (Files.isDirectory(source)) {
					addClasses(source, out);
				}
				else {
					classPath.add(source.toString());
				}
			}
		}
		classPath.add(0, jar.toString());
		List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -n " + limit + " && exec \"$@\"", "relay",
				JAVA.toString(), "-cp", String.join(File.pathSeparator, classPath), Socks5RelayMain.class.getName()));
		command.addAll(List.of(args));
		return new RelayProcess(
				new ProcessBuilder(command).redirectError(folder.resolve("relay.err").toFile()).start());
	}

	private static RelayProcess start(List<String> command) throws IOException {
		return new RelayProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start());
	}

	private static void addClasses(Path folder, JarOutputStream out) throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(folder)) {
			files = walk.filter(Files::isRegularFile).toList();
		}
		for (Path file : files) {
			out.putNextEntry(new JarEntry(folder.relativize(file).toString().replace(File.separatorChar, '/')));
			Files.copy(file, out);
			out.closeEntry();
		}
	}

	private static Path codeSource(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return how many descriptors the relay has open now, from {@code /proc/<pid>/fd}.
	 */
	long openDescriptors() throws IOException {
		try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(this.process.pid()), "fd"))) {
			return descriptors.count();
		}
	}

	/**
	 * Return the CPU time the relay has used so far, user and system (utime and stime of
	 * {@code /proc/<pid>/stat}).
	 */
	Duration cpuTime() {
		return this.process.info()
			.totalCpuDuration()
			.orElseThrow(() -> new IllegalStateException("no CPU time for process " + this.process.pid()));
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
