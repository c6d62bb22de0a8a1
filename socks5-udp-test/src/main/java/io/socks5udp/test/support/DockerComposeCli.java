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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The Docker Compose v2 command line, which Spring Boot's Docker Compose support drives:
 * {@code docker compose} (the CLI plugin) or a standalone {@code docker-compose} of
 * version 2, looked up on the {@code PATH} in that order, as Boot does. Compose v1 (the
 * Python {@code docker-compose} 1.x of Debian 12) answers neither Boot's
 * {@code config --format=json} nor its {@code ps --format=json}, so it does not count.
 *
 * @author socks5-udp authors
 */
public final class DockerComposeCli {

	private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"v?(\\d+)\\.");

	private static final long TIMEOUT_SECONDS = 120;

	private final List<String> command;

	private DockerComposeCli(List<String> command) {
		this.command = command;
	}

	/**
	 * Return the Compose v2 command line, or abort the test (reported as skipped) where
	 * there is none; where {@value TestEnvironment#REQUIRE_ALL_VARIABLE} is {@code true},
	 * as {@code .ci/run} sets it after installing Compose v2, fail it instead.
	 * @return the command line
	 */
	public static DockerComposeCli require() {
		for (List<String> command : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
			if (isVersion2(command)) {
				return new DockerComposeCli(command);
			}
		}
		TestEnvironment.require(false,
				"No Docker Compose v2 on the PATH (neither 'docker compose' nor a 'docker-compose' of version 2),"
						+ " which Spring Boot's Docker Compose support needs; Debian 13 packages it as docker-compose"
						+ " (.ci/run installs it)",
				TestEnvironment.requireAll());
		throw new IllegalStateException("unreachable");
	}

	/**
	 * Abort the test (reported as skipped) unless the Docker daemon answers and holds the
	 * image; fail it instead where {@value TestEnvironment#REQUIRE_ALL_VARIABLE} is
	 * {@code true}. Through the {@code docker} command line, which Compose needs anyway,
	 * so that modules without Testcontainers can ask too.
	 * @param image the image, such as
	 * {@value io.socks5udp.test.dante.DanteContainer#IMAGE}
	 * @return this command line
	 */
	public DockerComposeCli requireImage(String image) {
		TestEnvironment.require(run(List.of("docker", "image", "inspect", "--format", "{{.Id}}", image)) != null,
				"Docker image " + image + " is missing or no Docker daemon answers (build the image:"
						+ " socks5-udp-test/src/docker/build-dante-image.sh)",
				TestEnvironment.requireAll());
		return this;
	}

	/**
	 * Stop and remove the services of a Compose file, whatever state they are in.
	 * @param composeFile the Compose file
	 * @param globalArguments arguments before the command, as given to Spring Boot in
	 * {@code spring.docker.compose.arguments} ({@code --env-file},
	 * {@code --project-name})
	 */
	public void down(Path composeFile, String... globalArguments) {
		List<String> down = new ArrayList<>(this.command);
		down.addAll(List.of(globalArguments));
		down.addAll(List.of("--file", composeFile.toString(), "down", "--timeout", "1"));
		run(down);
	}

	@Override
	public String toString() {
		return String.join(" ", this.command);
	}

	private static boolean isVersion2(List<String> command) {
		List<String> version = new ArrayList<>(command);
		version.addAll(List.of("version", "--format", "json"));
		String output = run(version);
		Matcher matcher = VERSION.matcher((output != null) ? output : "");
		return matcher.find() && Integer.parseInt(matcher.group(1)) >= 2;
	}

	private static @Nullable String run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return null;
			}
			return (process.exitValue() == 0) ? new String(output, StandardCharsets.UTF_8) : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
