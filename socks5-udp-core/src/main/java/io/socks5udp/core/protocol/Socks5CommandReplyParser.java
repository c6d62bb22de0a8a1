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
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Incremental parser of the server's reply to a command: VER, REP, RSV, ATYP, BND.ADDR,
 * BND.PORT (RFC 1928 section 6). Feed it bytes as they arrive; it consumes only the bytes
 * of the reply and never more.
 * <p>
 * {@link #replyCode()} is available as soon as REP has been read, so that a client whose
 * server closes the connection after a failing REP can still raise the
 * {@link Socks5ReplyException} that REP stands for. A failing REP is reported, not
 * thrown.
 * <p>
 * Not thread-safe; one instance per handshake.
 *
 * @author socks5-udp authors
 */
public final class Socks5CommandReplyParser {

	private static final int VER = 0;

	private static final int REP = 1;

	private static final int RSV = 2;

	private static final int ATYP = 3;

	private static final int DOMAIN_LENGTH = 4;

	private static final int ADDRESS = 5;

	private static final int PORT_HIGH = 6;

	private static final int PORT_LOW = 7;

	private static final int DONE = 8;

	private final byte[] address = new byte[Socks5Address.MAX_DOMAIN_LENGTH];

	private int state = VER;

	private @Nullable Socks5ReplyCode replyCode;

	private @Nullable Socks5AddressType addressType;

	private int addressLength;

	private int addressRead;

	private int port;

	private @Nullable Socks5Address boundAddress;

	/**
	 * Consume bytes of the reply from the buffer's position.
	 * @param in the bytes received; its position advances past the bytes consumed
	 * @return {@code true} when the reply is complete, {@code false} when more bytes are
	 * needed
	 * @throws Socks5ProtocolException if VER is not 5, RSV is not 0, ATYP is unknown or a
	 * domain name is empty
	 */
	public boolean parse(ByteBuffer in) throws Socks5ProtocolException {
		while (this.state != DONE && in.hasRemaining()) {
			byte b = in.get();
			switch (this.state) {
				case VER -> {
					Socks5ParserSupport.checkVersion(b, Socks5HandshakeMessages.SOCKS_VERSION);
					this.state = REP;
				}
				case REP -> {
					this.replyCode = Socks5ReplyCode.valueOf(b);
					this.state = RSV;
				}
				case RSV -> {
					if (b != 0) {
						throw new Socks5ProtocolException("RSV: " + (b & 0xFF) + " (expected: 0)");
					}
					this.state = ATYP;
				}
				case ATYP -> readAddressType(b);
				case DOMAIN_LENGTH -> {
					this.addressLength = b & 0xFF;
					if (this.addressLength == 0) {
						throw new Socks5ProtocolException(
								"domain length: 0 (expected: 1-" + Socks5Address.MAX_DOMAIN_LENGTH + ")");
					}
					this.state = ADDRESS;
				}
				case ADDRESS -> {
					this.address[this.addressRead++] = b;
					if (this.addressRead == this.addressLength) {
						this.state = PORT_HIGH;
					}
				}
				case PORT_HIGH -> {
					this.port = (b & 0xFF) << 8;
					this.state = PORT_LOW;
				}
				default -> {
					this.port |= b & 0xFF;
					this.boundAddress = Socks5Address.fromWire(Objects.requireNonNull(this.addressType), this.address,
							0, this.addressLength, this.port);
					this.state = DONE;
				}
			}
		}
		return isComplete();
	}

	private void readAddressType(byte b) throws Socks5ProtocolException {
		Socks5AddressType type = Socks5AddressType.valueOf(b);
		if (!type.isKnown()) {
			throw new Socks5ProtocolException(String.format("ATYP: 0x%02X (expected: 0x01, 0x03 or 0x04)", b & 0xFF));
		}
		this.addressType = type;
		if (type.equals(Socks5AddressType.DOMAIN)) {
			this.state = DOMAIN_LENGTH;
		}
		else {
			this.addressLength = type.addressLength();
			this.state = ADDRESS;
		}
	}

	/**
	 * Return whether the whole reply has been read.
	 * @return whether the reply is complete
	 */
	public boolean isComplete() {
		return this.state == DONE;
	}

	/**
	 * Return the reply code, available as soon as REP has been read.
	 * @return the reply code, or {@code null} before REP has been read
	 */
	public @Nullable Socks5ReplyCode replyCode() {
		return this.replyCode;
	}

	/**
	 * Return the bound address (BND.ADDR and BND.PORT) exactly as the server sent it; for
	 * UDP ASSOCIATE it is where to send datagrams, possibly 0.0.0.0 or :: (meaning the
	 * server's own address).
	 * @return the bound address, or {@code null} before the reply is complete
	 */
	public @Nullable Socks5Address boundAddress() {
		return this.boundAddress;
	}

}
