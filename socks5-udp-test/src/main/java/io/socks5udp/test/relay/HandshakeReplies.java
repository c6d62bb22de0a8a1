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

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AuthMethod;
import io.socks5udp.core.protocol.Socks5HandshakeMessages;
import io.socks5udp.core.protocol.Socks5ReplyCode;

/**
 * The server's half of a SOCKS5 handshake: method selection, RFC 1929 status and command
 * replies.
 *
 * @author socks5-udp authors
 */
final class HandshakeReplies {

	private HandshakeReplies() {
	}

	/**
	 * Create the method selection message: VER, METHOD.
	 * @param method the chosen method, or {@link Socks5AuthMethod#NO_ACCEPTABLE}
	 * @return the message bytes
	 */
	static byte[] methodSelection(Socks5AuthMethod method) {
		return new byte[] { Socks5HandshakeMessages.SOCKS_VERSION, method.byteValue() };
	}

	/**
	 * Create the username/password status message (RFC 1929): VER X'01', STATUS.
	 * @param success whether the credentials are accepted
	 * @return the message bytes
	 */
	static byte[] loginStatus(boolean success) {
		return new byte[] { Socks5HandshakeMessages.AUTH_VERSION, (byte) (success ? 0 : 1) };
	}

	/**
	 * Create a command reply: VER, REP, RSV, ATYP, BND.ADDR, BND.PORT.
	 * @param replyCode the reply code
	 * @param bound the bound address, for a failure usually 0.0.0.0:0
	 * @return the message bytes
	 */
	static byte[] commandReply(Socks5ReplyCode replyCode, Socks5Address bound) {
		byte[] address = bound.addressBytes();
		int at = 4;
		byte[] reply = new byte[bound.encodedLength() + 3];
		reply[0] = Socks5HandshakeMessages.SOCKS_VERSION;
		reply[1] = replyCode.byteValue();
		reply[2] = 0;
		reply[3] = bound.type().byteValue();
		if (bound.isDomain()) {
			reply[at++] = (byte) address.length;
		}
		System.arraycopy(address, 0, reply, at, address.length);
		at += address.length;
		reply[at] = (byte) (bound.port() >>> 8);
		reply[at + 1] = (byte) bound.port();
		return reply;
	}

}
