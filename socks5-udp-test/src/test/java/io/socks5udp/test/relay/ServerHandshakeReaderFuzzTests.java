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

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AuthMethod;
import io.socks5udp.core.protocol.Socks5ProtocolException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz tests of {@link ServerHandshakeReader}: whatever a client sends on the control
 * connection, the relay reads the greeting, the username/password request and the command
 * request in the order {@link ControlConnection} does, and each message gives the fields
 * RFC 1928 and RFC 1929 say its bytes are, or an {@link IOException} (an
 * {@link EOFException} when the bytes end early, a {@link Socks5ProtocolException} on the
 * byte that breaks the protocol); never another exception, and never a byte read past the
 * message. The expected outcome is worked out here from the RFCs, apart from the reader,
 * and the bytes are read once at once and once one byte per read.
 *
 * @author socks5-udp authors
 */
class ServerHandshakeReaderFuzzTests {

	private static final HexFormat HEX = HexFormat.of();

	@FuzzTest(maxDuration = "60s")
	void clientHandshakeIsReadMessageByMessageOrRefusedWithAnIOException(byte[] data) {
		for (boolean withUsers : new boolean[] { false, true }) {
			Transcript expected = Expected.transcript(data, withUsers);
			ByteArrayInputStream whole = new ByteArrayInputStream(data);
			assertThat(read(whole, withUsers)).as("read at once, users: %s", withUsers).isEqualTo(expected);
			assertThat(data.length - whole.available()).as("bytes read").isEqualTo(expected.consumed());
			OneBytePerRead trickled = new OneBytePerRead(data);
			assertThat(read(trickled, withUsers)).as("read one byte per read, users: %s", withUsers)
				.isEqualTo(expected);
			assertThat(trickled.position()).as("bytes read").isEqualTo(expected.consumed());
		}
	}

	/**
	 * Read the client's messages as {@link ControlConnection} does with a relay that has
	 * users (username/password) or none (no authentication).
	 */
	private static Transcript read(InputStream in, boolean withUsers) {
		ServerHandshakeReader reader = new ServerHandshakeReader(in);
		List<String> messages = new ArrayList<>();
		Failure failure = null;
		try {
			List<Socks5AuthMethod> offered = reader.readGreeting();
			messages.add(Expected.greeting(offered.stream().mapToInt((method) -> method.byteValue() & 0xFF).toArray()));
			Socks5AuthMethod wanted = withUsers ? Socks5AuthMethod.USERNAME_PASSWORD : Socks5AuthMethod.NO_AUTH;
			if (offered.contains(wanted)) {
				if (withUsers) {
					LoginRequest login = reader.readLoginRequest();
					messages.add(Expected.login(login.username(), login.password()));
				}
				CommandRequest request = reader.readCommandRequest();
				Socks5Address dst = request.destination();
				assertThat(request.addressType().isKnown()).isEqualTo(dst != null);
				if (dst != null) {
					assertThat(dst.type()).isEqualTo(request.addressType());
				}
				messages.add(Expected.command(request.command() & 0xFF, request.addressType().byteValue() & 0xFF,
						(dst != null) ? dst.addressBytes() : null, (dst != null) ? dst.port() : -1));
			}
		}
		catch (Socks5ProtocolException ex) {
			assertThat(ex.getMessage()).isNotBlank();
			failure = Failure.PROTOCOL;
		}
		catch (EOFException ex) {
			failure = Failure.END_OF_STREAM;
		}
		catch (IOException ex) {
			throw new AssertionError("unexpected I/O failure reading from memory", ex);
		}
		return new Transcript(messages, failure, -1);
	}

	/**
	 * The expected outcome of reading some bytes, worked out from RFC 1928 section 3 and
	 * 4 and RFC 1929 section 2.
	 */
	private static final class Expected {

		private final byte[] data;

		private int position;

		private Expected(byte[] data) {
			this.data = data;
		}

		static Transcript transcript(byte[] data, boolean withUsers) {
			Expected expected = new Expected(data);
			List<String> messages = new ArrayList<>();
			Failure failure = expected.messages(messages, withUsers);
			return new Transcript(messages, failure, expected.position);
		}

		private Failure messages(List<String> messages, boolean withUsers) {
			// Greeting: VER X'05', NMETHODS, METHODS
			if (!take(1)) {
				return Failure.END_OF_STREAM;
			}
			if (at(0) != 0x05) {
				return Failure.PROTOCOL;
			}
			if (!take(1)) {
				return Failure.END_OF_STREAM;
			}
			int count = at(1);
			if (!take(count)) {
				return Failure.END_OF_STREAM;
			}
			int[] methods = new int[count];
			boolean offered = false;
			int wanted = withUsers ? 0x02 : 0x00;
			for (int i = 0; i < count; i++) {
				methods[i] = at(2 + i);
				offered |= methods[i] == wanted;
			}
			messages.add(greeting(methods));
			if (!offered) {
				return null;
			}
			if (withUsers) {
				Failure failure = login(messages);
				if (failure != null) {
					return failure;
				}
			}
			return command(messages);
		}

