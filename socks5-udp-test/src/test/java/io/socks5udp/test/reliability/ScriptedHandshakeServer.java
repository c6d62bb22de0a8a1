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
package io.socks5udp.test.reliability;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

/**
 * A SOCKS5 server for one client that answers the handshake with scripted bytes, however
 * wrong, and then reports when the client closes its end: the way to see that a client
 * which gave up on a server closed its socket rather than leaving it open.
 *
 * @author socks5-udp authors
 */
final class ScriptedHandshakeServer implements AutoCloseable {

	private final ServerSocket server;

	private final Script script;

	private final CompletableFuture<Void> clientClosed = new CompletableFuture<>();

	private ScriptedHandshakeServer(Script script) throws IOException {
		this.script = script;
		this.server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
		Thread thread = new Thread(this::serve, "scripted-handshake-" + this.server.getLocalPort());
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * Start a server that plays a script.
	 * @param script the script
	 * @return the server, listening on 127.0.0.1
	 * @throws IOException if it cannot listen
	 */
	static ScriptedHandshakeServer start(Script script) throws IOException {
		return new ScriptedHandshakeServer(script);
	}

	String host() {
		return "127.0.0.1";
	}

	int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Return a future that completes when the client has closed (or reset) the control
	 * connection after the script was played.
	 * @return the future
	 */
	CompletableFuture<Void> clientClosed() {
		return this.clientClosed;
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

	private void serve() {
		try (Socket socket = this.server.accept()) {
			DataInputStream in = new DataInputStream(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			play(in, out);
			if (this.script.closeAfterReply()) {
				socket.shutdownOutput();
			}
			while (in.read() >= 0) {
				// Whatever the client still sends; its end is what counts
			}
			this.clientClosed.complete(null);
		}
		catch (IOException ex) {
			// A reset is the client closing too
			this.clientClosed.complete(null);
		}
	}

	private void play(DataInputStream in, OutputStream out) throws IOException {
		in.readUnsignedByte();
		in.readFully(new byte[in.readUnsignedByte()]);
		if (this.script.methodReply() == null) {
			return;
		}
		out.write(this.script.methodReply());
		out.flush();
		if (this.script.associateReply() == null) {
			return;
		}
		byte[] fixed = new byte[4];
		in.readFully(fixed);
		int addressLength = switch (fixed[3]) {
			case 0x01 -> 4;
			case 0x04 -> 16;
			default -> in.readUnsignedByte();
		};
		in.readFully(new byte[addressLength + 2]);
		out.write(this.script.associateReply());
		out.flush();
	}

	/**
	 * What the server answers.
	 *
	 * @param methodReply the bytes answering the greeting, or {@code null} to never
	 * answer
	 * @param associateReply the bytes answering UDP ASSOCIATE, or {@code null} to never
	 * answer
	 * @param closeAfterReply whether to close the server's side (FIN) after the last
	 * answer
	 */
	record Script(byte[] methodReply, byte[] associateReply, boolean closeAfterReply) {

	}

}
