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
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password given the way containers and CI systems give it, as the real environment
 * variable {@code SOCKS5_UDP_SERVERS_ENVSECRET_PASSWORD} (set by the pom's
 * {@code env-secrets} surefire execution), authenticates with the relay and shows up in
 * neither {@code /actuator/env} nor {@code /actuator/env/<that name>}, whichever relaxed
 * form of the key is asked for, with values shown.
 *
 * @author socks5-udp authors
 */
@EnabledIfEnvironmentVariable(named = EnvironmentVariablePasswordSecrecyTests.VARIABLE, matches = ".+",
		disabledReason = "run by the env-secrets surefire execution, which sets the variable")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "management.endpoints.web.exposure.include=env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
				"socks5.udp.use-socks5c-config=false", "socks5.udp.rules[0].destination=127.0.0.1/32",
				"socks5.udp.rules[0].server=envsecret" })
@DirtiesContext
class EnvironmentVariablePasswordSecrecyTests {

	static final String VARIABLE = "SOCKS5_UDP_SERVERS_ENVSECRET_PASSWORD";

	private static final String USERNAME = "alice";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String PASSWORD = System.getenv(VARIABLE);

	private static final EmbeddedSocks5Relay relay = startRelay();

	private static final UdpEchoServer echo = UdpEchoServer.startIpv4();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	@LocalServerPort
	private int port;

	@Autowired
	private Socks5UdpTemplate template;

	@DynamicPropertySource
	static void server(DynamicPropertyRegistry registry) {
		registry.add("socks5.udp.servers.envsecret.host", relay::host);
		registry.add("socks5.udp.servers.envsecret.port", relay::port);
		registry.add("socks5.udp.servers.envsecret.username", () -> USERNAME);
	}

	@AfterAll
	static void stopPeers() {
		relay.close();
		echo.close();
	}

	@Test
	void passwordFromAnEnvironmentVariableAuthenticatesAndIsMaskedInEveryForm() throws InterruptedException {
		BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
		this.template
			.addListener((source, payload, route) -> echoes.add(StandardCharsets.US_ASCII.decode(payload).toString()));
		this.template.send("127.0.0.1", echo.port(), "from-env".getBytes(StandardCharsets.US_ASCII));
		assertThat(echoes.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("echo through the relay")
			.isEqualTo("from-env");

		String env = get("/actuator/env");
		assertThat(env).as("/actuator/env").contains(VARIABLE).doesNotContain(PASSWORD);
		for (String key : new String[] { VARIABLE, "socks5.udp.servers.envsecret.password",
				"socks5.udp.servers[envsecret].password", "SOCKS5_UDP_SERVERS_envsecret_PASSWORD" }) {
			String one = get("/actuator/env/" + key.replace("[", "%5B").replace("]", "%5D"));
			assertThat(one).as("/actuator/env/" + key).doesNotContain(PASSWORD);
		}
		assertThat(get("/actuator/env/" + VARIABLE)).contains("******");
		assertThat(get("/actuator/configprops")).as("/actuator/configprops").doesNotContain(PASSWORD);
	}

	private String get(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(TIMEOUT)
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isIn(200, 404);
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
	static class EnvironmentSecretApplication {

	}

}
