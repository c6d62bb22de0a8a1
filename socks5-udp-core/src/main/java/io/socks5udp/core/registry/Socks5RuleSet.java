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

import java.net.IDN;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressText;
import org.jspecify.annotations.Nullable;

/**
 * An immutable registry compiled from a list of rules: address rules into a sorted
 * segment table per address family (a binary search answers a lookup), name-fragment
 * rules into a suffix hash table. For equal destinations the first rule wins; the later
 * rules of the same source with that destination are its alternatives, whose servers its
 * {@link Socks5ServerSelection selection} names after its own, in order ({@code NONE} and
 * repeated servers among the alternatives are ignored: a rule that sends through a server
 * never falls back to sending directly). Made by {@link Socks5ServerRegistryBuilder}.
 *
 * @author socks5-udp authors
 */
public final class Socks5RuleSet implements Socks5ServerRegistry {

	static final Socks5RuleSet EMPTY = new Socks5RuleSet(List.of(), false, Socks5ServerSelection.IMPLICIT_IPV4,
			Socks5ServerSelection.IMPLICIT_IPV6, Socks5ServerSelection.IMPLICIT_NAME, List.of(), List.of(), Map.of(),
			null, null);

	static final Socks5RuleSet DISABLED = new Socks5RuleSet(List.of(), true, Socks5ServerSelection.DISABLED,
			Socks5ServerSelection.DISABLED, Socks5ServerSelection.DISABLED, List.of(), List.of(), Map.of(), null, null);

	private final List<Socks5Rule> rules;

	private final boolean disabled;

	private final Ipv4RouteTable ipv4;

	private final Ipv6RouteTable ipv6;

	private final NameFragmentTable names;

	private final Socks5ServerSelection nameDefault;

	private final @Nullable Socks5ReverseLookup reverseLookup;

	private final @Nullable Socks5ForwardLookup forwardLookup;

	private Socks5RuleSet(List<Socks5Rule> rules, boolean disabled, Socks5ServerSelection ipv4Default,
			Socks5ServerSelection ipv6Default, Socks5ServerSelection nameDefault,
			List<PrefixSegments.Prefix> ipv4Prefixes, List<PrefixSegments.Prefix> ipv6Prefixes,
			Map<String, Socks5ServerSelection> fragments, @Nullable Socks5ReverseLookup reverseLookup,
			@Nullable Socks5ForwardLookup forwardLookup) {
		this.rules = List.copyOf(rules);
		this.disabled = disabled;
		this.ipv4 = new Ipv4RouteTable(ipv4Prefixes, ipv4Default);
		this.ipv6 = new Ipv6RouteTable(ipv6Prefixes, ipv6Default);
		this.names = new NameFragmentTable(fragments);
		this.nameDefault = nameDefault;
		this.reverseLookup = this.names.isEmpty() ? null : reverseLookup;
		this.forwardLookup = forwardLookup;
	}

