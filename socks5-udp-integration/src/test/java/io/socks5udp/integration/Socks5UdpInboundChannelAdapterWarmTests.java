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

package io.socks5udp.integration;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.Socks5UdpStartupException;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContextException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link Socks5UdpInboundChannelAdapter} warming the servers it listens on: in
 * an application context, the server an adapter names is associated when the template
 * starts, and checked by its fail-fast, while a server nothing needs is never contacted.
 *
 * @author socks5-udp authors
 */
class Socks5UdpInboundChannelAdapterWarmTests {

	private EmbeddedSocks5Relay relay;

	// A server nothing needs: a connection to it would wait here
	private ServerSocketChannel unused;

	private AnnotationConfigApplicationContext context;

	@BeforeEach
	void start() throws IOException {
		this.relay = EmbeddedSocks5Relay.builder().build().start();
		this.unused = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		this.unused.configureBlocking(false);
	}

	@AfterEach
	void stop() throws IOException {
		if (this.context != null) {
			this.context.close();
		}
		this.unused.close();
		this.relay.close();
	}

	@Test
	void serverTheAdapterListensOnIsAssociatedAtStartAndAnUnusedOneIsNot() throws IOException {
		Socks5UdpTemplate template = template(this.relay.port());
		this.context = context(template, adapter(template, true));
		assertThat(template.associations().get("listened").state()).isEqualTo(ManagedAssociation.State.UP);
		assertThat(this.relay.counters().associationsOpened()).isOne();
		assertThat(template.associations().get("unused").state()).isEqualTo(ManagedAssociation.State.IDLE);
		// The kernel completes a connection's handshake without accept(): one that was
		// made is waiting here
		assertThat(this.unused.accept()).isNull();
	}

	@Test
	void adapterStartedLaterAssociatesItsServerWhenItStarts() throws IOException {
		Socks5UdpTemplate template = template(this.relay.port());
		Socks5UdpInboundChannelAdapter adapter = adapter(template, false);
		this.context = context(template, adapter);
		assertThat(template.associations().get("listened").state()).isEqualTo(ManagedAssociation.State.IDLE);
		assertThat(this.relay.counters().associationsOpened()).isZero();
		adapter.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.relay.counters().associationsOpened() == 1);
		assertThat(this.unused.accept()).isNull();
	}

	@Test
	void failFastChecksTheServerTheAdapterListensOn() throws IOException {
		Socks5UdpTemplate template = template(closedPort());
		assertThatExceptionOfType(ApplicationContextException.class)
			.isThrownBy(() -> this.context = context(template, adapter(template, true)))
			.havingCause()
			.isInstanceOf(Socks5UdpStartupException.class)
			.withMessageContaining("'listened'");
		assertThat(this.unused.accept()).isNull();
	}

	private Socks5UdpTemplate template(int listenedPort) throws IOException {
		Socks5ServerRegistry routes = Socks5ServerRegistry.builder()
			.text("socks5c.conf", "127.0.0.1/32 127.0.0.1:" + listenedPort + "\n")
			.build();
		return Socks5UdpTemplate.builder(routes)
			.server("listened", Socks5AssociationOptions.builder("127.0.0.1", listenedPort).name("listened").build())
			.server("unused",
					Socks5AssociationOptions.builder("127.0.0.1", this.unused.socket().getLocalPort())
						.name("unused")
						.build())
			.failFast(true)
			.build();
	}

	private static Socks5UdpInboundChannelAdapter adapter(Socks5UdpTemplate template, boolean autoStartup) {
		Socks5UdpInboundChannelAdapter adapter = new Socks5UdpInboundChannelAdapter(template);
		adapter.setServerNames("listened");
		adapter.setOutputChannelName("received");
		adapter.setAutoStartup(autoStartup);
		return adapter;
	}

	private static AnnotationConfigApplicationContext context(Socks5UdpTemplate template,
			Socks5UdpInboundChannelAdapter adapter) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.register(IntegrationConfiguration.class);
		context.registerBean("socks5UdpTemplate", Socks5UdpTemplate.class, () -> template);
		context.registerBean("received", QueueChannel.class, () -> new QueueChannel());
		context.registerBean("inbound", Socks5UdpInboundChannelAdapter.class, () -> adapter);
		context.refresh();
		return context;
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class IntegrationConfiguration {

	}

}
