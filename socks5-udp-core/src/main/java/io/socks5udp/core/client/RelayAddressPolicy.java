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

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

import io.socks5udp.core.protocol.Socks5Address;
import org.jspecify.annotations.Nullable;

/**
 * How an association chooses its relay address, where datagrams are sent, from the
 * BND.ADDR and BND.PORT of the server's UDP ASSOCIATE reply (RFC 1928 section 6).
 * <p>
 * Many servers answer BND.ADDR {@code 0.0.0.0} or {@code ::}, meaning "my own address";
 * servers behind NAT answer an address the client cannot reach. Hence four policies:
 * <ul>
 * <li>{@link #REPLACE_UNSPECIFIED} (the default): BND as replied, except that an
 * unspecified BND.ADDR is replaced by the control connection's peer address;</li>
 * <li>{@link #ALWAYS_SERVER}: the control connection's peer address with BND.PORT;</li>
 * <li>{@link #TRUST_REPLY}: BND as replied, unspecified or not;</li>
 * <li>{@link #fixed(InetSocketAddress)}: a fixed address and port, whatever the reply
 * says.</li>
 * </ul>
 * A domain-name BND.ADDR is resolved once, when the association opens.
 *
 * @author socks5-udp authors
 */
public final class RelayAddressPolicy {

	/**
	 * BND as replied; an unspecified BND.ADDR ({@code 0.0.0.0} or {@code ::}) is replaced
	 * by the control connection's peer address, BND.PORT kept.
	 */
	public static final RelayAddressPolicy REPLACE_UNSPECIFIED = new RelayAddressPolicy(Kind.REPLACE_UNSPECIFIED, null);

	/** The control connection's peer address and BND.PORT, whatever BND.ADDR says. */
	public static final RelayAddressPolicy ALWAYS_SERVER = new RelayAddressPolicy(Kind.ALWAYS_SERVER, null);

	/** BND.ADDR and BND.PORT exactly as replied. */
	public static final RelayAddressPolicy TRUST_REPLY = new RelayAddressPolicy(Kind.TRUST_REPLY, null);

	private final Kind kind;

	private final @Nullable InetSocketAddress fixedAddress;

	private RelayAddressPolicy(Kind kind, @Nullable InetSocketAddress fixedAddress) {
		this.kind = kind;
		this.fixedAddress = fixedAddress;
	}

	/**
	 * Return a policy that always sends to the given address, ignoring the reply's BND:
	 * for servers behind NAT, whose replies name an address the client cannot reach. An
	 * unresolved address is resolved when an association opens.
	 * @param address the relay address; its port 1 to 65535
	 * @return the policy
	 */
	public static RelayAddressPolicy fixed(InetSocketAddress address) {
		Objects.requireNonNull(address, "'address' must not be null");
		if (address.getPort() < 1) {
			throw new IllegalArgumentException(
					"port: " + address.getPort() + " (expected: 1-" + Socks5Address.MAX_PORT + ")");
		}
		return new RelayAddressPolicy(Kind.FIXED, address);
	}

	/**
	 * Return whether this is a {@link #fixed(InetSocketAddress) fixed} policy.
	 * @return whether the relay address is fixed
	 */
	public boolean isFixed() {
		return this.kind == Kind.FIXED;
	}

	/**
	 * Return the address of a {@link #fixed(InetSocketAddress) fixed} policy.
	 * @return the fixed address, or {@code null} for the other policies
	 */
	public @Nullable InetSocketAddress fixedAddress() {
		return this.fixedAddress;
	}

	/**
	 * Choose the relay address. Public for clients built on other transports (such as the
	 * Netty module), which run the handshake themselves and must pick the relay the same
	 * way.
	 * @param bound the BND of the UDP ASSOCIATE reply
	 * @param server the control connection's peer address
	 * @return the resolved relay address
	 * @throws UnknownHostException if a domain name cannot be resolved
	 */
	public InetSocketAddress relayAddress(Socks5Address bound, InetAddress server) throws UnknownHostException {
		return switch (this.kind) {
			case REPLACE_UNSPECIFIED ->
				bound.isUnspecified() ? new InetSocketAddress(server, bound.port()) : resolve(bound);
			case ALWAYS_SERVER -> new InetSocketAddress(server, bound.port());
			case TRUST_REPLY -> resolve(bound);
			case FIXED -> resolve(Objects.requireNonNull(this.fixedAddress));
		};
	}

	private static InetSocketAddress resolve(Socks5Address address) throws UnknownHostException {
		if (address.isDomain()) {
			return new InetSocketAddress(InetAddress.getByName(address.host()), address.port());
		}
		return address.toInetSocketAddress();
	}

	private static InetSocketAddress resolve(InetSocketAddress address) throws UnknownHostException {
		if (address.isUnresolved()) {
			return new InetSocketAddress(InetAddress.getByName(address.getHostString()), address.getPort());
		}
		return address;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		if (this == obj) {
			return true;
		}
		return obj instanceof RelayAddressPolicy other && this.kind == other.kind
				&& Objects.equals(this.fixedAddress, other.fixedAddress);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.kind, this.fixedAddress);
	}

	@Override
	public String toString() {
		if (this.kind != Kind.FIXED) {
			return this.kind.name();
		}
		return "FIXED(" + Socks5Handshake.format(this.fixedAddress) + ")";
	}

	private enum Kind {

		REPLACE_UNSPECIFIED, ALWAYS_SERVER, TRUST_REPLY, FIXED

	}

}