	/**
	 * Compile rules.
	 * @param rules the rules, in order
	 * @param resolver the resolver of logical server names
	 * @param reverseLookup the reverse lookup, or {@code null} for none
	 * @param forwardLookup the lookup of names no fragment matches, or {@code null} for
	 * none
	 * @return the rule set
	 * @throws Socks5ConfigException if a rule names an unknown logical server
	 */
	static Socks5RuleSet compile(List<Socks5Rule> rules, Socks5ServerResolver resolver,
			@Nullable Socks5ReverseLookup reverseLookup, @Nullable Socks5ForwardLookup forwardLookup) {
		List<PrefixSegments.Prefix> ipv4Prefixes = new ArrayList<>();
		List<PrefixSegments.Prefix> ipv6Prefixes = new ArrayList<>();
		Map<String, Socks5ServerSelection> fragments = new LinkedHashMap<>();
		Socks5ServerSelection ipv4CatchAll = null;
		Socks5ServerSelection ipv6CatchAll = null;
		Map<AlternativesKey, List<Socks5ServerEndpoint>> alternatives = alternatives(rules, resolver);
		for (Socks5Rule rule : rules) {
			List<Socks5ServerEndpoint> servers = alternatives.remove(AlternativesKey.of(rule));
			if (servers == null) {
				// An alternative of an earlier rule, which names its server
				continue;
			}
			Socks5ServerSelection route = Socks5ServerSelection.of(servers, rule);
			Socks5Destination destination = rule.destination();
			if (destination.isNameFragment()) {
				fragments.putIfAbsent(destination.nameFragment(), route);
			}
			else if (destination.address() instanceof Inet4Address) {
				ipv4Prefixes.add(PrefixSegments.Prefix.of(destination, route));
				if (destination.prefixLength() == 0 && ipv4CatchAll == null) {
					ipv4CatchAll = route;
				}
			}
			else {
				ipv6Prefixes.add(PrefixSegments.Prefix.of(destination, route));
				if (destination.prefixLength() == 0 && ipv6CatchAll == null) {
					ipv6CatchAll = route;
				}
			}
		}
		Socks5ServerSelection nameDefault = (ipv4CatchAll != null) ? ipv4CatchAll
				: (ipv6CatchAll != null) ? ipv6CatchAll : Socks5ServerSelection.IMPLICIT_NAME;
		return new Socks5RuleSet(rules, false, Socks5ServerSelection.IMPLICIT_IPV4, Socks5ServerSelection.IMPLICIT_IPV6,
				nameDefault, ipv4Prefixes, ipv6Prefixes, fragments, reverseLookup, forwardLookup);
	}

	/**
	 * Return the servers of every destination of every source, in rule order: the first
	 * rule's server (none for {@code NONE}), then those of its alternatives.
	 */
	private static Map<AlternativesKey, List<Socks5ServerEndpoint>> alternatives(List<Socks5Rule> rules,
			Socks5ServerResolver resolver) {
		Map<AlternativesKey, List<Socks5ServerEndpoint>> alternatives = new LinkedHashMap<>();
		for (Socks5Rule rule : rules) {
			Socks5ServerEndpoint server = resolve(rule, resolver);
			AlternativesKey key = AlternativesKey.of(rule);
			List<Socks5ServerEndpoint> servers = alternatives.get(key);
			boolean first = servers == null;
			if (servers == null) {
				servers = new ArrayList<>();
				alternatives.put(key, servers);
			}
			// A destination whose first rule is NONE stays direct, whatever its
			// alternatives say
			boolean direct = !first && servers.isEmpty();
			if (server != null && !direct && !servers.contains(server)) {
				servers.add(server);
			}
		}
		return alternatives;
	}

	/**
	 * Rules with equal keys are alternatives: the same destination in the same source.
	 */
	private record AlternativesKey(Socks5Destination destination, @Nullable String source) {

		static AlternativesKey of(Socks5Rule rule) {
			Socks5RuleOrigin origin = rule.origin();
			return new AlternativesKey(rule.destination(), (origin != null) ? origin.source() : null);
		}

	}

	private static @Nullable Socks5ServerEndpoint resolve(Socks5Rule rule, Socks5ServerResolver resolver) {
		Socks5ServerSpec server = rule.server();
		if (!server.isNamed()) {
			return server.endpoint();
		}
		Socks5ServerEndpoint endpoint = resolver.resolve(Objects.requireNonNull(server.name()));
		if (endpoint == null) {
			Socks5RuleOrigin origin = (rule.origin() != null) ? rule.origin() : new Socks5RuleOrigin("rules", 0);
			throw new Socks5ConfigException(origin.source(), origin.line(), rule.toString(),
					"unknown server name '" + server.name() + "' (expected: " + resolver.knownNames() + ")", null);
		}
		return endpoint;
	}

	/**
	 * Return the rules, in the order they were given.
	 * @return the rules
	 */
	public List<Socks5Rule> rules() {
		return this.rules;
	}

	/**
	 * Return whether SOCKS is disabled ({@code SOCKS5C_CONFIG} set but empty): every
	 * destination is direct, whatever the rules.
	 * @return whether SOCKS is disabled
	 */
	public boolean isDisabled() {
		return this.disabled;
	}

