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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import io.socks5udp.core.protocol.Socks5AddressText;
import io.socks5udp.core.protocol.Socks5Credentials;
import org.jspecify.annotations.Nullable;

/**
 * A SOCKS5 UDP relay (RFC 1928 UDP ASSOCIATE, RFC 1929 username/password) that runs in
 * the JVM, for tests and local development: what a mail catcher is for SMTP. Not a mock:
 * it relays real datagrams to any destination it is told, so keep it on loopback, and do
 * not use it in production.
 * <p>
 * It listens on one address (127.0.0.1 unless told otherwise; ::1 works as well), on port
 * 0 by default. Methods: no authentication when no user is configured, username/password
 * (and only that) when users are. Each UDP ASSOCIATE gets its own relay socket, bound on
 * the address the client connected to, so every association has a different port; it
 * accepts datagrams only from the client's host (and the port announced in the request
 * when that is not 0), relays every destination address type, wraps replies in a header
 * carrying their source, and ends when its control connection ends. Other commands are
 * answered with X'07'.
 * <p>
 * Faults can be switched on at run time with {@link #faults()}, or triggered with
 * {@link #closeControlConnections(boolean)},
 * {@link #sendMalformed(MalformedDatagram, int)} and {@link #sendFromForeignSource(int)};
 * {@link #counters()} tells what happened. <pre class="code">
 * try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().build().start()) {
 *     relay.faults().unspecifiedBoundAddress(true);
 *     // connect a client to relay.host() and relay.port()
 * }
 * </pre>
 *
 * @author socks5-udp authors
 * @see EmbeddedSocks5RelayExtension
 * @see Socks5RelayMain
 */
public final class EmbeddedSocks5Relay implements Closeable {

	private final InetAddress bindAddress;

	private final int requestedPort;

	private final Map<String, Socks5Credentials> users;

	private final Duration handshakeTimeout;

	private final int maxConnections;

	private final boolean batchedIo;

	private final RelayFaults faults = new RelayFaults();

	private final RelayCounters counters = new RelayCounters();

	private final ControlConnections connections = new ControlConnections();

	private final AtomicInteger associationIds = new AtomicInteger();

	private final Object lifecycleMonitor = new Object();

	private volatile @Nullable ServerSocket serverSocket;

	private volatile @Nullable Thread acceptor;

	private volatile @Nullable ScheduledThreadPoolExecutor scheduler;

	private volatile @Nullable DatagramForwarder forwarder;

	private volatile @Nullable InetSocketAddress lastBoundAddress;

	private volatile boolean closed;

	EmbeddedSocks5Relay(EmbeddedSocks5RelayBuilder builder) {
		this.bindAddress = builder.bindAddress;
		this.requestedPort = builder.port;
		this.users = Collections.unmodifiableMap(new LinkedHashMap<>(builder.users));
		this.handshakeTimeout = builder.handshakeTimeout;
		this.maxConnections = builder.maxConnections;
		this.batchedIo = builder.batchedIo;
	}

	/**
	 * Create a builder: 127.0.0.1, port 0, no users, a handshake timeout of 10 seconds,
	 * at most {@value EmbeddedSocks5RelayBuilder#DEFAULT_MAX_CONNECTIONS} connections at
	 * a time.
	 * @return a builder
	 */
	public static EmbeddedSocks5RelayBuilder builder() {
		return new EmbeddedSocks5RelayBuilder();
	}

