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

package io.socks5udp.test.dante;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.socks5udp.core.protocol.Socks5AddressText;
import org.jspecify.annotations.Nullable;

/**
 * Dante ({@code /usr/sbin/danted}) as a child process of the test JVM, listening on a
 * free port of {@code 127.0.0.1} and {@code ::1}. Dante runs in the foreground, in a
 * process group of its own, with a configuration and a log file in a temporary folder.
 * <p>
 * {@link #kill()} ends the whole process group with SIGKILL, as a crash would: Dante's
 * io-children, which hold the control connections of live associations, outlive a killed
 * mother process otherwise. {@link #restart()} starts Dante again on the same port.
 *
 * @author socks5-udp authors
 */
public final class LocalDante implements AutoCloseable {

	/** Where Debian's dante-server package installs the server. */
	public static final Path DANTED = Path.of("/usr/sbin/danted");

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private static final int START_ATTEMPTS = 5;

	private static final String HOST = "127.0.0.1";

	private final Path directory;

	private final boolean portChosenByCaller;

	private final Thread shutdownHook;

	private DanteConfig config;

	private @Nullable Process process;

	private @Nullable Path logFile;

	private int runs;

	private boolean started;

	private LocalDante(DanteConfig config, Path directory) {
		this.config = config;
		this.portChosenByCaller = config.port() != 0;
		this.directory = directory;
		this.shutdownHook = new Thread(this::killQuietly, "local-dante-shutdown");
	}

	/**
	 * Start Dante with the default configuration: no authentication, UDP ASSOCIATE from
	 * loopback.
	 * @return the running Dante
	 * @throws IOException if Dante did not start
	 */
	public static LocalDante start() throws IOException {
		return start(DanteConfig.builder().build());
	}

	/**
	 * Start Dante with the given configuration. Its port and log output are replaced: a
	 * port of 0 is replaced by a free one, the log goes to {@link #logFile()}.
	 * @param config the configuration
	 * @return the running Dante
	 * @throws IOException if Dante did not start
	 */
	public static LocalDante start(DanteConfig config) throws IOException {
		if (!Files.isExecutable(DANTED)) {
			throw new IOException(DANTED + " not found (apt-get install -y dante-server)");
		}
		LocalDante dante = new LocalDante(config, Files.createTempDirectory("socks5-udp-dante-"));
		Runtime.getRuntime().addShutdownHook(dante.shutdownHook);
		try {
			dante.startProcess();
			return dante;
		}
		catch (IOException | RuntimeException ex) {
			dante.close();
			throw ex;
		}
	}

	/**
	 * Return the address to reach Dante at.
	 * @return {@code 127.0.0.1}; Dante listens on {@code ::1} as well
	 */
	public String host() {
		return HOST;
	}

	/**
	 * Return the port Dante listens on.
	 * @return the port
	 */
	public int port() {
		return this.config.port();
	}

	/**
	 * Return the address of Dante's IPv4 listener.
	 * @return {@code 127.0.0.1:port}
	 */
	public InetSocketAddress address() {
		return new InetSocketAddress(HOST, port());
	}

	/**
	 * Return the configuration Dante runs with, including its port.
	 * @return the configuration
	 */
	public DanteConfig config() {
		return this.config;
	}

	/**
	 * Return the process id of Dante's mother process, which is also its process group.
	 * @return the process id
	 */
	public synchronized long pid() {
		return Objects.requireNonNull(this.process, "Dante has not been started").pid();
	}

	/**
	 * Return whether Dante's mother process is running.
	 * @return whether it runs
	 */
	public synchronized boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Return the log file of the current run; every start or restart writes a new one.
	 * @return the log file
	 */
	public synchronized @Nullable Path logFile() {
		return this.logFile;
	}

