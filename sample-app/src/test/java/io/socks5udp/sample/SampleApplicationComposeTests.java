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

package io.socks5udp.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import io.socks5udp.test.support.DockerComposeCli;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with its compose profile: Spring Boot's Docker Compose support starts the
 * Dante of the sample's {@code compose.yaml}, which the starter then uses with no
 * {@code socks5.udp} property. On a port of its own ({@code DANTE_PORT} in an env file)
 * and under a project name of its own, so that a Dante the developer started from the
 * same file is left alone. Skipped where there is no Compose v2 or no Docker with the
 * Dante image.
 *
 * @author socks5-udp authors
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationComposeTests {

	private static final Path COMPOSE_FILE = Path.of("compose.yaml");

	/** The image of the compose file's Dante service. */
	private static final String DANTE_IMAGE = "socks5-udp/dante:1.4.2";

	@TempDir
	Path directory;

	private DockerComposeCli compose;

	private String[] composeArguments;

	@BeforeEach
	void requireComposeAndDocker() {
		this.compose = DockerComposeCli.require().requireImage(DANTE_IMAGE);
	}

	@AfterEach
	void removeServices() {
		if (this.composeArguments != null) {
			this.compose.down(COMPOSE_FILE, this.composeArguments);
		}
	}

	@Test
	void pingsThroughTheDanteOfTheComposeFile(CapturedOutput output) throws IOException {
		int port = freePort();
		Path envFile = Files.writeString(this.directory.resolve("dante.env"), "DANTE_PORT=" + port + "\n");
		this.composeArguments = new String[] { "--env-file", envFile.toString(), "--project-name",
				"socks5udp-sample-test-" + port };
		try (UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			// No warm-up: the echo server then sees the counted pings alone
			int status = SampleApplication.run("--spring.profiles.active=compose",
					"--spring.docker.compose.file=" + COMPOSE_FILE.toAbsolutePath(),
					"--spring.docker.compose.skip.in-tests=false",
					"--spring.docker.compose.arguments=" + String.join(",", this.composeArguments),
					"--sample.target=" + echo.host() + ":" + echo.port(), "--sample.count=100", "--sample.warmup=0s");
			assertThat(status).isZero();
			assertThat(echo.datagramCount()).isEqualTo(100);
		}
		PingSummaryLine summary = PingSummaryLine.only(output.getOut());
		assertThat(summary.received()).isEqualTo(100);
		assertThat(summary.lost()).isZero();
		assertThat(summary.server()).isEqualTo("dante");
		assertThat(summary.relay()).startsWith("127.0.0.1:");
	}

	private static int freePort() throws IOException {
		// The sample's Dante listens on 127.0.0.1 only
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
	}

}
