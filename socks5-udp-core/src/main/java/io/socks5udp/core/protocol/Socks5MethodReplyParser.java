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

import org.jspecify.annotations.Nullable;

/**
 * Incremental parser of the server's method reply: VER, METHOD (RFC 1928 section 3). Feed
 * it bytes as they arrive; it consumes only the bytes of the reply and never more. A
 * method of X'FF' ({@link Socks5AuthMethod#NO_ACCEPTABLE}) is reported, not thrown: the
 * caller raises {@link Socks5NoAcceptableMethodException}.
 * <p>
 * Not thread-safe; one instance per handshake.
 *
 * @author socks5-udp authors
 */
public final class Socks5MethodReplyParser {

	private int read;

	private @Nullable Socks5AuthMethod method;

	/**
	 * Consume bytes of the method reply from the buffer's position.
	 * @param in the bytes received; its position advances past the bytes consumed
	 * @return {@code true} when the reply is complete, {@code false} when more bytes are
	 * needed
	 * @throws Socks5ProtocolException if VER is not 5
	 */
	public boolean parse(ByteBuffer in) throws Socks5ProtocolException {
		while (this.read < 2 && in.hasRemaining()) {
			byte b = in.get();
			if (this.read == 0) {
				Socks5ParserSupport.checkVersion(b, Socks5HandshakeMessages.SOCKS_VERSION);
			}
			else {
				this.method = Socks5AuthMethod.valueOf(b);
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
	 * Return the method the server chose.
	 * @return the method, or {@code null} before the reply is complete
	 */
	public @Nullable Socks5AuthMethod method() {
		return this.method;
	}

}
