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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5UdpAutoConfiguration} with associations opened on demand: a
 * server nothing routes to is never contacted, warm servers are, and fail-fast checks
 * only them.
 *
 * @author socks5-udp authors
 */
class Socks5UdpAutoConfigurationOnDemandTests {

	private static final int SERVERS = 40;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(Socks5UdpAutoConfiguration.class))
		.withPropertyValues("socks5.udp.use-socks5c-config=false");

	private final List<ServerSocketChannel> listeners = new ArrayList<>();

	private EmbeddedSocks5Relay relay;

	private UdpEchoServer echo;

	@BeforeEach
	void startPeers() throws IOException {
		this.relay = EmbeddedSocks5Relay.builder().build().start();
		this.echo = UdpEchoServer.startIpv4();
	}

	@AfterEach
	void stopPeers() throws IOException {
		for (ServerSocketChannel listener : this.listeners) {
			listener.close();
		}
		this.relay.close();
		this.echo.close();
	}

	@Test
	void ofFortyServersARunThatNeedsOneConnectsOnlyToThatOne(@TempDir Path folder) throws IOException {
		StringBuilder conf = new StringBuilder();
		for (int i = 1; i < SERVERS; i++) {
			conf.append("10.0.").append(i).append(".0/24 127.0.0.1:").append(listen()).append('\n');
		}
		conf.append("127.0.0.1/32 127.0.0.1:").append(this.relay.port()).append('\n');
		Path file = Files.writeString(folder.resolve("socks5c.conf"), conf, StandardCharsets.US_ASCII);
		this.contextRunner.withPropertyValues("socks5.udp.config-file=" + file, "socks5.udp.fail-fast=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Socks5UdpTemplate template = context.getBean(Socks5UdpTemplate.class);
				assertThat(template.associations()).hasSize(SERVERS);
				assertThat(template.associations().values()).extracting(ManagedAssociation::state)
					.containsOnly(ManagedAssociation.State.IDLE);
				BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
				template.addListener((source, payload, route) -> echoes
					.add(route.serverName() + " " + StandardCharsets.US_ASCII.decode(payload)));
				template.send("127.0.0.1", this.echo.port(), "needed".getBytes(StandardCharsets.US_ASCII));
				assertThat(echoes.poll(20, TimeUnit.SECONDS)).isEqualTo("127.0.0.1:" + this.relay.port() + " needed");
			});
		assertThat(this.relay.counters().associationsOpened()).isOne();
		for (ServerSocketChannel listener : this.listeners) {
			// The kernel completes a connection's handshake without accept(): one that
			// was made is waiting here
			assertThat(listener.accept()).as("a connection to %s", listener.getLocalAddress()).isNull();
		}
	}

	@Test
	void warmServerIsAssociatedAtStartupAndFailFastChecksOnlyIt() throws IOException {
		int unused = listen();
		this.contextRunner
			.withPropertyValues("socks5.udp.fail-fast=true", "socks5.udp.servers.corp.host=127.0.0.1",
					"socks5.udp.servers.corp.port=" + this.relay.port(), "socks5.udp.servers.corp.warm=true",
					"socks5.udp.servers.spare.host=127.0.0.1", "socks5.udp.servers.spare.port=" + unused,
					"socks5.udp.rules[0].destination=0.0.0.0/0", "socks5.udp.rules[0].server=spare")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Socks5UdpTemplate template = context.getBean(Socks5UdpTemplate.class);
				assertThat(template.associations().get("corp").state()).isEqualTo(ManagedAssociation.State.UP);
				assertThat(template.associations().get("spare").state()).isEqualTo(ManagedAssociation.State.IDLE);
			});
		assertThat(this.listeners.get(0).accept()).isNull();
	}

	@Test
	void localhostTakesTheRuleOfItsAddressAndGoesDirectPastADeadCatchAllServer() {
		this.contextRunner
			.withPropertyValues("socks5.udp.rules[0].destination=127.0.0.0/8", "socks5.udp.rules[0].server=NONE",
					"socks5.udp.rules[1].destination=0.0.0.0/0", "socks5.udp.rules[1].server=127.0.0.1:1",
					"socks5.udp.fail-fast=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Socks5UdpTemplate template = context.getBean(Socks5UdpTemplate.class);
				BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
				template.addListener((source, payload, route) -> echoes
					.add(route.serverName() + " " + StandardCharsets.US_ASCII.decode(payload)));
				assertThat(template.send("localhost", this.echo.port(), "by name".getBytes(StandardCharsets.US_ASCII))
					.isDirect()).isTrue();
				assertThat(echoes.poll(20, TimeUnit.SECONDS)).isEqualTo("DIRECT by name");
				assertThat(template.associations().get("127.0.0.1:1").state()).isEqualTo(ManagedAssociation.State.IDLE);
			});
	}

	@Test
	void withoutLocalResolutionNamesTakeTheCatchAllRule() {
		this.contextRunner
			.withPropertyValues("socks5.udp.rules[0].destination=127.0.0.0/8", "socks5.udp.rules[0].server=NONE",
					"socks5.udp.rules[1].destination=0.0.0.0/0", "socks5.udp.rules[1].server=127.0.0.1:1",
					"socks5.udp.resolve-names-locally=false")
			.run((context) -> assertThat(
					context.getBean(Socks5UdpTemplate.class).registry().lookup("localhost").server().name())
				.isEqualTo("127.0.0.1:1"));
	}

	@Test
	void warmServersListMustNameKnownServers() {
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1", "socks5.udp.warm-servers=corp,other")
			.run((context) -> {
				Socks5UdpConfigurationException failure = ConfigurationFailures.of(context);
				assertThat(failure.property()).isEqualTo("socks5.udp.warm-servers");
				assertThat(failure).hasMessage(
						"Property socks5.udp.warm-servers with value 'other' is invalid: warm server 'other' is not configured");
			});
	}

	@Test
	void deprecatedAssociateOnStartupWarmsEveryServer() {
		this.contextRunner
			.withPropertyValues("socks5.udp.associate-on-startup=true", "socks5.udp.servers.corp.host=127.0.0.1",
					"socks5.udp.servers.corp.port=" + this.relay.port(), "socks5.udp.idle-timeout=0")
			.run((context) -> assertThat(context.getBean(Socks5UdpTemplate.class).associations().get("corp").isWarm())
				.isTrue());
	}

	@Test
	void negativeIdleTimeoutNamesTheProperty() {
		this.contextRunner.withPropertyValues("socks5.udp.idle-timeout=-1s")
			.run((context) -> assertThat(ConfigurationFailures.of(context).property())
				.isEqualTo("socks5.udp.idle-timeout"));
	}

	private int listen() throws IOException {
		ServerSocketChannel listener = ServerSocketChannel.open();
		listener.bind(new InetSocketAddress("127.0.0.1", 0));
		listener.configureBlocking(false);
		this.listeners.add(listener);
		return ((InetSocketAddress) listener.getLocalAddress()).getPort();
	}

}
