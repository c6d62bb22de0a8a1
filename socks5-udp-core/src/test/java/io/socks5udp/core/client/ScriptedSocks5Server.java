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

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.socks5udp.core.protocol.Socks5Address;

/**
 * A SOCKS5 server for tests that plays a script on the first connection it accepts: read
 * a client message (recorded), answer bytes at once, one byte at a time or trickling,
 * stall, close, or reset (SO_LINGER 0). Listens on loopback, port 0.
 *
 * @author socks5-udp authors
 */
final class ScriptedSocks5Server implements Closeable {

	private static final long WAIT_SECONDS = 10;

	private final ServerSocket serverSocket;

	private final List<Step> steps;

	private final List<byte[]> received = new CopyOnWriteArrayList<>();

	private final CompletableFuture<Socket> accepted = new CompletableFuture<>();

	private final CompletableFuture<Void> clientClosed = new CompletableFuture<>();

	private final CompletableFuture<String> command = new CompletableFuture<>();

	private final Thread thread;

	private ScriptedSocks5Server(InetAddress address, List<Step> steps) throws IOException {
		this.serverSocket = new ServerSocket(0, 1, address);
		this.steps = steps;
		this.thread = new Thread(this::run, "scripted-socks5-server");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Start a server on 127.0.0.1 with a script.
	 * @param script adds the steps
	 * @return the running server
	 * @throws IOException if the server socket cannot be bound
	 */
	static ScriptedSocks5Server start(Consumer<Script> script) throws IOException {
		return start(InetAddress.getLoopbackAddress(), script);
	}

	static ScriptedSocks5Server start(InetAddress address, Consumer<Script> script) throws IOException {
		Script steps = new Script();
		script.accept(steps);
		return new ScriptedSocks5Server(address, steps.steps);
	}

	/**
	 * The usual script for a server without authentication that grants UDP ASSOCIATE with
	 * a BND, then keeps the connection open until told otherwise.
	 */
	static Consumer<Script> granting(Socks5Address bound) {
		return (script) -> script.readGreeting()
			.reply(0x05, 0x00)
			.readRequest()
			.reply(associateReply(0x00, bound))
			.hold();
	}

	InetSocketAddress address() {
		return (InetSocketAddress) this.serverSocket.getLocalSocketAddress();
	}

	int port() {
		return this.serverSocket.getLocalPort();
	}

	/**
	 * Return the client messages read so far, in order.
	 */
	List<byte[]> received() {
		return this.received;
	}

	/**
	 * Return a future that completes when the client has closed the connection: seen
	 * during a {@link Script#awaitClientClose()} step, or as a failed read or write.
	 */
	CompletableFuture<Void> clientClosed() {
		return this.clientClosed;
	}

	/**
	 * Close the connection held by {@link Script#hold()} with a FIN.
	 */
	void closeConnection() {
		this.command.complete("close");
	}

	/**
	 * Reset the connection held by {@link Script#hold()} (SO_LINGER 0).
	 */
	void resetConnection() {
		this.command.complete("reset");
	}

	private void run() {
		Socket socket;
		try {
			socket = this.serverSocket.accept();
			socket.setTcpNoDelay(true);
		}
		catch (IOException ex) {
			this.accepted.completeExceptionally(ex);
			this.clientClosed.completeExceptionally(ex);
			return;
		}
		this.accepted.complete(socket);
		try (socket) {
			DataInputStream in = new DataInputStream(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			for (Step step : this.steps) {
				step.run(this, socket, in, out);
			}
		}
		catch (IOException ex) {
			// Broken pipe, reset or end of stream: the client is gone
			this.clientClosed.complete(null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() throws IOException {
		this.command.complete("close");
		this.serverSocket.close();
		Socket socket = this.accepted.getNow(null);
		if (socket != null) {
			socket.close();
		}
		try {
			this.thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static byte[] associateReply(int rep, Socks5Address bound) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0x05);
		out.write(rep);
		out.write(0x00);
		out.write(bound.type().byteValue());
		byte[] address = bound.addressBytes();
		if (bound.isDomain()) {
			out.write(address.length);
		}
		out.writeBytes(address);
		out.write(bound.port() >>> 8);
		out.write(bound.port() & 0xFF);
		return out.toByteArray();
	}

	static byte[] bytes(int... values) {
		byte[] result = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			result[i] = (byte) values[i];
		}
		return result;
	}

	/**
	 * The steps of a script, played in order.
	 */
	static final class Script {

		private final List<Step> steps = new ArrayList<>();

		/** Read and record a greeting: VER, NMETHODS, METHODS. */
		Script readGreeting() {
			this.steps.add((server, socket, in, out) -> {
				byte[] head = readFully(in, 2);
				server.received.add(concat(head, readFully(in, head[1] & 0xFF)));
			});
			return this;
		}

		/** Read and record an RFC 1929 request: VER, ULEN, UNAME, PLEN, PASSWD. */
		Script readAuthRequest() {
			this.steps.add((server, socket, in, out) -> {
				byte[] head = readFully(in, 2);
				byte[] username = readFully(in, head[1] & 0xFF);
				byte[] passwordLength = readFully(in, 1);
				byte[] password = readFully(in, passwordLength[0] & 0xFF);
				server.received.add(concat(head, username, passwordLength, password));
			});
			return this;
		}

		/** Read and record a command request: VER, CMD, RSV, ATYP, DST.ADDR, DST.PORT. */
		Script readRequest() {
			this.steps.add((server, socket, in, out) -> {
				byte[] head = readFully(in, 4);
				byte[] address = switch (head[3]) {
					case 0x01 -> readFully(in, 4);
					case 0x04 -> readFully(in, 16);
					default -> {
						byte[] length = readFully(in, 1);
						yield concat(length, readFully(in, length[0] & 0xFF));
					}
				};
				server.received.add(concat(head, address, readFully(in, 2)));
			});
			return this;
		}

		/** Write bytes at once. */
		Script reply(int... values) {
			return reply(bytes(values));
		}

		/** Write bytes at once. */
		Script reply(byte[] bytes) {
			this.steps.add((server, socket, in, out) -> {
				out.write(bytes);
				out.flush();
			});
			return this;
		}

		/** Write bytes one at a time, each in its own segment. */
		Script replyByteByByte(byte[] bytes) {
			this.steps.add((server, socket, in, out) -> {
				for (byte b : bytes) {
					out.write(b);
					out.flush();
				}
			});
			return this;
		}

		/** Write bytes one at a time with a pause before each: a slow peer. */
		Script trickle(Duration pause, byte[] bytes) {
			this.steps.add((server, socket, in, out) -> {
				for (byte b : bytes) {
					Thread.sleep(pause.toMillis());
					out.write(b);
					out.flush();
				}
			});
			return this;
		}

		/** Answer nothing: read until the client closes the connection. */
		Script awaitClientClose() {
			this.steps.add((server, socket, in, out) -> {
				try {
					while (in.read() >= 0) {
						// Discard; the client is not expected to send more
					}
				}
				catch (IOException ex) {
					// A reset is a close too
				}
				server.clientClosed.complete(null);
			});
			return this;
		}

		/** Close the connection with a FIN. */
		Script close() {
			this.steps.add((server, socket, in, out) -> socket.close());
			return this;
		}

		/** Reset the connection: SO_LINGER 0, then close. */
		Script reset() {
			this.steps.add((server, socket, in, out) -> {
				socket.setSoLinger(true, 0);
				socket.close();
			});
			return this;
		}

		/**
		 * Keep the connection open until the test calls
		 * {@link ScriptedSocks5Server#closeConnection()} or
		 * {@link ScriptedSocks5Server#resetConnection()}, or closes the server.
		 */
		Script hold() {
			this.steps.add((server, socket, in, out) -> {
				String what;
				try {
					what = server.command.get();
				}
				catch (Exception ex) {
					what = "close";
				}
				if ("reset".equals(what)) {
					socket.setSoLinger(true, 0);
				}
				socket.close();
			});
			return this;
		}

		private static byte[] readFully(DataInputStream in, int length) throws IOException {
			byte[] bytes = new byte[length];
			in.readFully(bytes);
			return bytes;
		}

		private static byte[] concat(byte[]... parts) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			for (byte[] part : parts) {
				out.writeBytes(part);
			}
			return out.toByteArray();
		}

	}

	@FunctionalInterface
	private interface Step {

		void run(ScriptedSocks5Server server, Socket socket, DataInputStream in, OutputStream out)
				throws IOException, InterruptedException;

	}

}
