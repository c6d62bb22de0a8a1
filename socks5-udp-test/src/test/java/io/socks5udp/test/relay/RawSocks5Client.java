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

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AuthMethod;
import io.socks5udp.core.protocol.Socks5CommandReplyParser;
import io.socks5udp.core.protocol.Socks5HandshakeMessages;
import io.socks5udp.core.protocol.Socks5MethodReplyParser;

/**
 * A SOCKS5 client driven byte by byte, for what the core client never sends: other
 * commands, unknown address types, silence.
 *
 * @author socks5-udp authors
 */
final class RawSocks5Client implements Closeable {

	private final Socket socket;

	private final InputStream in;

	private RawSocks5Client(Socket socket) throws IOException {
		this.socket = socket;
		this.in = socket.getInputStream();
	}

	static RawSocks5Client connect(EmbeddedSocks5Relay relay) throws IOException {
		Socket socket = new Socket();
		socket.connect(relay.address(), 5000);
		socket.setSoTimeout(10_000);
		return new RawSocks5Client(socket);
	}

	/**
	 * Greet with no authentication and return the method the relay chose.
	 */
	Socks5AuthMethod greet() throws IOException {
		send(Socks5HandshakeMessages.greeting(List.of(Socks5AuthMethod.NO_AUTH)));
		Socks5MethodReplyParser parser = new Socks5MethodReplyParser();
		while (!parser.parse(ByteBuffer.wrap(new byte[] { (byte) readByte() }))) {
			// One byte at a time: never read past the reply
		}
		return parser.method();
	}

	/**
	 * Send a command request and return the parsed reply.
	 */
	Socks5CommandReplyParser request(byte[] request) throws IOException {
		send(request);
		Socks5CommandReplyParser parser = new Socks5CommandReplyParser();
		while (!parser.parse(ByteBuffer.wrap(new byte[] { (byte) readByte() }))) {
			// One byte at a time: never read past the reply
		}
		return parser;
	}

	Socks5CommandReplyParser udpAssociate(InetSocketAddress announced) throws IOException {
		return request(Socks5HandshakeMessages.udpAssociateRequest(Socks5Address.of(announced)));
	}

	void send(byte[] bytes) throws IOException {
		this.socket.getOutputStream().write(bytes);
		this.socket.getOutputStream().flush();
	}

	/**
	 * Read one byte, or -1 when the relay has closed the connection.
	 */
	int read() throws IOException {
		return this.in.read();
	}

	private int readByte() throws IOException {
		int value = this.in.read();
		if (value < 0) {
			throw new IOException("relay closed the control connection");
		}
		return value;
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
