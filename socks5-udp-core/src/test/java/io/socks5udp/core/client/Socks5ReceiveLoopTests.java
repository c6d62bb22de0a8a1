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
package io.socks5udp.core.client;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5ReceiveLoop}: what its listener throws. A
 * {@link ScriptedSocks5Server} grants UDP ASSOCIATE with a BND that names a
 * {@link DatagramSocket} of the test, which plays the relay.
 *
 * @author socks5-udp authors
 */
class Socks5ReceiveLoopTests {

	private static final byte[] HEADER = ScriptedSocks5Server.bytes(0, 0, 0, 0x01, 127, 0, 0, 1, 0x14, 0xE9);

	private final BlockingQueue<String> delivered = new LinkedBlockingQueue<>();

	private DatagramSocket relay;

	private ScriptedSocks5Server server;

	private Socks5UdpAssociation association;

	@BeforeEach
	void openAssociation() throws Exception {
		this.relay = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		this.server = ScriptedSocks5Server.start(ScriptedSocks5Server
			.granting(Socks5Address.of((InetSocketAddress) this.relay.getLocalSocketAddress())));
		this.association = Socks5UdpAssociation
			.open(Socks5AssociationOptions.builder("127.0.0.1", this.server.port()).name("loop").build());
	}

	@AfterEach
	void close() throws Exception {
		this.association.close();
		this.server.close();
		this.relay.close();
	}

	@Test
	void listenerThatOverflowsItsStackDoesNotEndTheLoop() throws Exception {
		this.association.startReceiving((source, payload) -> {
			String text = StandardCharsets.US_ASCII.decode(payload).toString();
			if (text.equals("overflow")) {
				throw new StackOverflowError("listener recursed too deep");
			}
			this.delivered.add(text);
		});
		send("overflow");
		send("after");
		assertThat(this.delivered.poll(10, TimeUnit.SECONDS)).isEqualTo("after");
		assertThat(this.association.isOpen()).isTrue();
	}

	@Test
	void listenerThatFailsFatallyEndsTheAssociationWithTheLoop() throws Exception {
		this.association.startReceiving((source, payload) -> {
			throw new OutOfMemoryError("simulated in a listener");
		});
		send("fatal");
		Throwable cause = this.association.closeFuture().get(10, TimeUnit.SECONDS);
		assertThat(cause).isInstanceOf(Socks5AssociationClosedException.class)
			.hasMessageContaining("receive loop ended by java.lang.OutOfMemoryError: simulated in a listener")
			.hasCauseInstanceOf(OutOfMemoryError.class);
		assertThat(this.association.isOpen()).isFalse();
	}

	private void send(String payload) throws Exception {
		byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
		byte[] datagram = new byte[HEADER.length + bytes.length];
		System.arraycopy(HEADER, 0, datagram, 0, HEADER.length);
		System.arraycopy(bytes, 0, datagram, HEADER.length, bytes.length);
		this.relay.send(new DatagramPacket(datagram, datagram.length, this.association.localAddress()));
	}

}
