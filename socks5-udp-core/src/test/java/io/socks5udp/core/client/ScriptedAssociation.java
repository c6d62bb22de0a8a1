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

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

import io.socks5udp.core.protocol.Socks5Address;

/**
 * A {@link Socks5UdpAssociation} for tests, with what it runs through: a relay on
 * loopback owned by the test, and a {@link ScriptedSocks5Server} that grants UDP
 * ASSOCIATE with a BND naming that relay. The relay is a {@link DatagramSocket} on port
 * 0, which the test drives itself, or an {@link EchoingRelay}. Closing closes the
 * association, then the server, then the relay; an open that fails part way closes what
 * it had opened.
 *
 * @param <R> the type of the relay
 * @author socks5-udp authors
 */
final class ScriptedAssociation<R extends Closeable> implements Closeable {

	private final R relay;

	private final ScriptedSocks5Server server;

	private final Socks5UdpAssociation association;

	private ScriptedAssociation(R relay, ScriptedSocks5Server server, Socks5UdpAssociation association) {
		this.relay = relay;
		this.server = server;
		this.association = association;
	}

	/**
	 * Open an association whose relay is a {@link DatagramSocket} bound on loopback, port
	 * 0.
	 * @param options customises the options, which start from the server's address
	 * @return the open association, its server and its relay
	 * @throws IOException if a socket cannot be bound or the association cannot be opened
	 */
	static ScriptedAssociation<DatagramSocket> throughDatagramSocket(Consumer<Socks5AssociationOptionsBuilder> options)
			throws IOException {
		DatagramSocket relay = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		return open(relay, Socks5Address.of((InetSocketAddress) relay.getLocalSocketAddress()), options);
	}

	/**
	 * Open an association whose relay is an {@link EchoingRelay}.
	 * @param options customises the options, which start from the server's address
	 * @return the open association, its server and its relay
	 * @throws IOException if a socket cannot be bound or the association cannot be opened
	 */
	static ScriptedAssociation<EchoingRelay> throughEchoingRelay(Consumer<Socks5AssociationOptionsBuilder> options)
			throws IOException {
		EchoingRelay relay = EchoingRelay.start();
		return open(relay, relay.bound(), options);
	}

	private static <R extends Closeable> ScriptedAssociation<R> open(R relay, Socks5Address bound,
			Consumer<Socks5AssociationOptionsBuilder> options) throws IOException {
		ScriptedSocks5Server server = null;
		try {
			server = ScriptedSocks5Server.start(ScriptedSocks5Server.granting(bound));
			Socks5AssociationOptionsBuilder builder = Socks5AssociationOptions.builder("127.0.0.1", server.port());
			options.accept(builder);
			return new ScriptedAssociation<>(relay, server, Socks5UdpAssociation.open(builder.build()));
		}
		catch (IOException | RuntimeException | Error ex) {
			try (relay; Closeable opened = server) {
				// Closed in reverse order, the server first
			}
			catch (IOException closing) {
				ex.addSuppressed(closing);
			}
			throw ex;
		}
	}

	R relay() {
		return this.relay;
	}

	ScriptedSocks5Server server() {
		return this.server;
	}

	Socks5UdpAssociation association() {
		return this.association;
	}

	@Override
	public void close() throws IOException {
		try (this.relay; this.server; this.association) {
			// Closed in reverse order: the association, the server, then the relay
		}
	}

}
