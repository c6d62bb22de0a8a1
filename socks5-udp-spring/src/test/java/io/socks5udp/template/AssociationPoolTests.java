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

package io.socks5udp.template;

import java.net.ConnectException;
import java.net.StandardSocketOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.socks5udp.core.client.Socks5AssociationOptions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.socks5udp.template.TemplateFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AssociationPool}: servers configured up front and servers first routed
 * to by a rule get the same customizations.
 *
 * @author socks5-udp authors
 */
class AssociationPoolTests {

	private static final long TIMEOUT_SECONDS = TemplateFixture.TIMEOUT_SECONDS;

	@RegisterExtension
	final TemplateFixture fixture = new TemplateFixture();

	@Test
	void serverFirstRoutedToAfterStartGetsTheChannelCustomizers() throws Exception {
		String server = "127.0.0.1:" + this.fixture.relay().port();
		List<String> customized = new CopyOnWriteArrayList<>();
		Socks5UdpTemplate template = this.fixture.start(Socks5UdpTemplate
			.builder(TemplateFixture.registry(this.fixture.relay().port(), "127.0.0.1/32 " + server))
			.channelCustomizers(List
				.of((channel) -> customized.add((channel.getLocalAddress() != null) ? "association" : "direct"))));
		Socks5UdpRoute route = template.send("127.0.0.1", this.fixture.echo().port(), bytes("added"));
		assertThat(route.serverName()).isEqualTo(server);
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("added");
		assertThat(customized).containsExactly("association");
	}

	@Test
	void serverFirstRoutedToAfterStartGetsTheOptionsCustomizers() throws Exception {
		String server = "127.0.0.1:" + this.fixture.relay().port();
		List<String> customized = new CopyOnWriteArrayList<>();
		Socks5UdpTemplate template = this.fixture.start(Socks5UdpTemplate
			.builder(TemplateFixture.registry(this.fixture.relay().port(), "127.0.0.1/32 " + server))
			.optionsCustomizers(List.of((name, options) -> {
				customized.add(name);
				options.connectedChannel(false);
			})));
		template.send("127.0.0.1", this.fixture.echo().port(), bytes("added"));
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("added");
		assertThat(customized).containsExactly(server);
		assertThat(template.associations().get(server).options().connectedChannel()).isFalse();
	}

	@Test
	void configuredServerGetsTheOptionsCustomizersOnceBeforeTheChannelCustomizers() throws Exception {
		List<String> customized = new CopyOnWriteArrayList<>();
		this.fixture
			.start(this.fixture.warmBuilder("127.0.0.1/32 relay").optionsCustomizers(List.of((name, options) -> {
				customized.add("options of " + name);
				options.channelConfigurer((channel) -> customized.add("configurer of " + name));
			})).channelCustomizers(List.of((channel) -> customized.add("channel customizer"))));
		this.fixture.events().awaitOpened();
		assertThat(customized).containsExactly("options of relay", "configurer of relay", "channel customizer");
	}

	@Test
	void channelCustomizersReachTheAssociationsChannel() throws Exception {
		List<String> customized = new CopyOnWriteArrayList<>();
		this.fixture.start(this.fixture.warmBuilder("127.0.0.1/32 relay").channelCustomizers(List.of((channel) -> {
			channel.setOption(StandardSocketOptions.SO_RCVBUF, 262144);
			customized.add((channel.getLocalAddress() != null) ? "association" : "direct");
		})));
		this.fixture.events().awaitOpened();
		assertThat(customized).containsExactly("association");
		this.fixture.template().send("127.0.0.1", this.fixture.echo().port(), bytes("customized"));
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("customized");
	}

	@Test
	void failFastStartFailsWhenTheServerIsUnreachable() throws Exception {
		int closedPort = TemplateFixture.closedPort();
		Socks5UdpTemplate template = this.fixture
			.use(Socks5UdpTemplate.builder(TemplateFixture.registry(closedPort, "127.0.0.1/32 relay"))
				.server("relay", Socks5AssociationOptions.builder("127.0.0.1", closedPort).name("relay").build())
				.warmServers(List.of("relay"))
				.failFast(true)
				.build());
		assertThatExceptionOfType(Socks5UdpStartupException.class).isThrownBy(template::start)
			.withMessageStartingWith("Could not open a UDP association with SOCKS5 server 'relay' at 127.0.0.1:"
					+ closedPort + ": ConnectException")
			.withCauseInstanceOf(ConnectException.class);
		assertThat(template.isRunning()).isFalse();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void failFastStartDoesNotClaimToRetry(CapturedOutput output) throws Exception {
		int closedPort = TemplateFixture.closedPort();
		Socks5UdpTemplate template = this.fixture
			.use(Socks5UdpTemplate.builder(TemplateFixture.registry(closedPort, "127.0.0.1/32 relay"))
				.server("relay", Socks5AssociationOptions.builder("127.0.0.1", closedPort).name("relay").build())
				.warmServers(List.of("relay"))
				.failFast(true)
				.build());
		assertThatExceptionOfType(Socks5UdpStartupException.class).isThrownBy(template::start);
		assertThat(output).doesNotContain("retrying with backoff");
		assertThat(template.associations().get("relay").status().failedAttempts()).isEqualTo(1);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void withoutFailFastAFailedStartSaysItRetries(CapturedOutput output) throws Exception {
		int closedPort = TemplateFixture.closedPort();
		Socks5UdpTemplate template = this.fixture
			.use(Socks5UdpTemplate.builder(TemplateFixture.registry(closedPort, "127.0.0.1/32 relay"))
				.server("relay", Socks5AssociationOptions.builder("127.0.0.1", closedPort).name("relay").build())
				.warmServers(List.of("relay"))
				.build());
		template.addAssociationListener(this.fixture.events());
		template.start();
		this.fixture.events().awaitFailed();
		Awaitility.await()
			.atMost(Duration.ofSeconds(TIMEOUT_SECONDS))
			.untilAsserted(() -> assertThat(output).contains("retrying with backoff"));
	}

	@Test
	void serverWrittenAsAnAddressInARuleGetsAnAssociationOnFirstUse() throws Exception {
		String server = "127.0.0.1:" + this.fixture.relay().port();
		this.fixture.start(Socks5UdpTemplate
			.builder(TemplateFixture.registry(this.fixture.relay().port(), "127.0.0.1/32 " + server)));
		assertThat(this.fixture.template().associations()).isEmpty();
		Socks5UdpRoute route = this.fixture.template().send("127.0.0.1", this.fixture.echo().port(), bytes("dynamic"));
		assertThat(route.serverName()).isEqualTo(server);
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("dynamic");
		assertThat(this.fixture.template().associations()).containsOnlyKeys(server);
	}

}
