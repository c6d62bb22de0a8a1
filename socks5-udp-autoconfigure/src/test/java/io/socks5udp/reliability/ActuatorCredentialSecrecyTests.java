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

package io.socks5udp.reliability;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.socks5udp.autoconfigure.Socks5UdpConnectionDetails;
import io.socks5udp.autoconfigure.Socks5UdpProperties;
import io.socks5udp.health.Socks5UdpHealthIndicator;
import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.Socks5UdpServerUnavailableException;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * An application with two servers on one embedded relay that requires a password: one
 * configured with the right password, one with a wrong one. Neither password shows up in
 * the log (TRACE for {@code io.socks5udp}, DEBUG for everything else), in the actuator's
 * health, configprops and env endpoints over HTTP (with values shown, so that only the
 * starter's masking hides them), in the exception a send through the refused server
 * throws, or in the {@code toString()} of properties, connection details, options,
 * statuses and health.
 *
 * @author socks5-udp authors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "management.endpoints.web.exposure.include=health,configprops,env",
				"management.endpoint.health.show-details=always", "management.endpoint.env.show-values=always",
				"management.endpoint.configprops.show-values=always", "logging.level.root=DEBUG",
				"logging.level.io.socks5udp=TRACE", "socks5.udp.use-socks5c-config=false",
				"socks5.udp.rules[0].destination=127.0.0.1/32", "socks5.udp.rules[0].server=good",
				"socks5.udp.rules[1].destination=::1/128", "socks5.udp.rules[1].server=bad" })
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class ActuatorCredentialSecrecyTests {

	private static final String USERNAME = "alice";

	private static final String PASSWORD = "right-" + UUID.randomUUID();

	private static final String WRONG_PASSWORD = "wrong-" + UUID.randomUUID();

	private static final String MASK = "******";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final EmbeddedSocks5Relay relay = startRelay();

	private static final UdpEchoServer echo = UdpEchoServer.startIpv4();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	@LocalServerPort
	private int port;

	@Autowired
	private Socks5UdpTemplate template;

	@Autowired
	private Socks5UdpProperties properties;

	@Autowired
	private Socks5UdpConnectionDetails connectionDetails;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		server(registry, "good", PASSWORD);
		server(registry, "bad", WRONG_PASSWORD);
	}

	private static void server(DynamicPropertyRegistry registry, String name, String password) {
		String prefix = "socks5.udp.servers." + name + ".";
		registry.add(prefix + "host", relay::host);
		registry.add(prefix + "port", relay::port);
		registry.add(prefix + "username", () -> USERNAME);
		registry.add(prefix + "password", () -> password);
		registry.add(prefix + "warm", () -> true);
	}

	@AfterAll
	static void stopPeers() {
		relay.close();
		echo.close();
		// The levels set for this class would outlive its context in the shared logback
		LoggingSystem logging = LoggingSystem.get(ActuatorCredentialSecrecyTests.class.getClassLoader());
		logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
		logging.setLogLevel("io.socks5udp", null);
	}

	@Test
	void passwordsAppearNowhereAUserCanSee(CapturedOutput output) throws Exception {
		ManagedAssociation good = this.template.associations().get("good");
		ManagedAssociation bad = this.template.associations().get("bad");
		await().atMost(TIMEOUT).until(() -> good.state() == ManagedAssociation.State.UP);
		await().atMost(TIMEOUT).until(() -> bad.status().failedAttempts() > 0);
		assertTheRightPasswordWorksAndTheWrongOneIsRefused(good, bad);

		String health = get("/actuator/health");
		assertThat(health).contains("\"good\"", "\"bad\"", "S5_EAUTH");
		assertNoPassword("/actuator/health", health);

		String configprops = get("/actuator/configprops");
		assertNoPassword("/actuator/configprops", configprops);
		JsonNode bean = JsonMapper.shared()
			.readTree(configprops)
			.findParents("prefix")
			.stream()
			.filter((candidate) -> "socks5.udp".equals(candidate.path("prefix").asString()))
			.findFirst()
			.orElseThrow();
		for (String name : new String[] { "good", "bad" }) {
			JsonNode server = bean.path("properties").path("servers").path(name);
			assertThat(server.path("password").asString()).as(name + " password").isEqualTo(MASK);
			assertThat(server.path("username").asString()).as(name + " username").isEqualTo(USERNAME);
			JsonNode input = bean.path("inputs").path("servers").path(name);
			assertThat(input.path("password").path("value").asString()).as(name + " password input").isEqualTo(MASK);
			assertThat(input.path("username").path("value").asString()).isEqualTo(USERNAME);
		}

		String env = get("/actuator/env");
		assertNoPassword("/actuator/env", env);
		JsonNode environment = JsonMapper.shared().readTree(env);
		for (String name : new String[] { "good", "bad" }) {
			String prefix = "socks5.udp.servers." + name + ".";
			assertThat(environment.findValue(prefix + "password").path("value").asString()).isEqualTo(MASK);
			assertThat(environment.findValue(prefix + "username").path("value").asString()).isEqualTo(USERNAME);
		}
		String badPassword = get("/actuator/env/socks5.udp.servers.bad.password");
		assertThat(badPassword).contains(MASK);
		assertNoPassword("/actuator/env/socks5.udp.servers.bad.password", badPassword);

		assertNoPassword("properties", this.properties.getServers().get("good") + " "
				+ this.properties.getServers().get("bad") + " " + this.properties);
		assertNoPassword("connection details", String.valueOf(this.connectionDetails));
		assertThat(good.options().toString()).contains(USERNAME);
		assertNoPassword("options", good.options() + " " + bad.options());
		assertNoPassword("status", good.status() + " " + bad.status());
		assertNoPassword("health", new Socks5UdpHealthIndicator(good).health() + " "
				+ new Socks5UdpHealthIndicator(bad).health().toString());

		// The log at every level was captured: the starter's and the core's lines
		// (through java.util.logging) are there, the passwords are not
		assertThat(output.getAll()).contains("Opened UDP association with SOCKS5 server 'good'")
			.contains("Could not open a UDP association with SOCKS5 server 'bad'")
			.contains("Opened Socks5UdpAssociation[name=good");
		assertNoPassword("the log", output.getAll());
	}

	private void assertTheRightPasswordWorksAndTheWrongOneIsRefused(ManagedAssociation good, ManagedAssociation bad)
			throws InterruptedException {
		BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
		this.template
			.addListener((source, payload, route) -> echoes.add(StandardCharsets.US_ASCII.decode(payload).toString()));
		this.template.send("127.0.0.1", echo.port(), "authenticated".getBytes(StandardCharsets.US_ASCII));
		assertThat(echoes.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("authenticated");
		Socks5UdpServerUnavailableException refused = catchThrowableOfType(Socks5UdpServerUnavailableException.class,
				() -> this.template.send("::1", echo.port(), "refused".getBytes(StandardCharsets.US_ASCII)));
		assertThat(refused).as("send through the server with the wrong password").isNotNull();
		assertThat(refused.getMessage()).contains("'bad'", "S5_EAUTH");
		assertNoPassword("the exception", stackTrace(refused));
		assertNoPassword("the last error", stackTrace(bad.status().lastError()));
		assertThat(good.status().lastError()).isNull();
	}

	private String get(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(TIMEOUT)
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			// Health answers 503 while a server is down
			assertThat(response.statusCode()).as(path).isIn(200, 503);
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void assertNoPassword(String where, String text) {
		assertThat(text).as(where).isNotEmpty().doesNotContain(PASSWORD).doesNotContain(WRONG_PASSWORD);
	}

	private static String stackTrace(Throwable failure) {
		StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		return trace.toString();
	}

	private static EmbeddedSocks5Relay startRelay() {
		try {
			return EmbeddedSocks5Relay.builder().user(USERNAME, PASSWORD).build().start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class SecrecyTestApplication {

	}

}
