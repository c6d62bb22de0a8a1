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

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressType;
import io.socks5udp.core.protocol.Socks5AuthMethod;
import io.socks5udp.core.protocol.Socks5HandshakeMessages;
import io.socks5udp.core.protocol.Socks5ProtocolException;

/**
 * Reads the client's half of a SOCKS5 handshake, as a server sees it: the greeting, the
 * RFC 1929 username/password request and the command request. Blocking; reads exactly one
 * message per call and nothing beyond it.
 *
 * @author socks5-udp authors
 */
final class ServerHandshakeReader {

	private final InputStream in;

	ServerHandshakeReader(InputStream in) {
		this.in = in;
	}

	/**
	 * Read the greeting: VER, NMETHODS, METHODS.
	 * @return the methods the client offers, possibly none
	 * @throws IOException on a wrong version, or if the stream ends or fails
	 */
	List<Socks5AuthMethod> readGreeting() throws IOException {
		checkVersion("greeting", readByte(), Socks5HandshakeMessages.SOCKS_VERSION);
		int count = readByte();
		byte[] methods = readBytes(count);
		List<Socks5AuthMethod> result = new ArrayList<>(count);
		for (byte method : methods) {
			result.add(Socks5AuthMethod.valueOf(method));
		}
		return result;
	}

	/**
	 * Read a username/password request (RFC 1929): VER, ULEN, UNAME, PLEN, PASSWD.
	 * @return the request
	 * @throws IOException on a wrong version, or if the stream ends or fails
	 */
	LoginRequest readLoginRequest() throws IOException {
		checkVersion("username/password request", readByte(), Socks5HandshakeMessages.AUTH_VERSION);
		byte[] username = readBytes(readByte());
		byte[] password = readBytes(readByte());
		return new LoginRequest(username, password);
	}

	/**
	 * Read a command request: VER, CMD, RSV, ATYP, DST.ADDR, DST.PORT. The reading stops
	 * after ATYP when the address type is unknown, since the length of the rest cannot be
	 * known.
	 * @return the request
	 * @throws IOException on a wrong version or an empty domain name, or if the stream
	 * ends or fails
	 */
	CommandRequest readCommandRequest() throws IOException {
		checkVersion("command request", readByte(), Socks5HandshakeMessages.SOCKS_VERSION);
		byte command = (byte) readByte();
		readByte();
		Socks5AddressType type = Socks5AddressType.valueOf((byte) readByte());
		if (!type.isKnown()) {
			return new CommandRequest(command, type, null);
		}
		int length = Socks5AddressType.DOMAIN.equals(type) ? readByte() : type.addressLength();
		if (length == 0) {
			throw new Socks5ProtocolException("command request: empty domain name (expected: 1-255 bytes)");
		}
		byte[] address = readBytes(length);
		int port = (readByte() << 8) | readByte();
		return new CommandRequest(command, type, Socks5Address.fromWire(type, address, 0, length, port));
	}

	private int readByte() throws IOException {
		int value = this.in.read();
		if (value < 0) {
			throw new EOFException("control connection closed during the handshake");
		}
		return value;
	}

	private byte[] readBytes(int length) throws IOException {
		byte[] bytes = this.in.readNBytes(length);
		if (bytes.length < length) {
			throw new EOFException("control connection closed during the handshake");
		}
		return bytes;
	}

	private static void checkVersion(String message, int version, int expected) throws Socks5ProtocolException {
		if (version != expected) {
			throw new Socks5ProtocolException(
					String.format("%s: VER X'%02X' (expected: X'%02X')", message, version, expected));
		}
	}

}
