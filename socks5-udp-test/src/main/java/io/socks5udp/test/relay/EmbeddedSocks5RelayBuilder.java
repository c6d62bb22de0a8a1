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

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.socks5udp.core.nativeio.NativeSockets;
import io.socks5udp.core.protocol.Socks5AddressText;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5Credentials;

/**
 * Builder of an {@link EmbeddedSocks5Relay}: where it listens, its users, its handshake
 * timeout and how many connections it serves at a time.
 *
 * @author socks5-udp authors
 */
public final class EmbeddedSocks5RelayBuilder {

	/** How many connections a relay serves at a time unless told otherwise. */
	public static final int DEFAULT_MAX_CONNECTIONS = 1024;

	/**
	 * The system property that turns {@link #batchedIo(boolean) batched I/O} on by
	 * default, for running a whole suite against the batched relay.
	 */
	public static final String BATCHED_IO_PROPERTY = "socks5udp.relay.batched-io";

	InetAddress bindAddress = InetAddress.getLoopbackAddress();

	int port;

	final Map<String, Socks5Credentials> users = new LinkedHashMap<>();

	Duration handshakeTimeout = Duration.ofSeconds(10);

	int maxConnections = DEFAULT_MAX_CONNECTIONS;

	boolean allowOpenRelay;

	boolean batchedIo = Boolean.getBoolean(BATCHED_IO_PROPERTY);

	EmbeddedSocks5RelayBuilder() {
	}

	/**
	 * Listen on an address. Beyond loopback, add a user or allow an open relay.
	 * @param address the address, normally 127.0.0.1 or ::1
	 * @return this builder
	 */
	public EmbeddedSocks5RelayBuilder bind(InetAddress address) {
		this.bindAddress = Objects.requireNonNull(address, "'address' must not be null");
		return this;
	}

	/**
	 * Listen on an address given as an IPv4 or IPv6 literal (never looked up).
	 * @param address the address, for example {@code 127.0.0.1} or {@code ::1}
	 * @return this builder
	 * @throws IllegalArgumentException if the address is not an IP literal
	 */
	public EmbeddedSocks5RelayBuilder bind(String address) {
		Objects.requireNonNull(address, "'address' must not be null");
		InetAddress parsed = Socks5Address.of(address, 0).inetAddress();
		if (parsed == null) {
			throw new IllegalArgumentException(
					"bind: '" + address + "' (expected: an IPv4 or IPv6 address, such as 127.0.0.1 or ::1)");
		}
		return bind(parsed);
	}

	/**
	 * Listen on a port.
	 * @param port the port, 0 (the default) for any free port
	 * @return this builder
	 */
	public EmbeddedSocks5RelayBuilder port(int port) {
		if (port < 0 || port > Socks5Address.MAX_PORT) {
			throw new IllegalArgumentException("port: " + port + " (expected: 0-" + Socks5Address.MAX_PORT + ")");
		}
		this.port = port;
		return this;
	}

	/**
	 * Add a user. Once any user is added, clients must authenticate with
	 * username/password (RFC 1929).
	 * @param username the username, 1 to 255 bytes of UTF-8
	 * @param password the password, 1 to 255 bytes of UTF-8
	 * @return this builder
	 */
	public EmbeddedSocks5RelayBuilder user(String username, String password) {
		Socks5Credentials credentials = new Socks5Credentials(username, password);
		this.users.put(credentials.username(), credentials);
		return this;
	}

	/**
	 * Set how long a client may take for the whole handshake before the relay closes the
	 * connection.
	 * @param timeout the timeout, 10 seconds by default
	 * @return this builder
	 */
	public EmbeddedSocks5RelayBuilder handshakeTimeout(Duration timeout) {
		Objects.requireNonNull(timeout, "'timeout' must not be null");
		if (timeout.isZero() || timeout.isNegative()) {
			throw new IllegalArgumentException("handshakeTimeout: " + timeout + " (expected: positive)");
		}
		this.handshakeTimeout = timeout;
		return this;
	}

	/**
	 * Set how many control connections the relay serves at a time, handshaking or keeping
	 * an association: each holds a thread and a socket, and its association two more of
	 * each. Connections beyond are closed as soon as they are accepted.
	 * @param maxConnections the number of connections, 1024 by default
	 * @return this builder
	 */
	public EmbeddedSocks5RelayBuilder maxConnections(int maxConnections) {
		if (maxConnections < 1) {
			throw new IllegalArgumentException("maxConnections: " + maxConnections + " (expected: 1 or more)");
		}
		this.maxConnections = maxConnections;
		return this;
	}

	/**
	 * Allow listening beyond loopback without users: an open relay, which is an open
	 * proxy for anyone who reaches it. It logs a warning when it starts.
	 * @param allow whether to allow it, false by default
	 * @return this builder
	 */
	public EmbeddedSocks5RelayBuilder allowOpenRelay(boolean allow) {
		this.allowOpenRelay = allow;
		return this;
	}

	/**
	 * Move each association's datagrams in batches: one {@code recvmmsg} receives every
	 * datagram waiting (up to 32), one {@code sendmmsg} sends them on, instead of one
	 * system call per datagram each way. The relay then spends less CPU per datagram
	 * under load. Needs Linux (x86-64 or AArch64), Java 22 or later,
	 * {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED} and
	 * {@code --enable-native-access=ALL-UNNAMED} (the relay jar's manifest grants both).
	 * @param batched whether to batch; false by default, unless the system property
	 * {@value #BATCHED_IO_PROPERTY} is {@code true}
	 * @return this builder
	 */
	public EmbeddedSocks5RelayBuilder batchedIo(boolean batched) {
		this.batchedIo = batched;
		return this;
	}

	/**
	 * Build the relay, not yet started.
	 * @return the relay
	 * @throws IllegalStateException if it would listen beyond loopback (the wildcard
	 * address included) without users, and that is not allowed
	 * @throws IllegalStateException if batched I/O is asked for and cannot be used here,
	 * saying what is missing
	 * @see #allowOpenRelay(boolean)
	 */
	public EmbeddedSocks5Relay build() {
		if (this.batchedIo) {
			NativeSockets.checkUsable();
		}
		if (OpenRelay.isOpen(this.bindAddress, !this.users.isEmpty()) && !this.allowOpenRelay) {
			throw new IllegalStateException("bind: " + Socks5AddressText.host(this.bindAddress)
					+ " is not a loopback address and no user is given: an open relay, which is an open proxy"
					+ " (expected: a loopback address, a user, or allowOpenRelay(true))");
		}
		return new EmbeddedSocks5Relay(this);
	}

}
