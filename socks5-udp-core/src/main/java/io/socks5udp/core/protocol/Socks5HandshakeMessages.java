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
package io.socks5udp.core.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The messages a SOCKS5 client sends during the handshake on the control connection: the
 * greeting (RFC 1928 section 3), the username/password request (RFC 1929 section 2) and
 * the command request (RFC 1928 section 4), as byte arrays ready to write.
 *
 * @author socks5-udp authors
 */
public final class Socks5HandshakeMessages {

	/** SOCKS protocol version, X'05'. */
	public static final byte SOCKS_VERSION = 0x05;

	/** Version of the username/password sub-negotiation (RFC 1929), X'01'. */
	public static final byte AUTH_VERSION = 0x01;

	/** CONNECT command, X'01'. */
	public static final byte CMD_CONNECT = 0x01;

	/** BIND command, X'02'. */
	public static final byte CMD_BIND = 0x02;

	/** UDP ASSOCIATE command, X'03'. */
	public static final byte CMD_UDP_ASSOCIATE = 0x03;

	private Socks5HandshakeMessages() {
	}

	/**
	 * Return the methods a client offers in its greeting: no authentication, and
	 * username/password (RFC 1929) when it has credentials.
	 * @param withCredentials whether the client has credentials
	 * @return the methods, in order of preference
	 */
	public static List<Socks5AuthMethod> offeredMethods(boolean withCredentials) {
		return withCredentials ? List.of(Socks5AuthMethod.NO_AUTH, Socks5AuthMethod.USERNAME_PASSWORD)
				: List.of(Socks5AuthMethod.NO_AUTH);
	}

	/**
	 * Check the method a server chose in its method reply against the methods offered.
	 * @param chosen the method the server chose
	 * @param offered the methods the greeting offered
	 * @param withCredentials whether the client has credentials (for the hint of the
	 * message when the server accepted none)
	 * @param server the server, for messages
	 * @throws Socks5NoAcceptableMethodException if the server accepted none of them
	 * ({@code X'FF'})
	 * @throws Socks5ProtocolException if it chose a method that was not offered
	 */
	public static void checkChosenMethod(Socks5AuthMethod chosen, List<Socks5AuthMethod> offered,
			boolean withCredentials, Object server) throws Socks5Exception {
		if (chosen.equals(Socks5AuthMethod.NO_ACCEPTABLE)) {
			String hint = withCredentials ? ""
					: "; set credentials if the server requires username/password authentication";
			throw new Socks5NoAcceptableMethodException(
					"SOCKS5 server " + server + " accepted none of the methods offered " + offered + hint);
		}
		if (!offered.contains(chosen)) {
			throw new Socks5ProtocolException(
					"METHOD: " + chosen + " (expected: one of " + offered + ") from SOCKS5 server " + server);
		}
	}

	/**
	 * Create the greeting: VER, NMETHODS, METHODS.
	 * @param methods the methods the client can do, 1 to 255, in order of preference
	 * @return the greeting bytes
	 */
	public static byte[] greeting(List<Socks5AuthMethod> methods) {
		Objects.requireNonNull(methods, "'methods' must not be null");
		if (methods.isEmpty() || methods.size() > 255) {
			throw new IllegalArgumentException("methods: " + methods.size() + " (expected: 1-255)");
		}
		byte[] message = new byte[2 + methods.size()];
		message[0] = SOCKS_VERSION;
		message[1] = (byte) methods.size();
		for (int i = 0; i < methods.size(); i++) {
			Socks5AuthMethod method = methods.get(i);
			Objects.requireNonNull(method, "'methods' must not contain null");
			if (method.equals(Socks5AuthMethod.NO_ACCEPTABLE)) {
				throw new IllegalArgumentException("methods: " + method + " (expected: a method a client can offer)");
			}
			message[2 + i] = method.byteValue();
		}
		return message;
	}

	/**
	 * Create the username/password request: VER (X'01'), ULEN, UNAME, PLEN, PASSWD. The
	 * returned array holds the password; overwrite it once written if that matters.
	 * @param credentials the credentials
	 * @return the request bytes
	 */
	public static byte[] usernamePasswordRequest(Socks5Credentials credentials) {
		Objects.requireNonNull(credentials, "'credentials' must not be null");
		byte[] username = credentials.usernameBytes();
		byte[] password = credentials.passwordBytes();
		byte[] message = new byte[3 + username.length + password.length];
		message[0] = AUTH_VERSION;
		message[1] = (byte) username.length;
		System.arraycopy(username, 0, message, 2, username.length);
		message[2 + username.length] = (byte) password.length;
		System.arraycopy(password, 0, message, 3 + username.length, password.length);
		Arrays.fill(password, (byte) 0);
		return message;
	}

	/**
	 * Create a UDP ASSOCIATE request. DST is the address and port from which the client
	 * will send datagrams, or zeros when it does not know them yet (RFC 1928 section 4).
	 * @param dst the client's UDP address
	 * @return the request bytes
	 */
	public static byte[] udpAssociateRequest(Socks5Address dst) {
		return commandRequest(CMD_UDP_ASSOCIATE, dst);
	}

	/**
	 * Create a command request: VER, CMD, RSV, ATYP, DST.ADDR, DST.PORT.
	 * @param command the command, for example {@link #CMD_UDP_ASSOCIATE}
	 * @param dst the destination address
	 * @return the request bytes
	 */
	public static byte[] commandRequest(byte command, Socks5Address dst) {
		Objects.requireNonNull(dst, "'dst' must not be null");
		byte[] message = new byte[3 + dst.encodedLength()];
		message[0] = SOCKS_VERSION;
		message[1] = command;
		message[2] = 0;
		message[3] = dst.type().byteValue();
		int at = dst.writeAddressField(message, 4);
		message[at] = (byte) (dst.port() >>> 8);
		message[at + 1] = (byte) dst.port();
		return message;
	}

}
