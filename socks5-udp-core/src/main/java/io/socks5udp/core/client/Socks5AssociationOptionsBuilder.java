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
import io.socks5udp.core.protocol.Socks5Credentials;
import org.jspecify.annotations.Nullable;

/**
 * Builder of {@link Socks5AssociationOptions}, from
 * {@link Socks5AssociationOptions#builder(String, int)} or
 * {@link Socks5AssociationOptions#toBuilder()}. Each setter checks its argument.
 *
 * @author socks5-udp authors
 */
public final class Socks5AssociationOptionsBuilder {

	final String host;

	final int port;

	@Nullable Socks5Credentials credentials;

	Duration connectTimeout = Socks5AssociationOptions.DEFAULT_CONNECT_TIMEOUT;

	Duration handshakeTimeout = Socks5AssociationOptions.DEFAULT_HANDSHAKE_TIMEOUT;

	Socks5KeepAlive keepAlive = Socks5KeepAlive.DEFAULT;

	RelayAddressPolicy relayAddressPolicy = RelayAddressPolicy.REPLACE_UNSPECIFIED;

	AssociateAddressPolicy associateAddressPolicy = AssociateAddressPolicy.LOCAL;

	boolean connectedChannel = true;

	@Nullable Boolean batchedIo;

	@Nullable String name;

	@Nullable Socks5ChannelConfigurer channelConfigurer;

	Socks5AssociationOptionsBuilder(String host, int port) {
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
	 * Set the credentials for username/password authentication (RFC 1929); when set, the
	 * greeting offers it besides no authentication.
	 * @param credentials the credentials, or {@code null} for none
	 * @return this builder
	 */
	public Socks5AssociationOptionsBuilder credentials(@Nullable Socks5Credentials credentials) {
		this.credentials = credentials;
		return this;
	}

	/**
	 * Set the TCP connect timeout of the control connection (default 5 seconds).
	 * @param connectTimeout a positive duration
	 * @return this builder
	 */
	public Socks5AssociationOptionsBuilder connectTimeout(Duration connectTimeout) {
		this.connectTimeout = checkPositive("connectTimeout", connectTimeout);
		return this;
	}

	/**
	 * Set the deadline of the whole handshake, all phases together (default 5 seconds).
	 * @param handshakeTimeout a positive duration
	 * @return this builder
	 */
	public Socks5AssociationOptionsBuilder handshakeTimeout(Duration handshakeTimeout) {
		this.handshakeTimeout = checkPositive("handshakeTimeout", handshakeTimeout);
		return this;
	}

	/**
	 * Set the TCP keepalive settings of the control connection (default
	 * {@link Socks5KeepAlive#DEFAULT}: a vanished server is noticed within a minute).
	 * @param keepAlive the keepalive settings
	 * @return this builder
	 */
	public Socks5AssociationOptionsBuilder keepAlive(Socks5KeepAlive keepAlive) {
		this.keepAlive = Objects.requireNonNull(keepAlive, "'keepAlive' must not be null");
		return this;
	}

	/**
	 * Set how the relay address is chosen (default
	 * {@link RelayAddressPolicy#REPLACE_UNSPECIFIED}).
	 * @param relayAddressPolicy the policy
	 * @return this builder
	 */
	public Socks5AssociationOptionsBuilder relayAddressPolicy(RelayAddressPolicy relayAddressPolicy) {
		this.relayAddressPolicy = Objects.requireNonNull(relayAddressPolicy, "'relayAddressPolicy' must not be null");
		return this;
	}

	/**
	 * Set what the UDP ASSOCIATE request announces as DST (default
	 * {@link AssociateAddressPolicy#LOCAL}).
	 * @param associateAddressPolicy the policy
	 * @return this builder
	 */
	public Socks5AssociationOptionsBuilder associateAddressPolicy(AssociateAddressPolicy associateAddressPolicy) {
		this.associateAddressPolicy = Objects.requireNonNull(associateAddressPolicy,
				"'associateAddressPolicy' must not be null");
		return this;
	}

	/**
	 * Set whether the UDP channel is connected to the relay (default {@code true}).
	 * Connected, the kernel drops datagrams from other sources; unconnected, the
	 * association compares each datagram's source with the relay address and drops and
	 * counts the others as {@link Socks5DropReason#FOREIGN_SOURCE}.
	 * @param connectedChannel whether to connect the channel
	 * @return this builder
	 */
	public Socks5AssociationOptionsBuilder connectedChannel(boolean connectedChannel) {
		this.connectedChannel = connectedChannel;
		return this;
	}

	/**
	 * Set whether associations receive and send in batches (default {@code false}, or
	 * {@code true} for a connected channel when the system property
	 * {@value Socks5AssociationOptions#BATCHED_IO_PROPERTY} is {@code true}). With
	 * batched I/O one {@code recvmmsg} takes every datagram waiting, up to 32, and the
	 * receive calls hand them out one by one; and
	 * {@link Socks5UdpAssociation#send(Socks5Address, java.nio.ByteBuffer[], int, int)}
	 * sends up to 32 datagrams with one {@code sendmmsg}: fewer system calls per datagram
	 * when datagrams come and go in bursts. Each association then reserves 2 MB of native
	 * memory to receive in and, once it sends a burst, 32 times its largest datagram
	 * rounded up to a power of two (64 KB for datagrams up to 2 KB) to send from; a page
	 * is touched only when a datagram lands in it. Freed when the association closes.
	 * <p>
	 * Needs Linux on x86-64 or AArch64, Java 22 or later, a connected channel, and the
	 * JVM options {@code --enable-native-access=ALL-UNNAMED} and
	 * {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED}; {@link #build()} says which
	 * is missing.
	 * @param batchedIo whether to batch
	 * @return this builder
	 */
	public Socks5AssociationOptionsBuilder batchedIo(boolean batchedIo) {
		this.batchedIo = batchedIo;
		return this;
	}

	boolean resolvedBatchedIo() {
		Boolean batchedIo = this.batchedIo;
		return (batchedIo != null) ? batchedIo
				: this.connectedChannel && Boolean.getBoolean(Socks5AssociationOptions.BATCHED_IO_PROPERTY);
	}

	/**
	 * Set the name used in thread names and logs (default {@code host:port}).
	 * @param name a name that is not blank
	 * @return this builder
	 */
	public Socks5AssociationOptionsBuilder name(String name) {
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
	public Socks5AssociationOptionsBuilder channelConfigurer(@Nullable Socks5ChannelConfigurer channelConfigurer) {
		this.channelConfigurer = channelConfigurer;
		return this;
	}

	/**
	 * Build the options.
	 * @return the options
	 * @throws IllegalArgumentException if batched I/O is asked for on a channel that is
	 * not connected
	 * @throws IllegalStateException if batched I/O is asked for and cannot be used here,
	 * saying what is missing
	 */
	public Socks5AssociationOptions build() {
		if (resolvedBatchedIo()) {
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