	/**
	 * Start listening. Returns once the relay accepts connections.
	 * @return this relay
	 * @throws IOException if the address cannot be bound
	 * @throws IllegalStateException if the relay was started or closed before
	 */
	public EmbeddedSocks5Relay start() throws IOException {
		synchronized (this.lifecycleMonitor) {
			if (this.serverSocket != null || this.closed) {
				throw new IllegalStateException("relay: " + (this.closed ? "closed" : "started") + " (expected: new)");
			}
			ConnectionAcceptor.prepareToClose();
			ServerSocket server = new ServerSocket();
			try {
				server.bind(new InetSocketAddress(this.bindAddress, this.requestedPort), 128);
			}
			catch (IOException ex) {
				server.close();
				throw new IOException("cannot listen on "
						+ Socks5AddressText.hostAndPort(this.bindAddress, this.requestedPort) + ": " + ex.getMessage(),
						ex);
			}
			ScheduledThreadPoolExecutor delays = new ScheduledThreadPoolExecutor(1, (task) -> {
				Thread thread = new Thread(task, "socks5-relay-" + server.getLocalPort() + "-delays");
				thread.setDaemon(true);
				return thread;
			});
			delays.setRemoveOnCancelPolicy(true);
			this.scheduler = delays;
			this.forwarder = new DatagramForwarder(this.faults, this.counters, delays, this.batchedIo);
			this.serverSocket = server;
			Thread acceptor = new Thread(new ConnectionAcceptor(this, server, this.maxConnections),
					"socks5-relay-" + server.getLocalPort() + "-accept");
			acceptor.setDaemon(true);
			this.acceptor = acceptor;
			acceptor.start();
			if (OpenRelay.isOpen(this.bindAddress, !this.users.isEmpty())) {
				OpenRelay.warn(Socks5AddressText.hostAndPort(this.bindAddress, server.getLocalPort()));
			}
			return this;
		}
	}

	/**
	 * Stop listening and close every control connection and association. Idempotent.
	 */
	@Override
	public void close() {
		synchronized (this.lifecycleMonitor) {
			this.closed = true;
			ServerSocket server = this.serverSocket;
			if (server != null) {
				try {
					server.close();
				}
				catch (IOException ex) {
					// Closing anyway
				}
			}
			Thread accepting = this.acceptor;
			if (accepting != null) {
				// Ends a pause after a failed accept
				accepting.interrupt();
			}
			closeControlConnections(false);
			ScheduledThreadPoolExecutor delays = this.scheduler;
			if (delays != null) {
				delays.shutdownNow();
			}
		}
	}

	/**
	 * Return whether the relay has been started and not closed.
	 * @return whether the relay accepts connections
	 */
	public boolean isRunning() {
		return this.serverSocket != null && !this.closed;
	}

	/**
	 * Return the address the relay listens on, as a literal: {@code 127.0.0.1},
	 * {@code ::1}, ...
	 * @return the host
	 */
	public String host() {
		return Socks5AddressText.host(this.bindAddress);
	}

	/**
	 * Return the port the relay listens on.
	 * @return the port
	 * @throws IllegalStateException if the relay is not started
	 */
	public int port() {
		return started().getLocalPort();
	}

	/**
	 * Return the address and port the relay listens on.
	 * @return the socket address
	 * @throws IllegalStateException if the relay is not started
	 */
	public InetSocketAddress address() {
		return new InetSocketAddress(this.bindAddress, port());
	}

	/**
	 * Return the configured users, by username.
	 * @return the users; empty when no authentication is required
	 */
	public Map<String, Socks5Credentials> users() {
		return this.users;
	}

	/**
	 * Return the faults, to switch them on or off.
	 * @return the faults
	 */
	public RelayFaults faults() {
		return this.faults;
	}

	/**
	 * Return the counters.
	 * @return the counters
	 */
	public RelayCounters counters() {
		return this.counters;
	}

	/**
	 * Return BND of the last successful UDP ASSOCIATE: the relay socket's real address,
	 * whatever the reply said.
	 * @return the address, or {@code null} before the first association
	 */
	public @Nullable InetSocketAddress lastBoundAddress() {
		return this.lastBoundAddress;
	}

	/**
	 * Close every control connection now, gracefully (FIN), which ends their
	 * associations.
	 * @return how many control connections were closed
	 */
	public int closeControlConnections() {
		return closeControlConnections(false);
	}

