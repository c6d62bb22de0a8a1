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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AuthMethod;
import io.socks5udp.core.protocol.Socks5Credentials;
import io.socks5udp.core.protocol.Socks5HandshakeMessages;
import io.socks5udp.core.protocol.Socks5ReplyCode;
import org.jspecify.annotations.Nullable;

/**
 * One TCP control connection: the server side of the handshake, then the association it
 * keeps alive (RFC 1928 section 6: the association ends when the control connection
 * does). Runs on its own thread.
 *
 * @author socks5-udp authors
 */
final class ControlConnection implements Runnable {

	private final EmbeddedSocks5Relay relay;

	private final Socket socket;

	private volatile @Nullable Association association;

	private volatile @Nullable Thread thread;

	ControlConnection(EmbeddedSocks5Relay relay, Socket socket) {
		this.relay = relay;
		this.socket = socket;
	}

	@Override
	public void run() {
		this.thread = Thread.currentThread();
		try {
			InputStream in = this.socket.getInputStream();
			if (this.relay.faults().isStallHandshake()) {
				drain(in);
				return;
			}
			long deadline = System.nanoTime() + this.relay.handshakeTimeout().toNanos();
			Association opened = handshake(
					new ServerHandshakeReader(new DeadlineInputStream(this.socket, in, deadline)),
					this.socket.getOutputStream());
			if (opened != null) {
				this.socket.setSoTimeout(0);
				drain(in);
			}
		}
		catch (IOException | RuntimeException ex) {
			// A failed handshake or a reset control connection: either way it is over
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			close(false);
		}
	}

	/**
	 * Return the association of this control connection.
	 * @return the association, or {@code null} before (or without) a successful UDP
	 * ASSOCIATE
	 */
	@Nullable Association association() {
		return this.association;
	}

	/**
	 * Close the control connection and with it the association.
	 * @param reset whether to reset the connection (SO_LINGER 0) instead of closing it
	 * gracefully
	 */
	void close(boolean reset) {
		if (reset && !this.socket.isClosed()) {
			try {
				this.socket.setSoLinger(true, 0);
			}
			catch (SocketException ex) {
				// Closed meanwhile: a plain close follows
			}
		}
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// Nothing more to release
		}
		Association current = this.association;
		if (current != null) {
			current.close();
		}
		Thread owner = this.thread;
		if (owner != null && owner != Thread.currentThread()) {
			// Wakes a trickling reply from its pause
			owner.interrupt();
		}
		this.relay.removed(this);
	}

	private @Nullable Association handshake(ServerHandshakeReader reader, OutputStream out)
			throws IOException, InterruptedException {
		Socks5AuthMethod method = chooseMethod(reader.readGreeting());
		if (method.equals(Socks5AuthMethod.NO_ACCEPTABLE)) {
			// Counted before the reply, so that a client that sees the reply sees the
			// count
			this.relay.counters().associationRefused();
		}
		write(out, HandshakeReplies.methodSelection(method));
		if (method.equals(Socks5AuthMethod.NO_ACCEPTABLE)) {
			return null;
		}
		if (method.equals(Socks5AuthMethod.USERNAME_PASSWORD)) {
			boolean accepted = authenticate(reader.readLoginRequest());
			if (!accepted) {
				this.relay.counters().associationRefused();
			}
			write(out, HandshakeReplies.loginStatus(accepted));
			if (!accepted) {
				return null;
			}
		}
		CommandRequest request = reader.readCommandRequest();
		Socks5ReplyCode failure = checkRequest(request);
		if (failure != null) {
			this.relay.counters().associationRefused();
			write(out, HandshakeReplies.commandReply(failure, unspecified(0)));
			return null;
		}
		Association opened;
		try {
			opened = Association.open(this.socket.getLocalAddress(), this.socket.getInetAddress(),
					Objects.requireNonNull(request.destination()), this.relay::associationClosed);
		}
		catch (IOException ex) {
			this.relay.counters().associationRefused();
			write(out, HandshakeReplies.commandReply(Socks5ReplyCode.GENERAL_FAILURE, unspecified(0)));
			return null;
		}
		this.association = opened;
		if (this.socket.isClosed()) {
			opened.close();
			return null;
		}
		this.relay.associationOpened(opened);
		int port = opened.boundAddress().getPort();
		Socks5Address bound = this.relay.faults().isUnspecifiedBoundAddress() ? unspecified(port)
				: Socks5Address.of(opened.boundAddress());
		write(out, HandshakeReplies.commandReply(Socks5ReplyCode.SUCCEEDED, bound));
		return opened;
	}

	private Socks5AuthMethod chooseMethod(List<Socks5AuthMethod> offered) {
		Socks5AuthMethod wanted = this.relay.users().isEmpty() ? Socks5AuthMethod.NO_AUTH
				: Socks5AuthMethod.USERNAME_PASSWORD;
		return offered.contains(wanted) ? wanted : Socks5AuthMethod.NO_ACCEPTABLE;
	}

	private boolean authenticate(LoginRequest login) {
		Socks5Credentials user = this.relay.users().get(new String(login.username(), StandardCharsets.UTF_8));
		return user != null
				&& MessageDigest.isEqual(user.password().getBytes(StandardCharsets.UTF_8), login.password());
	}

	private @Nullable Socks5ReplyCode checkRequest(CommandRequest request) {
		if (request.destination() == null) {
			return Socks5ReplyCode.ADDRESS_TYPE_NOT_SUPPORTED;
		}
		if (request.command() != Socks5HandshakeMessages.CMD_UDP_ASSOCIATE) {
			return Socks5ReplyCode.COMMAND_NOT_SUPPORTED;
		}
		return this.relay.faults().replyCode();
	}

	private Socks5Address unspecified(int port) {
		InetAddress local = this.socket.getLocalAddress();
		return (local instanceof Inet6Address) ? Socks5Address.ipv6(new byte[16], port)
				: Socks5Address.ipv4(new byte[4], port);
	}

	private void write(OutputStream out, byte[] message) throws IOException, InterruptedException {
		Duration perByte = this.relay.faults().trickleHandshake();
		if (perByte == null) {
			out.write(message);
			out.flush();
			return;
		}
		for (int i = 0; i < message.length; i++) {
			if (i > 0) {
				Thread.sleep(perByte.toMillis(), perByte.toNanosPart() % 1_000_000);
			}
			out.write(message[i]);
			out.flush();
		}
	}

	private static void drain(InputStream in) throws IOException {
		byte[] discard = new byte[256];
		while (in.read(discard) >= 0) {
			// A client has nothing more to say on the control connection; its end is
			// what matters
		}
	}

}