		private Failure login(List<String> messages) {
			// VER X'01', ULEN, UNAME, PLEN, PASSWD
			int start = this.position;
			if (!take(1)) {
				return Failure.END_OF_STREAM;
			}
			if (at(start) != 0x01) {
				return Failure.PROTOCOL;
			}
			if (!take(1) || !take(at(start + 1))) {
				return Failure.END_OF_STREAM;
			}
			int passwordAt = this.position;
			if (!take(1) || !take(at(passwordAt))) {
				return Failure.END_OF_STREAM;
			}
			messages.add(login(slice(start + 2, at(start + 1)), slice(passwordAt + 1, at(passwordAt))));
			return null;
		}

		private Failure command(List<String> messages) {
			// VER X'05', CMD, RSV, ATYP, DST.ADDR, DST.PORT
			int start = this.position;
			if (!take(1)) {
				return Failure.END_OF_STREAM;
			}
			if (at(start) != 0x05) {
				return Failure.PROTOCOL;
			}
			if (!take(3)) {
				return Failure.END_OF_STREAM;
			}
			int type = at(start + 3);
			int length;
			int addressAt = start + 4;
			if (type == 0x01) {
				length = 4;
			}
			else if (type == 0x04) {
				length = 16;
			}
			else if (type == 0x03) {
				if (!take(1)) {
					return Failure.END_OF_STREAM;
				}
				length = at(addressAt++);
				if (length == 0) {
					return Failure.PROTOCOL;
				}
			}
			else {
				// The length of the rest is unknown: the reader stops after ATYP
				messages.add(command(at(start + 1), type, null, -1));
				return null;
			}
			if (!take(length) || !take(2)) {
				return Failure.END_OF_STREAM;
			}
			int port = (at(addressAt + length) << 8) | at(addressAt + length + 1);
			messages.add(command(at(start + 1), type, slice(addressAt, length), port));
			return null;
		}

		private boolean take(int count) {
			if (this.data.length - this.position < count) {
				this.position = this.data.length;
				return false;
			}
			this.position += count;
			return true;
		}

		private int at(int index) {
			return this.data[index] & 0xFF;
		}

		private byte[] slice(int from, int length) {
			byte[] bytes = new byte[length];
			System.arraycopy(this.data, from, bytes, 0, length);
			return bytes;
		}

		static String greeting(int[] methods) {
			StringBuilder text = new StringBuilder("greeting");
			for (int method : methods) {
				text.append(' ').append(HEX.toHexDigits((byte) method));
			}
			return text.toString();
		}

		static String login(byte[] username, byte[] password) {
			return "login " + HEX.formatHex(username) + " " + HEX.formatHex(password);
		}

		static String command(int command, int type, byte[] address, int port) {
			return "command " + HEX.toHexDigits((byte) command) + " " + HEX.toHexDigits((byte) type) + " "
					+ ((address != null) ? HEX.formatHex(address) + " " + port : "-");
		}

	}

	/**
	 * How reading ended.
	 */
	private enum Failure {

		/** The bytes ended in the middle of a message. */
		END_OF_STREAM,

		/** A byte broke the protocol. */
		PROTOCOL

	}

	/**
	 * The messages read, how reading failed if it did, and (for the expectation) how many
	 * bytes the reader should have consumed, or -1 when not known.
	 */
	private record Transcript(List<String> messages, Failure failure, int consumed) {

		@Override
		public boolean equals(Object obj) {
			return obj instanceof Transcript other && this.messages.equals(other.messages)
					&& this.failure == other.failure;
		}

		@Override
		public int hashCode() {
			return this.messages.hashCode() * 31 + ((this.failure != null) ? this.failure.hashCode() : 0);
		}

	}

	/**
	 * A stream that gives at most one byte per read, as a slow client's packets arrive.
	 */
	private static final class OneBytePerRead extends InputStream {

		private final byte[] data;

		private int position;

		OneBytePerRead(byte[] data) {
			this.data = data;
		}

		@Override
		public int read() {
			return (this.position < this.data.length) ? this.data[this.position++] & 0xFF : -1;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (length == 0) {
				return 0;
			}
			int value = read();
			if (value < 0) {
				return -1;
			}
			buffer[offset] = (byte) value;
			return 1;
		}

		int position() {
			return this.position;
		}

	}

}
