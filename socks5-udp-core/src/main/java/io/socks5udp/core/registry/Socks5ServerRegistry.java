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
package io.socks5udp.core.registry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressText;
import io.socks5udp.core.protocol.Socks5NoServerException;

/**
 * Which SOCKS5 server, if any, carries traffic for a destination: the analogue of AIX's
 * {@code socks5_getserv}, with the rules and best-match semantics of
 * {@code /etc/socks5c.conf}.
 * <ul>
 * <li>Address rules match by longest prefix, name-fragment rules by longest fragment, and
 * any name-fragment match beats any address match.</li>
 * <li>Where nothing matches, the implicit records {@code 0.0.0.0/0 NONE} and
 * {@code ::/0 NONE} apply: the destination is contacted directly.</li>
 * <li>Name fragments match the host name the caller gave (a domain {@link Socks5Address}
 * or an unresolved {@link InetSocketAddress}); an address is turned into a name only with
 * an explicit {@link Socks5ReverseLookup}. A host name that no fragment matches takes the
 * route of the address it resolves to with a {@link Socks5ForwardLookup}, as
 * {@code socks5_getserv} routes the address its caller resolved; without one, or when the
 * name does not resolve, the route of the {@code 0.0.0.0/0} rule (else of the
 * {@code ::/0} rule), since its address is not known; with neither rule it is
 * direct.</li>
 * </ul>
 * Lookups are thread-safe and allocate nothing for a {@link Socks5Address}, an IPv4
 * {@link InetAddress} or a host name; an IPv6 {@link InetAddress} costs the copy of its
 * bytes that {@link InetAddress#getAddress()} makes.
 *
 * @author socks5-udp authors
 * @see Socks5ConfigParser
 * @see Socks5ServerRegistryBuilder
 */
public interface Socks5ServerRegistry {

	/**
	 * Return the route for a destination.
	 * @param destination the destination; for a domain name, name-fragment rules apply
	 * @return the route: direct or a server
	 */
	Socks5ServerSelection lookup(Socks5Address destination);

	/**
	 * Return the route for a destination. The host name of an unresolved address is
	 * matched against name-fragment rules; so is the host name a resolved address was
	 * created with, where there are name-fragment rules.
	 * @param destination the destination
	 * @return the route: direct or a server
	 */
	Socks5ServerSelection lookup(InetSocketAddress destination);

	/**
	 * Return the route for an address. Name-fragment rules apply only with a
	 * {@link Socks5ReverseLookup}.
	 * @param destination the address
	 * @return the route: direct or a server
	 */
	Socks5ServerSelection lookup(InetAddress destination);

	/**
	 * Return the route for a host: an IPv4 or IPv6 literal, or a host name. An IPv4
	 * literal may take any {@code inet_aton} form ({@code 127.1}, {@code 2130706433},
	 * {@code 0x7f.1}, ...) and takes the route of the address it denotes.
	 * @param host the host
	 * @return the route: direct or a server
	 * @throws IllegalArgumentException if the host is written like an IPv4 address but is
	 * not one (such as {@code 256.1.1.1}): it is no name either
	 * @see Socks5AddressText#parseIpv4(CharSequence)
	 */
	Socks5ServerSelection lookup(String host);

	/**
	 * Return the server for a destination that must go through one.
	 * @param destination the destination
	 * @return the server
	 * @throws Socks5NoServerException if the route is direct ({@code S5_ENOSERV}); the
	 * message names the destination and the rule, or the implicit default, that says
	 * {@code NONE}
	 */
	default Socks5ServerEndpoint requireServer(Socks5Address destination) throws Socks5NoServerException {
		return NoServer.require(lookup(destination), destination);
	}

	/**
	 * Return the server for a destination that must go through one.
	 * @param destination the destination
	 * @return the server
	 * @throws Socks5NoServerException if the route is direct ({@code S5_ENOSERV})
	 */
	default Socks5ServerEndpoint requireServer(InetSocketAddress destination) throws Socks5NoServerException {
		return NoServer.require(lookup(destination), destination);
	}

	/**
	 * Return the server for an address that must be reached through one.
	 * @param destination the address
	 * @return the server
	 * @throws Socks5NoServerException if the route is direct ({@code S5_ENOSERV})
	 */
	default Socks5ServerEndpoint requireServer(InetAddress destination) throws Socks5NoServerException {
		return NoServer.require(lookup(destination), destination);
	}

	/**
	 * Return the server for a host that must be reached through one.
	 * @param host the host: an IP literal or a host name
	 * @return the server
	 * @throws Socks5NoServerException if the route is direct ({@code S5_ENOSERV})
	 * @throws IllegalArgumentException if the host is written like an IPv4 address but is
	 * not one
	 */
	default Socks5ServerEndpoint requireServer(String host) throws Socks5NoServerException {
		return NoServer.require(lookup(host), host);
	}

	/**
	 * Return a builder.
	 * @return a new builder
	 */
	static Socks5ServerRegistryBuilder builder() {
		return new Socks5ServerRegistryBuilder();
	}

	/**
	 * Return a registry without rules: every destination is contacted directly.
	 * @return the registry
	 */
	static Socks5ServerRegistry direct() {
		return Socks5RuleSet.EMPTY;
	}

	/**
	 * Return the registry that the {@code SOCKS5C_CONFIG} environment variable of this
	 * process describes.
	 * @return the registry
	 * @throws IOException if the named file cannot be read
	 * @see Socks5ServerRegistryBuilder#environment(Map)
	 */
	static Socks5ServerRegistry fromEnvironment() throws IOException {
		return fromEnvironment(System.getenv());
	}

	/**
	 * Return the registry that the {@code SOCKS5C_CONFIG} variable of an environment
	 * describes: unset, no rules (everything direct); set but empty, SOCKS disabled
	 * (everything direct); set, the rules of the file it names.
	 * @param environment the environment variables
	 * @return the registry
	 * @throws IOException if the named file cannot be read
	 * @see Socks5ServerRegistryBuilder#environment(Map)
	 */
	static Socks5ServerRegistry fromEnvironment(Map<String, String> environment) throws IOException {
		return builder().environment(environment).build();
	}

}