	/**
	 * Close every control connection now, which ends their associations.
	 * @param reset whether to reset the connections (RST, with SO_LINGER 0) instead of
	 * closing them gracefully (FIN)
	 * @return how many control connections were closed
	 */
	public int closeControlConnections(boolean reset) {
		return this.connections.closeAll(reset);
	}

	/**
	 * Send malformed datagrams to the client of every open association, from its relay
	 * socket, as if they were relayed replies. Associations whose client has neither
	 * announced a port nor sent a datagram yet are skipped.
	 * @param kind the kind of malformed datagram
	 * @param count how many to send to each client
	 * @return how many datagrams were sent in all
	 * @throws IOException if sending fails
	 */
	public int sendMalformed(MalformedDatagram kind, int count) throws IOException {
		Objects.requireNonNull(kind, "'kind' must not be null");
		return this.connections.sendToClients(kind.bytes(), count);
	}

	/**
	 * Send well-formed datagrams to the client of every open association from a source
	 * that is not its relay socket (another port on the relay's address), as an attacker
	 * or a stray sender would. Clients must not accept them. Associations whose client
	 * address is not known yet are skipped.
	 * @param count how many to send to each client
	 * @return how many datagrams were sent in all
	 * @throws IOException if sending fails
	 */
	public int sendFromForeignSource(int count) throws IOException {
		return this.connections.sendFromForeignSource(count);
	}

	/**
	 * Return the Spring Boot properties that make this relay the server of a
	 * {@code socks5.udp.servers.<name>} entry: {@code host}, {@code port} and, when users
	 * are configured, {@code username} and {@code password} of the first user. For
	 * {@code @DynamicPropertySource} or {@code @SpringBootTest(properties = ...)}.
	 * @param serverName the server's name in {@code socks5.udp.servers}
	 * @return the properties, in a stable order
	 * @throws IllegalStateException if the relay is not started
	 */
	public Map<String, String> springProperties(String serverName) {
		Objects.requireNonNull(serverName, "'serverName' must not be null");
		if (serverName.isBlank()) {
			throw new IllegalArgumentException("serverName: '" + serverName + "' (expected: a non-blank name)");
		}
		String prefix = "socks5.udp.servers." + serverName + ".";
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(prefix + "host", host());
		properties.put(prefix + "port", Integer.toString(port()));
		if (!this.users.isEmpty()) {
			Socks5Credentials user = this.users.values().iterator().next();
			properties.put(prefix + "username", user.username());
			properties.put(prefix + "password", user.password());
		}
		return properties;
	}

	@Override
	public String toString() {
		ServerSocket server = this.serverSocket;
		String state = this.closed ? "closed" : (server != null) ? "listening" : "new";
		int port = (server != null) ? server.getLocalPort() : this.requestedPort;
		return "EmbeddedSocks5Relay[" + Socks5AddressText.hostAndPort(this.bindAddress, port) + ", " + state
				+ ", users=" + this.users.size() + "]";
	}

	Duration handshakeTimeout() {
		return this.handshakeTimeout;
	}

	void associationOpened(Association association) {
		this.counters.associationOpened();
		this.lastBoundAddress = association.boundAddress();
		// Associations open only while the relay runs
		association.start(Objects.requireNonNull(this.forwarder),
				"socks5-relay-" + port() + "-association-" + this.associationIds.incrementAndGet());
	}

	void associationClosed() {
		this.counters.associationClosed();
	}

	/**
	 * Add a control connection to those the relay closes when it closes.
	 * @param connection the connection
	 * @return whether the relay is still open; if not, the caller closes the connection
	 */
	boolean register(ControlConnection connection) {
		this.connections.add(connection);
		return !this.closed;
	}

	void removed(ControlConnection connection) {
		this.connections.remove(connection);
	}

	int connectionCount() {
		return this.connections.size();
	}

	private ServerSocket started() {
		ServerSocket server = this.serverSocket;
		if (server == null) {
			throw new IllegalStateException("relay: new (expected: started)");
		}
		return server;
	}

}
