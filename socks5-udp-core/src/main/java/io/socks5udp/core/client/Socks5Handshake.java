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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressText;
import io.socks5udp.core.protocol.Socks5AuthMethod;
import io.socks5udp.core.protocol.Socks5AuthReplyParser;
import io.socks5udp.core.protocol.Socks5AuthenticationException;
import io.socks5udp.core.protocol.Socks5CommandReplyParser;
import io.socks5udp.core.protocol.Socks5Credentials;
import io.socks5udp.core.protocol.Socks5HandshakeMessages;
import io.socks5udp.core.protocol.Socks5HandshakeTimeoutException;
import io.socks5udp.core.protocol.Socks5MethodReplyParser;
import io.socks5udp.core.protocol.Socks5ProtocolException;
import io.socks5udp.core.protocol.Socks5ReplyCode;
import io.socks5udp.core.protocol.Socks5ReplyException;
import org.jspecify.annotations.Nullable;

/**
 * The client side of a SOCKS5 handshake ending in UDP ASSOCIATE, over a blocking control
 * connection: greeting, method reply, username/password sub-negotiation (RFC 1929) when
 * the server chooses it, UDP ASSOCIATE request and reply (RFC 1928).
 * <p>
 * One deadline covers all phases: before every read the socket's timeout is set to the
 * time left, so a server that trickles its replies one byte at a time still runs out of
 * time. Reads never consume more than the current reply; bytes the server sends after the
 * last reply stay unread here. Any failure closes the socket.
 *
 * @author socks5-udp authors
 */
final class Socks5Handshake {

	private static final String METHOD_REPLY = "method reply";

	private static final String AUTH_REPLY = "username/password reply";

	private static final String ASSOCIATE_REPLY = "UDP ASSOCIATE reply";

	private final Socket socket;

	private final String server;

	private final @Nullable Socks5Credentials credentials;

	private final Duration timeout;

	private final ByteBuffer in = ByteBuffer.allocate(512).limit(0);

	private long deadline;

	private int consumed;

	/**
	 * Create a handshake on a connected socket.
	 * @param socket the control connection, connected to the server
	 * @param credentials the credentials to offer, or {@code null}
	 * @param timeout the deadline of the whole handshake
	 */
	Socks5Handshake(Socket socket, @Nullable Socks5Credentials credentials, Duration timeout) {
		this.socket = socket;
		this.server = format((InetSocketAddress) socket.getRemoteSocketAddress());
		this.credentials = credentials;
		this.timeout = timeout;
	}

	/**
	 * Open the control connection.
	 * @param server the server's address
	 * @param connectTimeout the connect timeout
	 * @param keepAlive the keepalive settings
	 * @return the connected socket
	 * @throws IOException if the connection cannot be made in time
	 */
	static Socket connect(InetSocketAddress server, Duration connectTimeout, Socks5KeepAlive keepAlive)
			throws IOException {
		Socket socket = new Socket();
		try {
			socket.setTcpNoDelay(true);
			// The association lives as long as this connection, often idle for hours
			keepAlive.applyTo(socket);
			socket.connect(server, timeoutMillis(saturatedNanos(connectTimeout)));
			return socket;
		}
		catch (SocketTimeoutException ex) {
			Closeables.closeQuietly(socket);
			SocketTimeoutException timedOut = new SocketTimeoutException("connect to SOCKS5 server " + format(server)
					+ " timed out after " + connectTimeout.toMillis() + " ms");
			timedOut.initCause(ex);
			throw timedOut;
		}
		catch (ConnectException ex) {
			Closeables.closeQuietly(socket);
			ConnectException failed = new ConnectException(ex.getMessage() + " (SOCKS5 server " + format(server) + ")");
			failed.initCause(ex);
			throw failed;
		}
		catch (IOException | RuntimeException ex) {
			Closeables.closeQuietly(socket);
			throw ex;
		}
	}

	/**
	 * Run the handshake up to and including the UDP ASSOCIATE reply.
	 * @param dst the DST to announce
	 * @return BND, exactly as replied
	 * @throws IOException if the handshake fails; the socket is then closed
	 */
	Socks5Address udpAssociate(Socks5Address dst) throws IOException {
		this.deadline = System.nanoTime() + saturatedNanos(this.timeout);
		try {
			InputStream input = this.socket.getInputStream();
			OutputStream output = this.socket.getOutputStream();
			Socks5AuthMethod method = negotiateMethod(input, output);
			if (method.equals(Socks5AuthMethod.USERNAME_PASSWORD)) {
				authenticate(input, output);
			}
			return associate(input, output, dst);
		}
		catch (IOException | RuntimeException ex) {
			Closeables.closeQuietly(this.socket);
			throw ex;
		}
	}

