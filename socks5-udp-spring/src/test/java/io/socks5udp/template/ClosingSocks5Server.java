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

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A SOCKS5 server for tests that grants every UDP ASSOCIATE with the port of a real UDP
 * socket on loopback, then closes the control connection at once, as a server that
 * restarts its sessions or a proxy with a broken keepalive would. Counts the ASSOCIATE
 * requests. Listens on 127.0.0.1, port 0.
 *
 * @author socks5-udp authors
 */
final class ClosingSocks5Server implements Closeable {

	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

	private final ServerSocket serverSocket;

	private final DatagramSocket relay;

	private final AtomicInteger associates = new AtomicInteger();

	private final Semaphore granted = new Semaphore(0);

	private final Thread thread;

	private ClosingSocks5Server() throws IOException {
		this.serverSocket = new ServerSocket(0, 50, LOOPBACK);
		this.relay = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
		this.thread = new Thread(this::serve, "closing-socks5-server");
		this.thread.setDaemon(true);
	}

	static ClosingSocks5Server start() throws IOException {
		ClosingSocks5Server server = new ClosingSocks5Server();
		server.thread.start();
		return server;
	}

	int port() {
		return this.serverSocket.getLocalPort();
	}

	/**
	 * Return how many UDP ASSOCIATE requests the server has granted.
	 * @return the count
	 */
	int associates() {
		return this.associates.get();
	}

	/**
	 * Wait for more UDP ASSOCIATE requests than were waited for so far.
	 * @param count how many more
	 * @param seconds how long to wait at most
	 * @return whether that many came in time
	 * @throws InterruptedException if interrupted
	 */
	boolean awaitAssociates(int count, long seconds) throws InterruptedException {
		return this.granted.tryAcquire(count, seconds, TimeUnit.SECONDS);
	}

	private void serve() {
		while (!this.serverSocket.isClosed()) {
			try (Socket socket = this.serverSocket.accept()) {
				DataInputStream in = new DataInputStream(socket.getInputStream());
				OutputStream out = socket.getOutputStream();
				in.readUnsignedByte();
				in.skipNBytes(in.readUnsignedByte());
				out.write(new byte[] { 0x05, 0x00 });
				in.skipNBytes(3);
				int addressType = in.readUnsignedByte();
				int addressLength = switch (addressType) {
					case 0x01 -> 4;
					case 0x04 -> 16;
					default -> in.readUnsignedByte();
				};
				in.skipNBytes(addressLength + 2);
				int port = this.relay.getLocalPort();
				out.write(new byte[] { 0x05, 0x00, 0x00, 0x01, 127, 0, 0, 1, (byte) (port >>> 8), (byte) port });
				out.flush();
				this.associates.incrementAndGet();
				this.granted.release();
			}
			catch (IOException ex) {
				// The client went away mid-handshake, or the server is closing
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.serverSocket.close();
		this.relay.close();
		try {
			this.thread.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
