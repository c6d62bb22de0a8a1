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

package io.socks5udp.autoconfigure.docker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.socks5udp.autoconfigure.Socks5UdpConnectionDetails;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.dante.DanteConfig;
import io.socks5udp.test.dante.DanteContainer;
import io.socks5udp.test.dante.DanteSocksMethod;
import io.socks5udp.test.dante.DanteUsers;
import io.socks5udp.test.support.DockerComposeCli;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests that a Dante service of a Compose file is the server of an application that sets
 * no {@code socks5.udp} property, with Spring Boot's Docker Compose support running the
 * Compose v2 command line against the local Docker daemon: Boot starts the service, waits
 * until its exposed port accepts connections, and hands it to
 * {@link DanteDockerComposeConnectionDetailsFactory}. Skipped where there is no Compose
 * v2 ({@link DockerComposeCli}) or no Docker with the Dante image.
 *
 * @author socks5-udp authors
 */
class DanteDockerComposeTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@TempDir
	Path directory;

	private DockerComposeCli compose;

	private Path composeFile;

	private UdpEchoServer echo;

	@BeforeEach
	void requireComposeAndDocker() {
		this.compose = DockerComposeCli.require().requireImage(DanteContainer.IMAGE);
		this.echo = UdpEchoServer.startIpv4();
	}

	@AfterEach
	void removeServices() {
		if (this.composeFile != null) {
			this.compose.down(this.composeFile);
		}
		if (this.echo != null) {
			this.echo.close();
		}
	}

	@Test
	void danteServiceWithCredentialLabelsCarriesTheTrafficWithoutProperties() throws IOException {
		int port = freeLoopbackPort();
		writeCompose(port, DanteSocksMethod.USERNAME, """
				      io.socks5udp.dante.host: "127.0.0.1"
				      io.socks5udp.dante.username: "%s"
				      io.socks5udp.dante.password: "%s"
				""".formatted(DanteUsers.USERNAME, DanteUsers.PASSWORD));
		try (ConfigurableApplicationContext context = run()) {
			Socks5UdpConnectionDetails details = context.getBean(Socks5UdpConnectionDetails.class);
			assertThat(details).hasToString("DanteDockerComposeConnectionDetails[dante=127.0.0.1:" + port
					+ " (username " + DanteUsers.USERNAME + ", password ******)]");
			Socks5UdpTemplate template = context.getBean(Socks5UdpTemplate.class);
			Socks5UdpDatagram reply = template.sendAndReceive("127.0.0.1", this.echo.port(),
					"via compose".getBytes(StandardCharsets.US_ASCII), TIMEOUT);
			assertThat(StandardCharsets.US_ASCII.decode(reply.payload()).toString()).isEqualTo("via compose");
			assertThat(this.echo.datagramCount()).isEqualTo(1);
			ManagedAssociation association = template.associations().get("dante");
			assertThat(association).isNotNull();
			assertThat(association.serverAddress()).isEqualTo("127.0.0.1:" + port);
			assertThat(template.directTraffic().datagramsSent()).isZero();
		}
	}

	@Test
	void wrongPortLabelStopsTheApplicationNamingTheLabel() throws IOException {
		int port = freeLoopbackPort();
		writeCompose(port, DanteSocksMethod.NONE, """
				      io.socks5udp.dante.port: "70000"
				""");
		Throwable failure = catchThrowable(this::run);
		assertThat(failure).isInstanceOf(IllegalStateException.class)
			.hasMessageEndingWith("(image docker.io/" + DanteContainer.IMAGE
					+ ") label io.socks5udp.dante.port: '70000' (expected: 1-65535)");
		assertThat(this.echo.datagramCount()).isZero();
	}

	private ConfigurableApplicationContext run() {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.properties("spring.docker.compose.file=" + this.composeFile, "spring.docker.compose.skip.in-tests=false",
					"spring.docker.compose.lifecycle-management=start-only", "spring.main.banner-mode=off")
			.run();
	}

	private void writeCompose(int port, DanteSocksMethod socksMethod, String labels) throws IOException {
		DanteConfig config = DanteConfig.builder().port(port).socksMethod(socksMethod).build().withLogOutput("stderr");
		Files.writeString(this.directory.resolve("danted.conf"), config.render());
		// Host networking: Dante relays through UDP ports it picks, which no ports: entry
		// could publish. Boot waits on the exposed port until Dante accepts connections;
		// with the protocol spelled out, since Docker 20.10 reports a bare "11080" as it
		// is, which Boot 4.0 cannot parse ("Unable to parse container port").
		String compose = """
				services:
				  dante:
				    image: %s
				    network_mode: host
				    expose:
				      - "%d/tcp"
				    volumes:
				      - ./danted.conf:%s:ro
				    labels:
				%s""".formatted(DanteContainer.IMAGE, port, DanteContainer.CONFIG_PATH, labels);
		this.composeFile = Files.writeString(this.directory.resolve("compose.yaml"), compose);
	}

	private static int freeLoopbackPort() throws IOException {
		// Dante listens on both loopback addresses, so the port must be free on both
		for (int attempt = 0; attempt < 20; attempt++) {
			try (ServerSocket ipv4 = new ServerSocket()) {
				ipv4.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
				try (ServerSocket ipv6 = new ServerSocket()) {
					ipv6.bind(new InetSocketAddress(InetAddress.getByName("::1"), ipv4.getLocalPort()));
					return ipv4.getLocalPort();
				}
				catch (IOException ex) {
					// taken on ::1, try another
				}
			}
		}
		throw new IOException("No TCP port free on both 127.0.0.1 and ::1");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
