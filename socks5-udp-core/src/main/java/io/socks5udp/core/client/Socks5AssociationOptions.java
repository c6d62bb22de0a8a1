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
package io.socks5udp.core.client;

import java.time.Duration;
import java.util.Objects;

import io.socks5udp.core.nativeio.NativeSockets;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressText;
import io.socks5udp.core.protocol.Socks5Credentials;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to open a {@link Socks5UdpAssociation}: the SOCKS5 server, optional
 * credentials, timeouts and the per-server policies. Immutable and validated when built;
 * {@link #toString()} never shows the password.
 * <p>
 * Create with {@link #builder(String, int)}: <pre class="code">
 * Socks5AssociationOptions options = Socks5AssociationOptions.builder("127.0.0.1", 1080)
 *     .credentials(new Socks5Credentials("alice", "secret"))
 *     .handshakeTimeout(Duration.ofSeconds(2))
 *     .build();
 * </pre>
 *
 * @author socks5-udp authors
 */
public final class Socks5AssociationOptions {

	/** Default TCP connect timeout of the control connection. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/** Default deadline of the whole handshake (greeting, authentication, command). */
	public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * The system property that turns {@link Builder#batchedIo(boolean) batched I/O} on by
	 * default for associations with a connected channel, for running a whole suite with
	 * it.
	 */
	public static final String BATCHED_IO_PROPERTY = "socks5udp.client.batched-io";

	private final String host;

	private final int port;

	private final @Nullable Socks5Credentials credentials;

	private final Duration connectTimeout;

	private final Duration handshakeTimeout;

	private final Socks5KeepAlive keepAlive;

	private final RelayAddressPolicy relayAddressPolicy;

	private final AssociateAddressPolicy associateAddressPolicy;

	private final boolean connectedChannel;

	private final boolean batchedIo;

	private final String name;

	private final @Nullable Socks5ChannelConfigurer channelConfigurer;

	private Socks5AssociationOptions(Builder builder) {
		this.host = builder.host;
		this.port = builder.port;
		this.credentials = builder.credentials;
		this.connectTimeout = builder.connectTimeout;
		this.handshakeTimeout = builder.handshakeTimeout;
		this.keepAlive = builder.keepAlive;
		this.relayAddressPolicy = builder.relayAddressPolicy;
		this.associateAddressPolicy = builder.associateAddressPolicy;
		this.connectedChannel = builder.connectedChannel;
		this.batchedIo = builder.batchedIo();
		this.name = (builder.name != null) ? builder.name : defaultName(builder.host, builder.port);
		this.channelConfigurer = builder.channelConfigurer;
	}

	/**
	 * Start building options for a SOCKS5 server.
	 * @param host the server's host name or IP literal
	 * @param port the server's TCP port, 1 to 65535
	 * @return the builder
	 * @throws IllegalArgumentException if the host is empty or the port out of range
	 */
	public static Builder builder(String host, int port) {
		return new Builder(host, port);
	}

	/**
	 * Return the SOCKS5 server's host name or IP literal.
	 * @return the host
	 */
	public String host() {
		return this.host;
	}

	/**
	 * Return the SOCKS5 server's TCP port.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Return the credentials for username/password authentication (RFC 1929).
	 * @return the credentials, or {@code null} to offer no authentication only
	 */
	public @Nullable Socks5Credentials credentials() {
		return this.credentials;
	}

	/**
	 * Return the TCP connect timeout of the control connection.
	 * @return the connect timeout
	 */
	public Duration connectTimeout() {
		return this.connectTimeout;
	}

	/**
	 * Return the deadline of the whole handshake, from the greeting to the UDP ASSOCIATE
	 * reply.
	 * @return the handshake timeout
	 */
	public Duration handshakeTimeout() {
		return this.handshakeTimeout;
	}

	/**
	 * Return the TCP keepalive settings of the control connection.
	 * @return the keepalive settings
	 */
	public Socks5KeepAlive keepAlive() {
		return this.keepAlive;
	}

	/**
	 * Return how the relay address is chosen from the UDP ASSOCIATE reply.
	 * @return the relay address policy
	 */
	public RelayAddressPolicy relayAddressPolicy() {
		return this.relayAddressPolicy;
	}

	/**
	 * Return what the UDP ASSOCIATE request announces as DST.
	 * @return the associate address policy
	 */
	public AssociateAddressPolicy associateAddressPolicy() {
		return this.associateAddressPolicy;
	}

	/**
	 * Return whether the UDP channel is connected to the relay, so that the kernel drops
	 * datagrams from any other source.
	 * @return whether the channel is connected
	 */
	public boolean connectedChannel() {
		return this.connectedChannel;
	}

	/**
	 * Return whether associations receive and send in batches, with {@code recvmmsg} and
	 * {@code sendmmsg}.
	 * @return whether batched I/O is on
	 * @see Builder#batchedIo(boolean)
	 */
	public boolean batchedIo() {
		return this.batchedIo;
	}

	/**
	 * Return the name of associations opened with these options, used in thread names and
	 * logs.
	 * @return the name; {@code host:port} unless set
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return what configures the UDP channel before it is connected, or {@code null}.
	 * @return the channel configurer or {@code null}
	 */
	public @Nullable Socks5ChannelConfigurer channelConfigurer() {
		return this.channelConfigurer;
	}

	/**
	 * Return a builder that starts from these options.
	 * @return a builder with every option of this one
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.host, this.port);
		builder.credentials = this.credentials;
		builder.connectTimeout = this.connectTimeout;
		builder.handshakeTimeout = this.handshakeTimeout;
		builder.keepAlive = this.keepAlive;
		builder.relayAddressPolicy = this.relayAddressPolicy;
		builder.associateAddressPolicy = this.associateAddressPolicy;
		builder.connectedChannel = this.connectedChannel;
		builder.batchedIo = this.batchedIo;
		builder.name = this.name;
		builder.channelConfigurer = this.channelConfigurer;
		return builder;
	}

	@Override
	public String toString() {
		String user = (this.credentials != null) ? this.credentials.username() + ":******" : "none";
		return "Socks5AssociationOptions[name=" + this.name + ", server=" + defaultName(this.host, this.port)
				+ ", credentials=" + user + ", connectTimeout=" + this.connectTimeout + ", handshakeTimeout="
				+ this.handshakeTimeout + ", keepAlive=" + this.keepAlive + ", relayAddressPolicy="
				+ this.relayAddressPolicy + ", associateAddressPolicy=" + this.associateAddressPolicy
				+ ", connectedChannel=" + this.connectedChannel + ", batchedIo=" + this.batchedIo + "]";
	}

	private static String defaultName(String host, int port) {
		return Socks5AddressText.hostAndPort(host, port);
	}

	/**
	 * Builder of {@link Socks5AssociationOptions}. Each setter checks its argument.
	 */
	public static final class Builder {

		private final String host;

		private final int port;

		private @Nullable Socks5Credentials credentials;

		private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;

		private Socks5KeepAlive keepAlive = Socks5KeepAlive.DEFAULT;

		private RelayAddressPolicy relayAddressPolicy = RelayAddressPolicy.REPLACE_UNSPECIFIED;

		private AssociateAddressPolicy associateAddressPolicy = AssociateAddressPolicy.LOCAL;

		private boolean connectedChannel = true;

		private @Nullable Boolean batchedIo;

		private @Nullable String name;

		private @Nullable Socks5ChannelConfigurer channelConfigurer;

		private Builder(String host, int port) {
			Objects.requireNonNull(host, "'host' must not be null");
			if (host.isBlank()) {
				throw new IllegalArgumentException("host: '" + host + "' (expected: a host name or IP literal)");
			}
			if (port < 1 || port > Socks5Address.MAX_PORT) {
				throw new IllegalArgumentException("port: " + port + " (expected: 1-" + Socks5Address.MAX_PORT + ")");
			}
			this.host = host;
			this.port = port;
		}

		/**
		 * Set the credentials for username/password authentication (RFC 1929); when set,
		 * the greeting offers it besides no authentication.
		 * @param credentials the credentials, or {@code null} for none
		 * @return this builder
		 */
		public Builder credentials(@Nullable Socks5Credentials credentials) {
			this.credentials = credentials;
			return this;
		}

		/**
		 * Set the TCP connect timeout of the control connection (default 5 seconds).
		 * @param connectTimeout a positive duration
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = checkPositive("connectTimeout", connectTimeout);
			return this;
		}

		/**
		 * Set the deadline of the whole handshake, all phases together (default 5
		 * seconds).
		 * @param handshakeTimeout a positive duration
		 * @return this builder
		 */
		public Builder handshakeTimeout(Duration handshakeTimeout) {
			this.handshakeTimeout = checkPositive("handshakeTimeout", handshakeTimeout);
			return this;
		}

		/**
		 * Set the TCP keepalive settings of the control connection (default
		 * {@link Socks5KeepAlive#DEFAULT}: a vanished server is noticed within a minute).
		 * @param keepAlive the keepalive settings
		 * @return this builder
		 */
		public Builder keepAlive(Socks5KeepAlive keepAlive) {
			this.keepAlive = Objects.requireNonNull(keepAlive, "'keepAlive' must not be null");
			return this;
		}

		/**
		 * Set how the relay address is chosen (default
		 * {@link RelayAddressPolicy#REPLACE_UNSPECIFIED}).
		 * @param relayAddressPolicy the policy
		 * @return this builder
		 */
		public Builder relayAddressPolicy(RelayAddressPolicy relayAddressPolicy) {
			this.relayAddressPolicy = Objects.requireNonNull(relayAddressPolicy,
					"'relayAddressPolicy' must not be null");
			return this;
		}

		/**
		 * Set what the UDP ASSOCIATE request announces as DST (default
		 * {@link AssociateAddressPolicy#LOCAL}).
		 * @param associateAddressPolicy the policy
		 * @return this builder
		 */
		public Builder associateAddressPolicy(AssociateAddressPolicy associateAddressPolicy) {
			this.associateAddressPolicy = Objects.requireNonNull(associateAddressPolicy,
					"'associateAddressPolicy' must not be null");
			return this;
		}

		/**
		 * Set whether the UDP channel is connected to the relay (default {@code true}).
		 * Connected, the kernel drops datagrams from other sources; unconnected, the
		 * association compares each datagram's source with the relay address and drops
		 * and counts the others as {@link Socks5DropReason#FOREIGN_SOURCE}.
		 * @param connectedChannel whether to connect the channel
		 * @return this builder
		 */
		public Builder connectedChannel(boolean connectedChannel) {
			this.connectedChannel = connectedChannel;
			return this;
		}

		/**
		 * Set whether associations receive and send in batches (default {@code false}, or
		 * {@code true} for a connected channel when the system property
		 * {@value Socks5AssociationOptions#BATCHED_IO_PROPERTY} is {@code true}). With
		 * batched I/O one {@code recvmmsg} takes every datagram waiting, up to 32, and
		 * the receive calls hand them out one by one; and
		 * {@link Socks5UdpAssociation#send(Socks5Address, java.nio.ByteBuffer[], int, int)}
		 * sends up to 32 datagrams with one {@code sendmmsg}: fewer system calls per
		 * datagram when datagrams come and go in bursts. Each association then reserves 2
		 * MB of native memory to receive in and, once it sends a burst, 32 times its
		 * largest datagram rounded up to a power of two (64 KB for datagrams up to 2 KB)
		 * to send from; a page is touched only when a datagram lands in it. Freed when
		 * the association closes.
		 * <p>
		 * Needs Linux on x86-64 or AArch64, Java 22 or later, a connected channel, and
		 * the JVM options {@code --enable-native-access=ALL-UNNAMED} and
		 * {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED}; {@link #build()} says
		 * which is missing.
		 * @param batchedIo whether to batch
		 * @return this builder
		 */
		public Builder batchedIo(boolean batchedIo) {
			this.batchedIo = batchedIo;
			return this;
		}

		private boolean batchedIo() {
			Boolean batchedIo = this.batchedIo;
			return (batchedIo != null) ? batchedIo : this.connectedChannel && Boolean.getBoolean(BATCHED_IO_PROPERTY);
		}

		/**
		 * Set the name used in thread names and logs (default {@code host:port}).
		 * @param name a name that is not blank
		 * @return this builder
		 */
		public Builder name(String name) {
			Objects.requireNonNull(name, "'name' must not be null");
			if (name.isBlank()) {
				throw new IllegalArgumentException("name: '" + name + "' (expected: not blank)");
			}
			this.name = name;
			return this;
		}

		/**
		 * Set what configures the UDP channel of each association, once it is bound and
		 * before it is connected to the relay.
		 * @param channelConfigurer the configurer, or {@code null} for none
		 * @return this builder
		 */
		public Builder channelConfigurer(@Nullable Socks5ChannelConfigurer channelConfigurer) {
			this.channelConfigurer = channelConfigurer;
			return this;
		}

		/**
		 * Build the options.
		 * @return the options
		 * @throws IllegalArgumentException if batched I/O is asked for on a channel that
		 * is not connected
		 * @throws IllegalStateException if batched I/O is asked for and cannot be used
		 * here, saying what is missing
		 */
		public Socks5AssociationOptions build() {
			if (batchedIo()) {
				if (!this.connectedChannel) {
					throw new IllegalArgumentException(
							"batchedIo: true with connectedChannel: false (expected: a connected channel for batched I/O)");
				}
				NativeSockets.checkUsable();
			}
			return new Socks5AssociationOptions(this);
		}

		private static Duration checkPositive(String name, Duration value) {
			Objects.requireNonNull(value, () -> "'" + name + "' must not be null");
			if (value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(name + ": " + value + " (expected: positive)");
			}
			return value;
		}

	}

}
