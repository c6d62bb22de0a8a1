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

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.registry.Socks5ConfigParser;
import io.socks5udp.core.registry.Socks5Rule;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.core.registry.Socks5ServerResolver;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The peers of a template test, started before each test and stopped after it: the
 * embedded relay (server {@code relay}), a UDP echo server on loopback, and the template
 * under test with a listener that records what arrives and an {@link AssociationEvents}.
 *
 * @author socks5-udp authors
 */
class TemplateFixture implements BeforeEachCallback, AfterEachCallback {

	static final long TIMEOUT_SECONDS = 20;

	private final AssociationEvents events = new AssociationEvents();

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	private EmbeddedSocks5Relay relay;

	private UdpEchoServer echo;

	private Socks5UdpTemplate template;

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		this.relay = EmbeddedSocks5Relay.builder().build().start();
		this.echo = UdpEchoServer.startIpv4();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.template != null) {
			this.template.stop();
		}
		this.relay.close();
		this.echo.close();
	}

	EmbeddedSocks5Relay relay() {
		return this.relay;
	}

	UdpEchoServer echo() {
		return this.echo;
	}

	AssociationEvents events() {
		return this.events;
	}

	Socks5UdpTemplate template() {
		return this.template;
	}

	/**
	 * Take a template built elsewhere, to stop it after the test.
	 * @param template the template
	 * @return the template
	 */
	Socks5UdpTemplate use(Socks5UdpTemplate template) {
		this.template = template;
		return template;
	}

	/**
	 * Build the template, add the recording listeners and start it.
	 * @param builder the builder
	 * @return the started template
	 */
	Socks5UdpTemplate start(Socks5UdpTemplateBuilder builder) {
		this.template = builder.build();
		this.template.addListener(this::record);
		this.template.addAssociationListener(this.events);
		this.template.start();
		return this.template;
	}

	/**
	 * Return a builder whose registry has the rules and whose server {@code relay} is the
	 * embedded relay.
	 * @param rules the rules, each {@code <destination> <server>}
	 * @return the builder
	 * @throws IOException never
	 */
	Socks5UdpTemplateBuilder builder(String... rules) throws IOException {
		return Socks5UdpTemplate.builder(registry(this.relay.port(), rules))
			.server("relay",
					Socks5AssociationOptions.builder(this.relay.host(), this.relay.port()).name("relay").build());
	}

	/**
	 * Return a builder like {@link #builder(String...)} whose server {@code relay} is
	 * warm: associated when the template starts.
	 * @param rules the rules, each {@code <destination> <server>}
	 * @return the builder
	 * @throws IOException never
	 */
	Socks5UdpTemplateBuilder warmBuilder(String... rules) throws IOException {
		return builder(rules).warmServers(List.of("relay"));
	}

	static Socks5ServerRegistry registry(int relayPort, String... rules) throws IOException {
		Socks5ConfigParser parser = Socks5ConfigParser.withLogicalNames();
		List<Socks5Rule> parsed = Arrays.stream(rules)
			.map((rule) -> rule.split(" "))
			.map((fields) -> parser.parseRule("test", 0, fields[0], fields[1]))
			.toList();
		return Socks5ServerRegistry.builder()
			.rules("test", parsed)
			.resolver(
					Socks5ServerResolver.of(Map.of("relay", Socks5ServerEndpoint.of("relay", "127.0.0.1", relayPort))))
			.build();
	}

	static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	void record(Socks5Address source, ByteBuffer payload, Socks5UdpRoute route) {
		this.received.add(new Received(source, StandardCharsets.US_ASCII.decode(payload).toString(), route));
	}

	Received awaitReceived() throws InterruptedException {
		Received next = this.received.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		assertThat(next).as("a datagram received").isNotNull();
		return next;
	}

	boolean awaitOpenedAgain() throws InterruptedException {
		boolean reconnect = this.events.awaitOpened();
		while (!reconnect) {
			reconnect = this.events.awaitOpened();
		}
		return true;
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * A datagram the template delivered to its listeners.
	 *
	 * @param source where it came from
	 * @param text its payload as ASCII
	 * @param route the route it came through
	 */
	record Received(Socks5Address source, String text, Socks5UdpRoute route) {

	}

}
