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
	 * The system property that turns
	 * {@link Socks5AssociationOptionsBuilder#batchedIo(boolean) batched I/O} on by
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

	Socks5AssociationOptions(Socks5AssociationOptionsBuilder builder) {
		this.host = builder.host;
		this.port = builder.port;
		this.credentials = builder.credentials;
		this.connectTimeout = builder.connectTimeout;
		this.handshakeTimeout = builder.handshakeTimeout;
		this.keepAlive = builder.keepAlive;
		this.relayAddressPolicy = builder.relayAddressPolicy;
		this.associateAddressPolicy = builder.associateAddressPolicy;
		this.connectedChannel = builder.connectedChannel;
		this.batchedIo = builder.resolvedBatchedIo();
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
	public static Socks5AssociationOptionsBuilder builder(String host, int port) {
		return new Socks5AssociationOptionsBuilder(host, port);
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
	 * @see Socks5AssociationOptionsBuilder#batchedIo(boolean)
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
	public Socks5AssociationOptionsBuilder toBuilder() {
		Socks5AssociationOptionsBuilder builder = new Socks5AssociationOptionsBuilder(this.host, this.port);
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

}
