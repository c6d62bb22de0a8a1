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

package io.socks5udp.autoconfigure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.template.Socks5UdpRoute;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.dante.DanteConfig;
import io.socks5udp.test.dante.DanteSocksMethod;
import io.socks5udp.test.dante.DanteUsers;
import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of an application with the SOCKS5 UDP auto-configuration against Dante, the
 * reference server, running as a local process on loopback.
 *
 * @author socks5-udp authors
 */
class Socks5UdpAutoConfigurationDanteTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	private LocalDante dante;

	private UdpEchoServer viaDante;

	private UdpEchoServer direct;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void startEchoServers() {
		TestEnvironment.requireDanted();
		this.viaDante = UdpEchoServer.startIpv4();
		this.direct = UdpEchoServer.startIpv4();
	}

	@AfterEach
	void stopAll() {
		if (this.context != null) {
			this.context.close();
		}
		if (this.dante != null) {
			this.dante.close();
		}
		this.viaDante.close();
		this.direct.close();
	}

	@Test
	void sendsAndReceivesThroughDanteAndDirectlyByRule() throws Exception {
		this.dante = LocalDante.start();
		Socks5UdpTemplate template = startApplication();
		Socks5UdpRoute route = template.send("localhost", this.viaDante.port(), bytes("through dante"));
		Received echoed = awaitReceived();
		assertThat(route.serverName()).isEqualTo("corp");
		assertThat(echoed.text()).isEqualTo("through dante");
		assertThat(echoed.route().serverName()).isEqualTo("corp");
		assertThat(echoed.source().port()).isEqualTo(this.viaDante.port());
		template.send("127.0.0.1", this.direct.port(), ByteBuffer.wrap(bytes("around dante")));
		Received directEcho = awaitReceived();
		assertThat(directEcho.text()).isEqualTo("around dante");
		assertThat(directEcho.route().isDirect()).isTrue();
		int directPort = template.directLocalAddress().getPort();
		assertThat(this.direct.lastSender().getPort()).isEqualTo(directPort);
		assertThat(this.viaDante.lastSender()).isNotEqualTo(this.direct.lastSender());
		assertThat(this.viaDante.lastSender().getPort()).isNotEqualTo(directPort);
		Socks5UdpDatagram reply = template.sendAndReceive("localhost", this.viaDante.port(), bytes("query"), TIMEOUT);
		assertThat(StandardCharsets.US_ASCII.decode(reply.payload()).toString()).isEqualTo("query");
	}

	@Test
	void healthFollowsDanteDownAndUpAndTrafficResumes() throws Exception {
		this.dante = LocalDante.start();
		Socks5UdpTemplate template = startApplication("socks5.udp.reconnect.max-delay=500ms");
		Health up = awaitHealth(Status.UP);
		assertThat(up.getDetails()).containsKeys("relayAddress", "associationAge")
			.containsEntry("server", "127.0.0.1:" + this.dante.port());
		this.dante.kill();
		Health down = awaitHealth(Status.DOWN);
		assertThat(down.getDetails()).containsKeys("error", "since", "message", "failedAttempts");
		assertThat((String) down.getDetails().get("error")).isIn("S5_ENOTCONN", "ConnectException");
		this.dante.restart();
		Health upAgain = awaitHealth(Status.UP);
		assertThat(upAgain.getDetails().get("relayAddress")).isNotNull();
		template.send("localhost", this.viaDante.port(), bytes("after restart"));
		assertThat(awaitReceived().text()).isEqualTo("after restart");
	}

	@Test
	void authenticatesWithUsernameAndPassword() throws Exception {
		TestEnvironment.requireTestUser();
		this.dante = LocalDante.start(DanteConfig.builder().socksMethod(DanteSocksMethod.USERNAME).build());
		Socks5UdpTemplate template = startApplication("socks5.udp.servers.corp.username=" + DanteUsers.USERNAME,
				"socks5.udp.servers.corp.password=" + DanteUsers.PASSWORD);
		awaitHealth(Status.UP);
		template.send("localhost", this.viaDante.port(), bytes("authenticated"));
		assertThat(awaitReceived().text()).isEqualTo("authenticated");
	}

	@Test
	void wrongPasswordIsReportedDownWithTheAuthenticationFailureNamed() throws Exception {
		TestEnvironment.requireTestUser();
		this.dante = LocalDante.start(DanteConfig.builder().socksMethod(DanteSocksMethod.USERNAME).build());
		startApplication("socks5.udp.servers.corp.username=" + DanteUsers.USERNAME,
				"socks5.udp.servers.corp.password=not-the-password");
		Health down = awaitHealth(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("error", "S5_EAUTH");
		assertThat(down.getDetails().toString()).doesNotContain("not-the-password");
	}

	private Socks5UdpTemplate startApplication(String... properties) {
		Map<String, Object> defaults = Map.of("socks5.udp.servers.corp.host", this.dante.host(),
				"socks5.udp.servers.corp.port", this.dante.port(), "socks5.udp.rules[0].destination", "localhost",
				"socks5.udp.rules[0].server", "corp", "socks5.udp.rules[1].destination", "127.0.0.0/8",
				"socks5.udp.rules[1].server", "NONE", "socks5.udp.use-socks5c-config", false,
				"socks5.udp.servers.corp.warm", true);
		this.context = new SpringApplicationBuilder(DanteTestApplication.class).web(WebApplicationType.NONE)
			.properties(defaults)
			.properties(properties)
			.run();
		Socks5UdpTemplate template = this.context.getBean(Socks5UdpTemplate.class);
		template.addListener((source, payload, route) -> this.received
			.add(new Received(source, StandardCharsets.US_ASCII.decode(payload).toString(), route)));
		return template;
	}

	private Health awaitHealth(Status status) {
		HealthContributorRegistry registry = this.context.getBean(HealthContributorRegistry.class);
		CompositeHealthContributor composite = (CompositeHealthContributor) registry.getContributor("socks5Udp");
		HealthIndicator corp = (HealthIndicator) composite.getContributor("corp");
		return await().atMost(TIMEOUT).until(corp::health, (health) -> health.getStatus().equals(status));
	}

	private Received awaitReceived() throws InterruptedException {
		Received next = this.received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(next).as("a datagram received").isNotNull();
		return next;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private record Received(Socks5Address source, String text, Socks5UdpRoute route) {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class DanteTestApplication {

	}

}
