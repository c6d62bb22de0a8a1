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

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An address and port as SOCKS5 carries them (RFC 1928 section 5): an IPv4 address, an
 * IPv6 address or a domain name, plus a port. Immutable; validated when created, so a
 * {@code Socks5Address} can always be encoded.
 * <p>
 * Domain names must hold no control character (C0, DEL, C1) and no space, are converted
 * to ASCII with IDNA ({@link java.net.IDN#toASCII(String)}) and must then be 1 to 255
 * bytes long. Nothing here performs a DNS lookup: a host that is not an IPv4 or IPv6
 * literal is kept as a domain name, for the relay to resolve. IPv4 literals are read in
 * every {@code inet_aton} form ({@code 127.1}, {@code 2130706433}, {@code 0x7f.1}, see
 * {@link Socks5AddressText#parseIpv4(CharSequence)}), so that such a host is sent as the
 * address it denotes, never as a name.
 *
 * @author socks5-udp authors
 */
public final class Socks5Address {

	/** Largest port number. */
	public static final int MAX_PORT = 65535;

	/** Largest domain name, in bytes after IDN conversion. */
	public static final int MAX_DOMAIN_LENGTH = 255;

	private final Socks5AddressType type;

	private final byte[] address;

	private final @Nullable String host;

	private final int port;

	private final @Nullable InetAddress inetAddress;

	Socks5Address(Socks5AddressType type, byte[] address, @Nullable String host, int port,
			@Nullable InetAddress inetAddress) {
		this.type = type;
		this.address = address;
		this.host = host;
		this.port = checkPort(port);
		this.inetAddress = inetAddress;
	}

	/**
	 * Create an address from a host string: an IPv4 literal in any {@code inet_aton} form
	 * ({@code 192.0.2.1}, {@code 127.1}, {@code 0x7f.1}, ...), an IPv6 literal (with or
	 * without brackets), or else a domain name. A name whose IDNA form is an IP literal
	 * (full-width digits, dots or colons, for example) is refused.
	 * @param host the host
	 * @param port the port, 0 to 65535
	 * @return the address
	 * @throws IllegalArgumentException if the host or port is invalid; a host written
	 * like an IPv4 address but out of range (such as {@code 256.1.1.1}) is invalid, not a
	 * name
	 */
	public static Socks5Address of(String host, int port) {
		Objects.requireNonNull(host, "'host' must not be null");
		return HostAddresses.of(host, port);
	}

	/**
	 * Create an address from an IP address.
	 * @param address the IPv4 or IPv6 address
	 * @param port the port, 0 to 65535
	 * @return the address
	 */
	public static Socks5Address of(InetAddress address, int port) {
		Objects.requireNonNull(address, "'address' must not be null");
		if (address instanceof Inet4Address) {
			return new Socks5Address(Socks5AddressType.IPV4, address.getAddress(), address.getHostAddress(), port,
					address);
		}
		return ipv6(address.getAddress(), port);
	}

	/**
	 * Create an address from a socket address: an unresolved one gives a domain name (so
	 * that the relay resolves it), a resolved one its IP address.
	 * @param address the socket address
	 * @return the address
	 */
	public static Socks5Address of(InetSocketAddress address) {
		Objects.requireNonNull(address, "'address' must not be null");
		if (address.isUnresolved()) {
			return of(address.getHostString(), address.getPort());
		}
		return of(address.getAddress(), address.getPort());
	}

	/**
	 * Create an IPv4 address.
	 * @param address the 4 address bytes
	 * @param port the port, 0 to 65535
	 * @return the address
	 */
	public static Socks5Address ipv4(byte[] address, int port) {
		Objects.requireNonNull(address, "'address' must not be null");
		if (address.length != 4) {
			throw new IllegalArgumentException("ipv4: " + address.length + " bytes (expected: 4)");
		}
		byte[] copy = address.clone();
		return new Socks5Address(Socks5AddressType.IPV4, copy, null, port, inet(copy));
	}

	/**
	 * Create an IPv6 address.
	 * @param address the 16 address bytes
	 * @param port the port, 0 to 65535
	 * @return the address
	 */
	public static Socks5Address ipv6(byte[] address, int port) {
		Objects.requireNonNull(address, "'address' must not be null");
		if (address.length != 16) {
			throw new IllegalArgumentException("ipv6: " + address.length + " bytes (expected: 16)");
		}
		byte[] copy = address.clone();
		return new Socks5Address(Socks5AddressType.IPV6, copy, null, port, inet(copy));
	}

	/**
	 * Create a domain-name address, converting the name to ASCII with IDNA.
	 * @param name the domain name
	 * @param port the port, 0 to 65535
	 * @return the address
	 * @throws IllegalArgumentException if the name is invalid (a control character or a
	 * space, for example), too long, or written like an IP address (use
	 * {@link #of(String, int)} for those)
	 */
	public static Socks5Address domain(String name, int port) {
		Objects.requireNonNull(name, "'name' must not be null");
		return HostAddresses.domain(name, port);
	}

	/**
	 * Create an address from its wire form, as read from a reply or UDP request header.
	 * Domain names are taken byte for byte (ISO-8859-1), without IDN conversion.
	 * @param type the address type; must be known
	 * @param bytes the buffer holding the address field (without the domain length byte)
	 * @param offset where the address field starts
	 * @param length the length of the address field
	 * @param port the port, 0 to 65535
	 * @return the address
	 */
	public static Socks5Address fromWire(Socks5AddressType type, byte[] bytes, int offset, int length, int port) {
		byte[] field = Arrays.copyOfRange(bytes, offset, offset + length);
		if (Socks5AddressType.IPV4.equals(type)) {
			return ipv4(field, port);
		}
		if (Socks5AddressType.IPV6.equals(type)) {
			return ipv6(field, port);
		}
		if (Socks5AddressType.DOMAIN.equals(type)) {
			DomainNames.checkLength("", length);
			return new Socks5Address(Socks5AddressType.DOMAIN, field, new String(field, StandardCharsets.ISO_8859_1),
					port, null);
		}
		throw new IllegalArgumentException("type: " + type + " (expected: IPV4, DOMAIN or IPV6)");
	}

	/**
	 * Return the address type.
	 * @return the address type
	 */
	public Socks5AddressType type() {
		return this.type;
	}

	/**
	 * Return the host: the IP literal (IPv6 in the RFC 5952 form, without brackets) or
	 * the ASCII domain name.
	 * @return the host
	 */
	public String host() {
		if (this.host != null) {
			return this.host;
		}
		if (this.type == Socks5AddressType.IPV6) {
			return Socks5AddressText.ipv6(this.address);
		}
		return Objects.requireNonNull(this.inetAddress).getHostAddress();
	}

	/**
	 * Return the port.
	 * @return the port, 0 to 65535
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Return a copy of the address field: 4 or 16 bytes, or the ASCII bytes of the domain
	 * name.
	 * @return the address bytes
	 */
	public byte[] addressBytes() {
		return this.address.clone();
	}

	/**
	 * Return the length of the address field in bytes (4, 16, or the domain name length).
	 * @return the address field length
	 */
	public int addressLength() {
		return this.address.length;
	}

	/**
	 * Return one byte of the address field without copying the field, for code that must
	 * not allocate (such as a registry lookup per datagram).
	 * @param index the index, 0 to {@link #addressLength()} - 1
	 * @return the byte at that index
	 * @throws IndexOutOfBoundsException if the index is out of range
	 */
	public byte addressByte(int index) {
		return this.address[index];
	}

	/**
	 * Return the length of this address on the wire: ATYP, address field (with its length
	 * byte for a domain name) and port.
	 * @return the encoded length in bytes
	 */
	public int encodedLength() {
		return 1 + (isDomain() ? 1 + this.address.length : this.address.length) + 2;
	}

	/**
	 * Return whether this is a domain-name address.
	 * @return whether the type is {@link Socks5AddressType#DOMAIN}
	 */
	public boolean isDomain() {
		return this.type == Socks5AddressType.DOMAIN;
	}

	/**
	 * Return whether this is the unspecified address 0.0.0.0 or ::.
	 * @return whether the address is unspecified
	 */
	public boolean isUnspecified() {
		return this.inetAddress != null && this.inetAddress.isAnyLocalAddress();
	}

	/**
	 * Return the IP address, or {@code null} for a domain name.
	 * @return the IP address or {@code null}
	 */
	public @Nullable InetAddress inetAddress() {
		return this.inetAddress;
	}

	/**
	 * Return a socket address: resolved for an IP address, unresolved for a domain name
	 * (no lookup is made).
	 * @return the socket address
	 */
	public InetSocketAddress toInetSocketAddress() {
		if (this.inetAddress != null) {
			return new InetSocketAddress(this.inetAddress, this.port);
		}
		return InetSocketAddress.createUnresolved(this.host, this.port);
	}

	/**
	 * Return this address with another port.
	 * @param port the port, 0 to 65535
	 * @return the address
	 */
	public Socks5Address withPort(int port) {
		return (port != this.port) ? new Socks5Address(this.type, this.address, this.host, port, this.inetAddress)
				: this;
	}

	/**
	 * Write the address field (with the length byte for a domain name) into a byte array.
	 * For use by encoders in this package: no copy of the address is made.
	 * @param target the array
	 * @param offset where to write
	 * @return the offset after the address field
	 */
	int writeAddressField(byte[] target, int offset) {
		int at = offset;
		if (isDomain()) {
			target[at++] = (byte) this.address.length;
		}
		System.arraycopy(this.address, 0, target, at, this.address.length);
		return at + this.address.length;
	}

	/**
	 * Return the address field without copying. For encoders in this package only.
	 * @return the address bytes, not to be modified
	 */
	byte[] rawAddress() {
		return this.address;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		if (this == obj) {
			return true;
		}
		return obj instanceof Socks5Address other && this.port == other.port && this.type.equals(other.type)
				&& Arrays.equals(this.address, other.address);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * this.type.hashCode() + Arrays.hashCode(this.address)) + this.port;
	}

	@Override
	public String toString() {
		return Socks5AddressText.hostAndPort(host(), this.port);
	}

	private static int checkPort(int port) {
		if (port < 0 || port > MAX_PORT) {
			throw new IllegalArgumentException("port: " + port + " (expected: 0-" + MAX_PORT + ")");
		}
		return port;
	}

	private static InetAddress inet(byte[] address) {
		try {
			return InetAddress.getByAddress(address);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