	@Override
	public Socks5ServerSelection lookup(Socks5Address destination) {
		Objects.requireNonNull(destination, "'destination' must not be null");
		if (destination.isDomain()) {
			// Already ASCII: a Socks5Address converts names with IDNA
			return lookupHost(destination.host(), false);
		}
		// Not a domain, so an IP address
		InetAddress address = Objects.requireNonNull(destination.inetAddress());
		if (this.reverseLookup != null || address instanceof Inet4Address) {
			return lookup(address);
		}
		// Read the bytes in place: InetAddress.getAddress() would copy them
		return this.ipv6.lookup(bits(destination, 0), bits(destination, 8));
	}

	private static long bits(Socks5Address address, int offset) {
		long bits = 0;
		for (int i = offset; i < offset + 8; i++) {
			bits = (bits << 8) | (address.addressByte(i) & 0xFFL);
		}
		return bits;
	}

	@Override
	public Socks5ServerSelection lookup(InetSocketAddress destination) {
		Objects.requireNonNull(destination, "'destination' must not be null");
		if (destination.isUnresolved()) {
			return lookup(destination.getHostString());
		}
		if (!this.names.isEmpty()) {
			String host = destination.getHostString();
			if (!Socks5AddressText.looksLikeIpv4(host) && host.indexOf(':') < 0) {
				Socks5ServerSelection route = this.names.match(host);
				if (route != null) {
					return route;
				}
			}
		}
		return lookup(destination.getAddress());
	}

	@Override
	public Socks5ServerSelection lookup(InetAddress destination) {
		Objects.requireNonNull(destination, "'destination' must not be null");
		if (this.reverseLookup != null) {
			String host = this.reverseLookup.hostName(destination);
			Socks5ServerSelection route = (host != null) ? this.names.match(host) : null;
			if (route != null) {
				return route;
			}
		}
		if (destination instanceof Inet4Address) {
			// Inet4Address documents its hash code as the address itself
			return this.ipv4.lookup(destination.hashCode());
		}
		return this.ipv6.lookup(destination.getAddress());
	}

	@Override
	public Socks5ServerSelection lookup(String host) {
		Objects.requireNonNull(host, "'host' must not be null");
		return lookupHost(host, true);
	}

	private Socks5ServerSelection lookupHost(String host, boolean mayBeUnicode) {
		long ipv4 = Socks5AddressText.parseIpv4(host);
		if (ipv4 >= 0) {
			return (this.reverseLookup != null)
					? lookup(Objects.requireNonNull(Socks5Address.of(host, 0).inetAddress()))
					: this.ipv4.lookup((int) ipv4);
		}
		boolean colon = false;
		boolean nonAscii = false;
		if (mayBeUnicode) {
			// One scan for both questions: an IPv6 literal? any non-ASCII character?
			for (int i = 0; i < host.length(); i++) {
				char c = host.charAt(i);
				colon |= c == ':';
				nonAscii |= c > 127;
			}
		}
		else {
			colon = host.indexOf(':') >= 0;
		}
		if (colon) {
			InetAddress address = Socks5AddressText.parseIpv6(host);
			if (address != null) {
				return lookup(address);
			}
		}
		if (nonAscii) {
			String ascii = ascii(host);
			if (!ascii.equals(host)) {
				// IDNA maps full-width digits, dots and colons to ASCII ones: the ASCII
				// form may be an IP literal
				return lookupHost(ascii, false);
			}
		}
		Socks5ServerSelection route = this.names.match(host);
		if (route != null) {
			return route;
		}
		InetAddress address = (this.forwardLookup != null) ? this.forwardLookup.address(host) : null;
		return (address != null) ? lookup(address) : this.nameDefault;
	}

	private static String ascii(String host) {
		try {
			return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
		}
		catch (IllegalArgumentException ex) {
			return host;
		}
	}

	@Override
	public String toString() {
		return this.disabled ? "Socks5RuleSet[disabled]"
				: "Socks5RuleSet[" + this.rules.size() + " rules, " + this.ipv4.segments() + " IPv4 segments]";
	}

}