	private Socks5AuthMethod negotiateMethod(InputStream input, OutputStream output) throws IOException {
		List<Socks5AuthMethod> offered = Socks5HandshakeMessages.offeredMethods(this.credentials != null);
		output.write(Socks5HandshakeMessages.greeting(offered));
		Socks5MethodReplyParser parser = new Socks5MethodReplyParser();
		this.consumed = 0;
		while (!parse(parser::parse, METHOD_REPLY)) {
			if (!fill(input, METHOD_REPLY)) {
				throw closedDuring(METHOD_REPLY);
			}
		}
		Socks5AuthMethod method = Objects.requireNonNull(parser.method());
		Socks5HandshakeMessages.checkChosenMethod(method, offered, this.credentials != null, this.server);
		return method;
	}

	private void authenticate(InputStream input, OutputStream output) throws IOException {
		// USERNAME_PASSWORD is offered, so chosen, only with credentials
		Objects.requireNonNull(this.credentials);
		byte[] request = Socks5HandshakeMessages.usernamePasswordRequest(this.credentials);
		try {
			output.write(request);
		}
		finally {
			Arrays.fill(request, (byte) 0);
		}
		Socks5AuthReplyParser parser = new Socks5AuthReplyParser();
		this.consumed = 0;
		while (!parse(parser::parse, AUTH_REPLY)) {
			if (!fill(input, AUTH_REPLY)) {
				throw closedDuring(AUTH_REPLY);
			}
		}
		if (!parser.succeeded()) {
			throw new Socks5AuthenticationException("SOCKS5 server " + this.server + " rejected username '"
					+ this.credentials.username() + "' (STATUS " + String.format("X'%02X'", parser.status()) + ")");
		}
	}

	private Socks5Address associate(InputStream input, OutputStream output, Socks5Address dst) throws IOException {
		output.write(Socks5HandshakeMessages.udpAssociateRequest(dst));
		Socks5CommandReplyParser parser = new Socks5CommandReplyParser();
		this.consumed = 0;
		while (true) {
			boolean complete;
			try {
				complete = parse(parser::parse, ASSOCIATE_REPLY);
			}
			catch (Socks5ProtocolException ex) {
				// A failing REP says more than what broke after it
				checkReplyCode(parser.replyCode(), ex);
				throw ex;
			}
			checkReplyCode(parser.replyCode(), null);
			if (complete) {
				return Objects.requireNonNull(parser.boundAddress());
			}
			if (!fill(input, ASSOCIATE_REPLY)) {
				throw closedDuring(ASSOCIATE_REPLY);
			}
		}
	}

	private void checkReplyCode(@Nullable Socks5ReplyCode replyCode, @Nullable Exception suppressed)
			throws Socks5ReplyException {
		Socks5ReplyException.throwIfAssociateFailed(replyCode, this.server, suppressed);
	}

	private boolean parse(ReplyParser parser, String phase) throws Socks5ProtocolException {
		int before = this.in.position();
		try {
			return parser.parse(this.in);
		}
		catch (Socks5ProtocolException ex) {
			throw new Socks5ProtocolException(
					"invalid " + phase + " from SOCKS5 server " + this.server + ": " + ex.getMessage(), ex);
		}
		finally {
			this.consumed += this.in.position() - before;
		}
	}

	/**
	 * Read more bytes into the buffer, waiting no longer than the deadline. Called only
	 * when the parser has consumed every byte of the buffer.
	 * @return {@code false} at end of stream
	 */
	private boolean fill(InputStream input, String phase) throws IOException {
		long remaining = this.deadline - System.nanoTime();
		if (remaining <= 0) {
			throw timedOut(phase, null);
		}
		this.socket.setSoTimeout(timeoutMillis(remaining));
		this.in.clear();
		int count;
		try {
			count = input.read(this.in.array(), 0, this.in.capacity());
		}
		catch (SocketTimeoutException ex) {
			throw timedOut(phase, ex);
		}
		finally {
			this.in.flip();
		}
		if (count < 0) {
			return false;
		}
		this.in.limit(count);
		return true;
	}

	private Socks5HandshakeTimeoutException timedOut(String phase, @Nullable Exception cause) {
		return new Socks5HandshakeTimeoutException(
				"SOCKS5 server " + this.server + " did not complete the handshake within " + this.timeout.toMillis()
						+ " ms (" + this.consumed + " bytes of the " + phase + " received)",
				cause);
	}

	private Socks5ProtocolException closedDuring(String phase) {
		return new Socks5ProtocolException("server closed the control connection after " + this.consumed
				+ " bytes of the " + phase + " (SOCKS5 server " + this.server + ")");
	}

	/**
	 * Format a socket address as {@code 127.0.0.1:1080} or {@code [::1]:1080}, for
	 * messages, including an association that has none yet.
	 * @param address the address
	 * @return the text
	 */
	static String format(@Nullable InetSocketAddress address) {
		return (address != null) ? Socks5AddressText.hostAndPort(address) : "(not connected)";
	}

	static int timeoutMillis(long nanos) {
		long millis = nanos / 1_000_000 + ((nanos % 1_000_000 > 0) ? 1 : 0);
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
	}

	static long saturatedNanos(Duration duration) {
		try {
			return Math.min(duration.toNanos(), Long.MAX_VALUE / 4);
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE / 4;
		}
	}

	@FunctionalInterface
	private interface ReplyParser {

		boolean parse(ByteBuffer in) throws Socks5ProtocolException;

	}

}
