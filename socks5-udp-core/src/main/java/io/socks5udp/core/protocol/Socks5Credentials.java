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

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Username and password for SOCKS5 username/password authentication (RFC 1929). Each is
 * sent as UTF-8 and must be 1 to 255 bytes long, without an unpaired surrogate (which
 * UTF-8 cannot encode: the JDK would send {@code ?} in its place); both are checked when
 * created, so credentials can always be encoded as given.
 * <p>
 * {@link #toString()} and the messages of the exceptions thrown here never show the
 * password.
 *
 * @author socks5-udp authors
 */
public final class Socks5Credentials {

	/** Largest username or password, in bytes of UTF-8. */
	public static final int MAX_LENGTH = 255;

	private final String username;

	private final String password;

	/**
	 * Create credentials.
	 * @param username the username, 1 to 255 bytes of UTF-8
	 * @param password the password, 1 to 255 bytes of UTF-8
	 * @throws IllegalArgumentException if either is empty, too long or holds an unpaired
	 * surrogate; the message never shows the password
	 */
	public Socks5Credentials(String username, String password) {
		Objects.requireNonNull(username, "'username' must not be null");
		Objects.requireNonNull(password, "'password' must not be null");
		checkLength("username", utf8Length("username", username));
		checkLength("password", utf8Length("password", password));
		this.username = username;
		this.password = password;
	}

	/**
	 * Return the username.
	 * @return the username
	 */
	public String username() {
		return this.username;
	}

	/**
	 * Return the password.
	 * @return the password
	 */
	public String password() {
		return this.password;
	}

	byte[] usernameBytes() {
		return this.username.getBytes(StandardCharsets.UTF_8);
	}

	byte[] passwordBytes() {
		return this.password.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		if (this == obj) {
			return true;
		}
		return obj instanceof Socks5Credentials other && this.username.equals(other.username)
				&& this.password.equals(other.password);
	}

	@Override
	public int hashCode() {
		return 31 * this.username.hashCode() + this.password.hashCode();
	}

	@Override
	public String toString() {
		return "Socks5Credentials[username=" + this.username + ", password=******]";
	}

	private static void checkLength(String name, int length) {
		if (length < 1 || length > MAX_LENGTH) {
			throw new IllegalArgumentException(name + ": " + length + " bytes (expected: 1-" + MAX_LENGTH + ")");
		}
	}

	private static int utf8Length(String field, String value) {
		int length = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				length += 4;
				i++;
			}
			else if (Character.isSurrogate(c)) {
				// The index only: the value may be a password
				throw new IllegalArgumentException(field + ": an unpaired surrogate at index " + i
						+ " (expected: characters that UTF-8 can encode)");
			}
			else {
				length += (c < 0x80) ? 1 : (c < 0x800) ? 2 : 3;
			}
		}
		return length;
	}

}