	/**
	 * Return the text of the current run's log.
	 * @return the log, empty when Dante wrote nothing yet
	 */
	public String log() {
		Path file = logFile();
		try {
			return (file != null && Files.exists(file)) ? Files.readString(file, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	/**
	 * Kill Dante and all its child processes with SIGKILL, as a crash would, and wait
	 * until the mother process is gone. The control connections of all associations are
	 * closed by the kernel.
	 */
	public synchronized void kill() {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		signalGroup("KILL");
		this.process.destroyForcibly();
		awaitExit();
	}

	/**
	 * Stop Dante with SIGTERM, the way an operator would, falling back to {@link #kill()}
	 * when it does not exit in time.
	 */
	public synchronized void stop() {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (this.process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				// Children that missed the mother's shutdown must not keep the port.
				signalGroup("KILL");
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		kill();
	}

	/**
	 * Stop Dante if it runs and start it again on the same port, with the same
	 * configuration. Clients have to associate again: the new Dante knows nothing of the
	 * old associations.
	 * @throws IOException if Dante did not start again
	 */
	public synchronized void restart() throws IOException {
		stop();
		startProcess();
	}

	/**
	 * Stop Dante and delete its temporary folder.
	 */
	@Override
	public void close() {
		stop();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is shutting down; the hook runs anyway.
		}
		deleteDirectory();
	}

	@Override
	public String toString() {
		return "LocalDante[" + Socks5AddressText.hostAndPort(HOST, port()) + ", pid=" + (isAlive() ? pid() : "none")
				+ "]";
	}

	private synchronized void startProcess() throws IOException {
		// Only a first start may move to another port; a restart keeps its port.
		boolean mayMovePort = !this.portChosenByCaller && !this.started;
		IOException last = null;
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		for (int attempt = 0; attempt < START_ATTEMPTS && System.nanoTime() < deadline; attempt++) {
			if (this.config.port() == 0 || (attempt > 0 && mayMovePort)) {
				this.config = this.config.withPort(LoopbackPorts.findFree());
			}
			this.runs++;
			this.logFile = this.directory.resolve("danted-" + this.runs + ".log");
			Path configFile = this.directory.resolve("danted-" + this.runs + ".conf");
			Files.writeString(configFile, this.config.withLogOutput(this.logFile.toString()).render(),
					StandardCharsets.UTF_8);
			Path outputFile = this.directory.resolve("danted-" + this.runs + ".out");
			ProcessBuilder builder = new ProcessBuilder(command(configFile));
			builder.redirectErrorStream(true);
			builder.redirectOutput(outputFile.toFile());
			this.process = builder.start();
			try {
				if (awaitRunning(deadline)) {
					this.started = true;
					return;
				}
				kill();
				// Errors in the configuration itself go to stderr, not to the log file.
				String log = log() + readQuietly(outputFile);
				last = new IOException(
						"Dante did not start on " + Socks5AddressText.hostAndPort(HOST, port()) + "; its log:\n" + log);
				if (!log.contains("Address already in use")) {
					throw last;
				}
				if (!mayMovePort) {
					// The killed Dante's children may still hold the port for a moment.
					Thread.sleep(100);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				kill();
				throw new IOException("Interrupted while waiting for Dante to start", ex);
			}
		}
		throw (last != null) ? last : new IOException("Dante did not start within " + START_TIMEOUT);
	}

	private List<String> command(Path configFile) {
		// setsid makes danted the leader of a new process group, so kill() reaches its
		// children too.
		if (Files.isExecutable(SETSID)) {
			return List.of(SETSID.toString(), DANTED.toString(), "-f", configFile.toString());
		}
		return List.of(DANTED.toString(), "-f", configFile.toString());
	}

	private boolean awaitRunning(long deadline) throws InterruptedException {
		while (System.nanoTime() < deadline) {
			if (log().contains(" running")) {
				return true;
			}
			if (!Objects.requireNonNull(this.process).isAlive()) {
				return false;
			}
			Thread.sleep(20);
		}
		return false;
	}

	private void signalGroup(String signal) {
		// Signalled only while Dante runs
		Objects.requireNonNull(this.process);
		try {
			Process killer = new ProcessBuilder("kill", "-s", signal, "--", "-" + this.process.pid())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			killer.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (IOException ex) {
			this.process.descendants().forEach(ProcessHandle::destroyForcibly);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void awaitExit() {
		try {
			Objects.requireNonNull(this.process).waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String readQuietly(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	private void killQuietly() {
		try {
			kill();
		}
		catch (RuntimeException ex) {
			// Best effort while the JVM exits.
		}
	}

	private void deleteDirectory() {
		try (Stream<Path> paths = Files.walk(this.directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temporary folder is harmless.
		}
	}

}
