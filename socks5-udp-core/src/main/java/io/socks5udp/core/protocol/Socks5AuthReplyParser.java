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

import java.nio.ByteBuffer;

/**
 * Incremental parser of the server's username/password reply: VER, STATUS (RFC 1929
 * section 2). Feed it bytes as they arrive; it consumes only the bytes of the reply and
 * never more. A non-zero status is reported, not thrown: the caller raises
 * {@link Socks5AuthenticationException}.
 * <p>
 * RFC 1929 says VER is X'01', the sub-negotiation's version. Some servers answer with
 * X'05', the SOCKS version, and their clients accept it; so does this parser, as VER
 * carries no information the client acts on. Any other VER is a protocol error.
 * <p>
 * Not thread-safe; one instance per handshake.
 *
 * @author socks5-udp authors
 */
public final class Socks5AuthReplyParser {

	private int read;

	private int status = -1;

	/**
	 * Consume bytes of the reply from the buffer's position.
	 * @param in the bytes received; its position advances past the bytes consumed
	 * @return {@code true} when the reply is complete, {@code false} when more bytes are
	 * needed
	 * @throws Socks5ProtocolException if VER is neither 1 nor 5
	 */
	public boolean parse(ByteBuffer in) throws Socks5ProtocolException {
		while (this.read < 2 && in.hasRemaining()) {
			byte b = in.get();
			if (this.read == 0) {
				if (b != Socks5HandshakeMessages.AUTH_VERSION && b != Socks5HandshakeMessages.SOCKS_VERSION) {
					throw new Socks5ProtocolException("VER: " + (b & 0xFF) + " (expected: 1)");
				}
			}
			else {
				this.status = b & 0xFF;
			}
			this.read++;
		}
		return isComplete();
	}

	/**
	 * Return whether the whole reply has been read.
	 * @return whether the reply is complete
	 */
	public boolean isComplete() {
		return this.read == 2;
	}

	/**
	 * Return whether the server accepted the credentials (STATUS X'00').
	 * @return whether authentication succeeded; {@code false} before the reply is
	 * complete
	 */
	public boolean succeeded() {
		return this.status == 0;
	}

	/**
	 * Return the STATUS byte.
	 * @return the status, 0 to 255, or -1 before the reply is complete
	 */
	public int status() {
		return this.status;
	}

}
