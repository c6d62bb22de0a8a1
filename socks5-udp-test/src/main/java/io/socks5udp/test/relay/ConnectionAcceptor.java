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
package io.socks5udp.test.relay;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;

/**
 * The relay's accept loop: hands each connection to a control connection thread, up to a
 * number of connections at a time, and refuses the rest by closing them at once. When
 * accepting fails, out of descriptors for example, it pauses ({@link AcceptBackoff})
 * instead of spinning, and accepts again once descriptors are free.
 *
 * @author socks5-udp authors
 */
final class ConnectionAcceptor implements Runnable {

	private final EmbeddedSocks5Relay relay;

	private final ServerSocket server;

	private final int maxConnections;

	private final AcceptBackoff backoff = new AcceptBackoff();

	private int ids;

	ConnectionAcceptor(EmbeddedSocks5Relay relay, ServerSocket server, int maxConnections) {
		this.relay = relay;
		this.server = server;
		this.maxConnections = maxConnections;
	}

	/**
	 * Close a socket of each kind the relay uses once, while descriptors are free. The
	 * JDK's socket dispatcher opens a descriptor when its class initializes, at the first
	 * close in the JVM; if that first close happens out of descriptors, the class fails
	 * for good and no socket can be closed again: every descriptor stays held and the
	 * relay never recovers.
	 * @throws IOException if a socket cannot be opened
	 */
	static void prepareToClose() throws IOException {
		SocketChannel.open().close();
		DatagramChannel.open().close();
	}

	@Override
	public void run() {
		while (!this.server.isClosed()) {
			Socket socket;
			try {
				socket = this.server.accept();
			}
			catch (IOException ex) {
				this.relay.counters().acceptFailed();
				if (!pause()) {
					return;
				}
				continue;
			}
			if (handOff(socket)) {
				this.backoff.reset();
			}
			else if (!pause()) {
				return;
			}
		}
	}

	private boolean pause() {
		if (this.server.isClosed()) {
			return false;
		}
		try {
			Thread.sleep(this.backoff.next().toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			// The relay is closing
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private boolean handOff(Socket socket) {
		if (this.relay.connectionCount() >= this.maxConnections) {
			this.relay.counters().connectionRefused();
			closeQuietly(socket);
			return true;
		}
		ControlConnection connection = new ControlConnection(this.relay, socket);
		if (!this.relay.register(connection)) {
			connection.close(false);
			return true;
		}
		try {
			socket.setTcpNoDelay(true);
			Thread thread = new Thread(connection,
					"socks5-relay-" + this.server.getLocalPort() + "-control-" + (++this.ids));
			thread.setDaemon(true);
			thread.start();
			return true;
		}
		catch (IOException | RuntimeException | OutOfMemoryError ex) {
			// OutOfMemoryError is how Thread.start() says no thread can be had: the
			// connection must not keep its socket for it
			connection.close(false);
			return false;
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Nothing more to release
		}
	}

}
