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

package io.socks5udp.test.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import io.socks5udp.test.dante.DanteContainer;
import io.socks5udp.test.dante.DanteUsers;
import io.socks5udp.test.dante.LocalDante;

/**
 * Checks for what the suites against real peers need: Dante, a Docker daemon with the
 * Dante image, the local test account, PySocks. Where something is missing, the test is
 * aborted (reported as skipped) with a message that names it and how to install it.
 * <p>
 * Where the environment variable {@value #REQUIRE_ALL_VARIABLE} is {@code true}, as
 * {@code .ci/run} sets it, a missing prerequisite fails the test instead: in CI these
 * suites must run.
 *
 * @author socks5-udp authors
 */
public final class TestEnvironment {

	/** Environment variable that turns missing prerequisites into failures. */
	public static final String REQUIRE_ALL_VARIABLE = "SOCKS5UDP_REQUIRE_ALL";

	/** The Python that sees Debian's python3-socks package. */
	public static final Path PYTHON = Path.of("/usr/bin/python3");

	private static final long PROBE_TIMEOUT_SECONDS = 20;

	private TestEnvironment() {
	}

	/**
	 * Return whether missing prerequisites fail tests rather than skip them.
	 * @return whether {@value #REQUIRE_ALL_VARIABLE} is {@code true}
	 */
	public static boolean requireAll() {
		return "true".equalsIgnoreCase(System.getenv(REQUIRE_ALL_VARIABLE));
	}

	/**
	 * Require {@code /usr/sbin/danted} and a root user to run it as (its configuration
	 * says {@code user.privileged: root}).
	 */
	public static void requireDanted() {
		require(Files.isExecutable(LocalDante.DANTED),
				"Dante is not installed: " + LocalDante.DANTED + " is missing (apt-get install -y dante-server)");
		require("root".equals(System.getProperty("user.name")),
				"The local Dante needs root (user.privileged: root, user.unprivileged: nobody); the tests run as "
						+ System.getProperty("user.name"));
	}

	/**
	 * Require a Docker daemon that answers and the Dante image
	 * ({@value DanteContainer#IMAGE}).
	 */
	public static void requireDocker() {
		require(DockerProbe.isDockerAvailable(),
				"No Docker daemon answers (apt-get install -y docker.io, then start it: dockerd --bridge=none "
						+ "--iptables=false --ip-masq=false --storage-driver=vfs &; .ci/run does both)");
		require(DockerProbe.hasImage(DanteContainer.IMAGE), "Docker image " + DanteContainer.IMAGE
				+ " is missing (build it: socks5-udp-test/src/docker/build-dante-image.sh)");
	}

	/**
	 * Require the local account Dante's username method checks ({@link DanteUsers}).
	 */
	public static void requireTestUser() {
		require(hasLocalUser(DanteUsers.USERNAME),
				"Local user " + DanteUsers.USERNAME + " for Dante's username method is missing (as root: useradd -M "
						+ "-s /usr/sbin/nologin " + DanteUsers.USERNAME + " && echo '" + DanteUsers.USERNAME + ":"
						+ DanteUsers.PASSWORD + "' | chpasswd)");
	}

	/**
	 * Require PySocks, importable by {@code /usr/bin/python3}.
	 */
	public static void requirePySocks() {
		require(Files.isExecutable(PYTHON) && exitsWithZero(PYTHON.toString(), "-c", "import socks"),
				"PySocks is not importable by " + PYTHON + " (apt-get install -y python3-socks)");
	}

	/**
	 * Require a prerequisite of the calling test: skip the test, saying why, if it is
	 * missing, or fail it where {@value #REQUIRE_ALL_VARIABLE} is {@code true}.
	 * @param present whether the prerequisite is there
	 * @param message what is missing and how to get it
	 */
	public static void require(boolean present, String message) {
		require(present, message, requireAll());
	}

	static void require(boolean present, String message, boolean requireAll) {
		if (present) {
			return;
		}
		if (requireAll) {
			Assertions.fail(message + " [" + REQUIRE_ALL_VARIABLE + "=true: required here]");
		}
		Assumptions.abort(message);
	}

	private static boolean hasLocalUser(String name) {
		try {
			return Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)
				.stream()
				.anyMatch((line) -> line.startsWith(name + ":"));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean exitsWithZero(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return false;
			}
			return process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
