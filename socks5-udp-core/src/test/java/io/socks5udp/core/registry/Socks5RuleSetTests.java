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
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.socks5udp.core.protocol.AllocationMeter;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5Errno;
import io.socks5udp.core.protocol.Socks5NoServerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link Socks5RuleSet}: best match as {@code socks5c.conf} defines it.
 *
 * @author socks5-udp authors
 */
class Socks5RuleSetTests {

	private static final String IPV4_RULES = """
			10.0.0.0/8     a
			10.1.0.0/16    b
			10.1.2.0/24    NONE
			10.1.2.3       c
			192.0.2.0/31   d
			255.255.255.255 e
			""";

	private static final String IPV6_RULES = """
			2001:db8::/32          [2001:db8::a]:1080
			2001:db8:1::/48        [2001:db8::b]:1080
			2001:db8:1:2::/64      NONE
			2001:db8:1:2::1        [2001:db8::c]:1081
			::/1                   low
			""";

	private static final String NAME_RULES = """
			.example.test          a
			.eu.example.test       b
			corp.example.test      c
			.example.test.         ignored-as-duplicate
			""";

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "10.9.9.9, a:1080", "10.0.0.0, a:1080", "10.255.255.255, a:1080", "10.1.9.9, b:1080", "10.1.2.9, NONE",
			"10.1.2.3, c:1080", "10.1.2.4, NONE", "10.1.3.0, b:1080", "10.2.0.0, a:1080", "11.0.0.0, NONE (implicit)",
			"9.255.255.255, NONE (implicit)", "0.0.0.0, NONE (implicit)", "192.0.2.0, d:1080", "192.0.2.1, d:1080",
			"192.0.2.2, NONE (implicit)", "255.255.255.255, e:1080", "255.255.255.254, NONE (implicit)" })
	void ipv4LongestPrefixWins(String destination, String expected) throws Exception {
		Socks5RuleSet rules = rules(IPV4_RULES);
		assertThat(describe(rules.lookup(destination))).isEqualTo(expected);
		assertThat(describe(rules.lookup(InetAddress.getByName(destination)))).isEqualTo(expected);
		assertThat(describe(rules.lookup(Socks5Address.of(destination, 53)))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "2001:db8:ffff::1, [2001:db8::a]:1080", "2001:db8:1:ffff::1, [2001:db8::b]:1080",
			"2001:db8:1:2::2, NONE", "2001:db8:1:2::1, [2001:db8::c]:1081", "2001:db9::1, low:1080", "::1, low:1080",
			"7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, low:1080", "8000::, NONE (implicit)",
			"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, NONE (implicit)" })
	void ipv6LongestPrefixWins(String destination, String expected) throws Exception {
		Socks5RuleSet rules = rules(IPV6_RULES);
		assertThat(describe(rules.lookup(destination))).isEqualTo(expected);
		assertThat(describe(rules.lookup("[" + destination + "]"))).isEqualTo(expected);
		assertThat(describe(rules.lookup(InetAddress.getByName(destination)))).isEqualTo(expected);
		assertThat(describe(rules.lookup(Socks5Address.of(destination, 53)))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "www.example.test, a:1080", "a.b.example.test, a:1080", "x.eu.example.test, b:1080",
			"eu.example.test, a:1080", "corp.example.test, c:1080", "a.corp.example.test, c:1080",
			"mycorp.example.test, c:1080", "WWW.Example.TEST, a:1080", "www.example.test., a:1080",
			"example.test, NONE (implicit)", "example.org, NONE (implicit)", "test, NONE (implicit)" })
	void nameFragmentsMatchByLongestSuffix(String host, String expected) throws Exception {
		Socks5RuleSet rules = rules(NAME_RULES);
		assertThat(describe(rules.lookup(host))).isEqualTo(expected);
		assertThat(describe(rules.lookup(Socks5Address.of(host, 53)))).isEqualTo(expected);
		assertThat(describe(rules.lookup(InetSocketAddress.createUnresolved(host, 53)))).isEqualTo(expected);
	}

	@Test
	void unicodeHostNamesMatchFragmentsInTheirIdnaForm() throws Exception {
		Socks5RuleSet rules = rules(".xn--bcher-kva.test proxy");
		assertThat(describe(rules.lookup("www.bücher.test"))).isEqualTo("proxy:1080");
		assertThat(describe(rules.lookup(Socks5Address.of("www.bücher.test", 53)))).isEqualTo("proxy:1080");
		assertThat(describe(rules.lookup(InetSocketAddress.createUnresolved("www.bücher.test", 53))))
			.isEqualTo("proxy:1080");
	}

	@Test
	void anyNameMatchBeatsAnyAddressMatch() throws Exception {
		Socks5RuleSet rules = rules("""
				10.1.2.3/32     NONE
				0.0.0.0/0       everything
				test            names
				""");
		InetAddress named = InetAddress.getByAddress("db.example.test", new byte[] { 10, 1, 2, 3 });
		assertThat(describe(rules.lookup(new InetSocketAddress(named, 5432)))).isEqualTo("names:1080");
		assertThat(describe(rules.lookup(InetSocketAddress.createUnresolved("db.example.test", 5432))))
			.isEqualTo("names:1080");
		assertThat(
				describe(rules.lookup(new InetSocketAddress(InetAddress.getByAddress(new byte[] { 10, 1, 2, 3 }), 1))))
			.isEqualTo("NONE");
	}

	@Test
	void nameWithoutFragmentMatchTakesTheCatchAllRule() throws Exception {
		assertThat(describe(rules("0.0.0.0/0 all4\n::/0 all6\n.a.test NONE").lookup("b.test"))).isEqualTo("all4:1080");
		assertThat(describe(rules("::/0 all6\n.a.test NONE").lookup("b.test"))).isEqualTo("all6:1080");
		assertThat(rules("10.0.0.0/8 p\n.a.test x").lookup("b.test").reason()).contains("no name fragment matches");
	}

	@Test
	void implicitDefaultsSendEverythingDirect() throws Exception {
		Socks5RuleSet rules = rules("# only a comment\n\n");
		Socks5ServerSelection ipv4 = rules.lookup("203.0.113.9");
		Socks5ServerSelection ipv6 = rules.lookup("2001:db8::9");
		Socks5ServerSelection name = rules.lookup("host.example.test");
		assertThat(List.of(ipv4, ipv6, name)).allSatisfy((route) -> {
			assertThat(route.isDirect()).isTrue();
			assertThat(route.server()).isNull();
			assertThat(route.rule()).isNull();
		});
		assertThat(ipv4.reason()).contains("0.0.0.0/0 NONE");
		assertThat(ipv6.reason()).contains("::/0 NONE");
		assertThat(Socks5ServerRegistry.direct().lookup("203.0.113.9").isDirect()).isTrue();
	}

	@Test
	void firstOfEqualDestinationsWins() throws Exception {
		Socks5RuleSet rules = rules("""
				10.0.0.0/8       first
				10.9.9.9/8       second
				2001:db8::/32    first
				2001:db8::/32    second
				.Example.test    first
				.example.TEST    second
				""");
		assertThat(describe(rules.lookup("10.1.1.1"))).isEqualTo("first:1080");
		assertThat(describe(rules.lookup("2001:db8::1"))).isEqualTo("first:1080");
		assertThat(describe(rules.lookup("a.example.test"))).isEqualTo("first:1080");
		assertThat(rules.lookup("a.example.test").rule().origin().line()).isEqualTo(5);
	}

	@Test
	void recordsWithTheSameDestinationAreAlternativesInFileOrder() throws Exception {
		Socks5RuleSet rules = rules("""
				10.0.0.0/8       first
				10.1.0.0/16      other
				10.0.0.0/8       second:1081
				10.0.0.0/8       third
				2001:db8::/32    [::1]:1080
				2001:db8::/32    [::1]:1081
				.example.test    first
				.example.test    second
				""");
		Socks5ServerSelection route = rules.lookup("10.2.0.1");
		assertThat(route.servers()).extracting(Socks5ServerEndpoint::name)
			.containsExactly("first:1080", "second:1081", "third:1080");
		assertThat(route.server()).isEqualTo(route.servers().get(0));
		assertThat(route.rule().origin().line()).isEqualTo(1);
		assertThat(route.reason()).contains("'10.0.0.0/8 first:1080'").contains("with 2 alternatives");
		assertThat(rules.lookup("10.1.0.1").servers()).extracting(Socks5ServerEndpoint::name)
			.containsExactly("other:1080");
		assertThat(rules.lookup("2001:db8::1").servers()).extracting(Socks5ServerEndpoint::port)
			.containsExactly(1080, 1081);
		assertThat(rules.lookup("www.example.test").servers()).extracting(Socks5ServerEndpoint::name)
			.containsExactly("first:1080", "second:1080");
		assertThat(rules.rules()).hasSize(8);
	}

	@Test
	void alternativesNeverSendDirectUnlessTheFirstRecordSaysNone() throws Exception {
		Socks5RuleSet rules = rules("""
				10.0.0.0/8       first
				10.0.0.0/8       NONE
				10.0.0.0/8       first
				10.0.0.0/8       second
				192.0.2.0/24     NONE
				192.0.2.0/24     proxy
				""");
		assertThat(rules.lookup("10.2.0.1").servers()).extracting(Socks5ServerEndpoint::name)
			.containsExactly("first:1080", "second:1080");
		Socks5ServerSelection direct = rules.lookup("192.0.2.7");
		assertThat(direct.isDirect()).isTrue();
		assertThat(direct.servers()).isEmpty();
		assertThat(direct.server()).isNull();
	}

	@Test
	void recordsOfDifferentSourcesAreNotAlternatives() throws Exception {
		Socks5RuleSet rules = Socks5ServerRegistry.builder()
			.text("one.conf", "10.0.0.0/8 one")
			.text("two.conf", "10.0.0.0/8 two")
			.build();
		assertThat(rules.lookup("10.2.0.1").servers()).extracting(Socks5ServerEndpoint::name)
			.containsExactly("one:1080");
	}

	@Test
	void spreadingAppliesOnlyToARuleWithAlternatives() throws Exception {
		Socks5ConfigParser parser = Socks5ConfigParser.forFiles();
		Socks5RuleSet rules = Socks5ServerRegistry.builder()
			.rules("rules",
					List.of(parser.parseRecord("rules", 1, "10.0.0.0/8 a").withSpreading(),
							parser.parseRecord("rules", 2, "10.0.0.0/8 b"),
							parser.parseRecord("rules", 3, "192.0.2.0/24 c").withSpreading()))
			.build();
		assertThat(rules.lookup("10.2.0.1").isSpread()).isTrue();
		assertThat(rules.lookup("10.2.0.1").toString()).startsWith("[a:1080, b:1080] (spread)");
		assertThat(rules.lookup("192.0.2.1").isSpread()).isFalse();
		assertThat(rules.lookup("11.0.0.1").isSpread()).isFalse();
	}

	@Test
	void lookupsOfRulesWithAlternativesAllocateNothing() throws Exception {
		Socks5RuleSet rules = rules("10.0.0.0/8 a\n10.0.0.0/8 b\n.example.test a\n.example.test b\n0.0.0.0/0 NONE");
		for (String host : List.of("10.1.2.3", "www.example.test")) {
			assertThat(AllocationMeter.allocatedBy(() -> rules.lookup(host).servers().get(1))).as(host)
				.isLessThan(AllocationMeter.SLACK);
		}
	}

	@Test
	void firstSourceWinsOverLaterSource() throws Exception {
		Socks5RuleSet rules = Socks5ServerRegistry.builder()
			.text("one.conf", "10.0.0.0/8 one")
			.text("two.conf", "10.0.0.0/8 two\n10.1.0.0/16 two")
			.build();
		assertThat(describe(rules.lookup("10.2.0.1"))).isEqualTo("one:1080");
		assertThat(describe(rules.lookup("10.1.0.1"))).isEqualTo("two:1080");
		assertThat(rules.rules()).hasSize(3);
	}

	@Test
	void aixDocumentationExample() throws Exception {
		Socks5RuleSet rules = Socks5ServerRegistry.builder().file(TestFiles.resource("aix-example.conf")).build();
		assertThat(describe(rules.lookup("9.1.2.3"))).isEqualTo("NONE");
		assertThat(rules.lookup("9.1.2.3").reason()).contains("9.0.0.0/8 NONE").contains("aix-example.conf:2");
		assertThat(describe(rules.lookup("129.35.1.1"))).isEqualTo("sox1.austin.ibm.com:1080");
		assertThat(rules.lookup("129.35.1.1").server().port()).isEqualTo(1080);
		assertThat(describe(rules.lookup("129.36.0.1"))).isEqualTo("NONE (implicit)");
		assertThat(describe(rules.lookup("::1"))).isEqualTo("NONE (implicit)");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "127.1, loop:1080", "2130706433, loop:1080", "0x7f.1, loop:1080", "0177.0.0.1, loop:1080",
			"0x7F000001, loop:1080", "10.1.515, ten:1080", "167838211, ten:1080", "167837955, NONE",
			"0xa.1.0x203, ten:1080", "012.1.2.3, ten:1080", "017.0.0.1, fifteen:1080", "15.0.0.1, fifteen:1080",
			"17.0.0.1, NONE", "1.2.3, NONE", "0, NONE" })
	void hostInAnyInetAtonFormTakesTheRouteOfTheAddressItDenotes(String host, String expected) throws Exception {
		// Only names fall back to 0.0.0.0/0 NONE: a host taken for a name would go direct
		Socks5RuleSet rules = rules("127.0.0.0/8 loop\n10.1.2.0/24 ten\n15.0.0.0/8 fifteen\n0.0.0.0/0 NONE");
		assertThat(describe(rules.lookup(host))).isEqualTo(expected);
		assertThat(describe(rules.lookup(Socks5Address.of(host, 53)))).isEqualTo(expected);
		assertThat(describe(rules.lookup(InetSocketAddress.createUnresolved(host, 53)))).isEqualTo(expected);
		if (!expected.equals("NONE")) {
			assertThat(rules.requireServer(host).name()).isEqualTo(expected);
			assertThat(rules.requireServer(InetSocketAddress.createUnresolved(host, 53)).name()).isEqualTo(expected);
		}
	}

	@Test
	void fullWidthDigitsTakeTheRouteOfTheAddressTheyDenote() throws Exception {
		Socks5RuleSet rules = rules("127.0.0.0/8 loop\n::1 loop6\n0.0.0.0/0 NONE");
		assertThat(describe(rules.lookup("\uFF11\uFF12\uFF17\u3002\uFF11"))).isEqualTo("loop:1080");
		assertThat(describe(rules.lookup("\uFF1A\uFF1A1"))).isEqualTo("loop6:1080");
		assertThat(describe(rules.lookup(InetSocketAddress.createUnresolved("\uFF11\uFF12\uFF17\u3002\uFF11", 1))))
			.isEqualTo("loop:1080");
	}

	@ParameterizedTest
	@ValueSource(strings = { "256.1.1.1", "0x1ffffffff", "08.1.1.1", "1.2.3.4.5", "127.0.0.1." })
	void hostWrittenLikeIpv4ButOutOfRangeIsRejectedNotRoutedAsAName(String host) throws Exception {
		Socks5RuleSet rules = rules("127.0.0.0/8 loop\n0.0.0.0/0 NONE");
		String message = "host: '" + host + "' is written like an IPv4 address but is not one: ";
		assertThatIllegalArgumentException().isThrownBy(() -> rules.lookup(host)).withMessageStartingWith(message);
		assertThatIllegalArgumentException().isThrownBy(() -> rules.requireServer(host))
			.withMessageStartingWith(message);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> rules.lookup(InetSocketAddress.createUnresolved(host, 53)))
			.withMessageStartingWith(message);
	}

	@Test
	void hostInAnyInetAtonFormIsReverseLookedUpAsTheAddressItDenotes() throws Exception {
		List<InetAddress> asked = new ArrayList<>();
		Socks5RuleSet rules = Socks5ServerRegistry.builder()
			.text("t.conf", ".example.test named\n0.0.0.0/0 numeric")
			.reverseLookup((address) -> {
				asked.add(address);
				return "www.example.test";
			})
			.build();
		assertThat(describe(rules.lookup("0xcb.0.113.7"))).isEqualTo("named:1080");
		assertThat(asked).containsExactly(InetAddress.getByName("203.0.113.7"));
	}

	@Test
	void ipv6LiteralWithAZoneTakesTheRouteOfItsAddress() throws Exception {
		Socks5RuleSet rules = rules("fe80::/10 link\n0.0.0.0/0 NONE");
		assertThat(describe(rules.lookup("fe80::1%1"))).isEqualTo("link:1080");
		assertThat(describe(rules.lookup("[fe80::1%1]"))).isEqualTo("link:1080");
	}

	@Test
	void hostLookupsAllocateNothing() throws Exception {
		Socks5RuleSet rules = rules("127.0.0.0/8 loop\n10.0.0.0/8 ten\n.example.test named\n0.0.0.0/0 NONE");
		for (String host : List.of("10.1.2.3", "2130706433", "0x7f.1", "127.1", "www.example.test",
				"unmatched.example.org")) {
			assertThat(AllocationMeter.allocatedBy(() -> rules.lookup(host))).as(host)
				.isLessThan(AllocationMeter.SLACK);
		}
	}

	@Test
	void ipv4MappedAddressesMatchIpv4Rules() throws Exception {
		Socks5RuleSet rules = rules("10.0.0.0/8 v4\n::ffff:10.0.0.0/104 ignored");
		byte[] mapped = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 10, 1, 2, 3 };
		assertThat(describe(rules.lookup(Socks5Address.ipv6(mapped, 53)))).isEqualTo("v4:1080");
		assertThat(describe(rules.lookup("::ffff:10.1.2.3"))).isEqualTo("v4:1080");
	}

	@Test
	void requireServerReturnsTheServer() throws Exception {
		Socks5RuleSet rules = rules("10.0.0.0/8 proxy.example.test:1081");
		Socks5ServerEndpoint server = rules.requireServer(Socks5Address.of("10.1.1.1", 53));
		assertThat(server.host()).isEqualTo("proxy.example.test");
		assertThat(server.port()).isEqualTo(1081);
		assertThat(rules.requireServer("10.2.2.2")).isEqualTo(server);
		assertThat(rules.requireServer(InetAddress.getByName("10.2.2.2"))).isEqualTo(server);
		assertThat(rules.requireServer(InetSocketAddress.createUnresolved("10.2.2.2", 1))).isEqualTo(server);
	}

	@Test
	void requireServerFailsWithNoServerNamingTheRule() throws Exception {
		Socks5RuleSet rules = Socks5ServerRegistry.builder().file(TestFiles.resource("aix-example.conf")).build();
		assertThat(catchThrowableOfType(Socks5NoServerException.class,
				() -> rules.requireServer(Socks5Address.of("9.8.7.6", 53))))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Socks5Errno.S5_ENOSERV);
				assertThat(ex.getMessage()).contains("9.8.7.6:53")
					.contains("'9.0.0.0/8 NONE'")
					.contains("aix-example.conf:2");
			});
		assertThat(catchThrowable(() -> rules.requireServer("2001:db8::1"))).hasMessageContaining("2001:db8::1")
			.hasMessageContaining("implicit record ::/0 NONE");
	}

	@Test
	void logicalServerNamesResolveWhenBuilt() throws Exception {
		Socks5ServerEndpoint corp = Socks5ServerEndpoint.of("corp", "proxy.corp.test", 1090);
		Socks5Rule rule = Socks5ConfigParser.withLogicalNames()
			.parseRule("socks5.udp.rules[0]", 0, "10.0.0.0/8", "corp");
		Socks5RuleSet rules = Socks5ServerRegistry.builder()
			.rules("socks5.udp.rules", List.of(rule))
			.resolver(Socks5ServerResolver.of(Map.of("corp", corp)))
			.build();
		assertThat(rules.lookup("10.1.1.1").server()).isEqualTo(corp);
		assertThat(rules.lookup("10.1.1.1").server().name()).isEqualTo("corp");
	}

	@Test
	void unknownLogicalServerNameFailsTheBuild() {
		Socks5Rule rule = Socks5ConfigParser.withLogicalNames()
			.parseRule("socks5.udp.rules[3]", 0, "10.0.0.0/8", "crop");
		Socks5ServerRegistryBuilder builder = Socks5ServerRegistry.builder()
			.rules("socks5.udp.rules", List.of(rule))
			.resolver(Socks5ServerResolver
				.of(Map.of("corp", Socks5ServerEndpoint.of("h", 1), "lab", Socks5ServerEndpoint.of("l", 2))));
		assertThat(catchThrowableOfType(Socks5ConfigException.class, builder::build))
			.hasMessage(
					"socks5.udp.rules[3]: '10.0.0.0/8 crop': unknown server name 'crop' (expected: one of corp, lab)")
			.satisfies((ex) -> assertThat(ex.source()).isEqualTo("socks5.udp.rules[3]"));
	}

	@Test
	void addressDestinationsAreNotTurnedIntoNamesWithoutReverseLookup() throws Exception {
		Socks5RuleSet rules = rules(".example.test named\n0.0.0.0/0 numeric");
		InetAddress address = InetAddress.getByAddress(new byte[] { (byte) 203, 0, 113, 7 });
		assertThat(describe(rules.lookup(address))).isEqualTo("numeric:1080");
		assertThat(describe(rules.lookup(Socks5Address.of(address, 53)))).isEqualTo("numeric:1080");
	}

	@Test
	void reverseLookupIsAnOptInAndCached() throws Exception {
		List<InetAddress> asked = new ArrayList<>();
		Socks5ReverseLookup dns = (address) -> {
			asked.add(address);
			return (address.getAddress()[3] == 7) ? "www.example.test" : null;
		};
		Socks5RuleSet rules = Socks5ServerRegistry.builder()
			.text("t.conf", ".example.test named\n0.0.0.0/0 numeric\n2001:db8::/32 numeric6")
			.reverseLookup(Socks5ReverseLookup.cached(dns, Duration.ofMinutes(1), 100))
			.build();
		InetAddress named = InetAddress.getByAddress(new byte[] { (byte) 203, 0, 113, 7 });
		InetAddress unnamed = InetAddress.getByAddress(new byte[] { (byte) 203, 0, 113, 8 });
		for (int i = 0; i < 3; i++) {
			assertThat(describe(rules.lookup(named))).isEqualTo("named:1080");
			assertThat(describe(rules.lookup(Socks5Address.of(named, 53)))).isEqualTo("named:1080");
			assertThat(describe(rules.lookup("203.0.113.7"))).isEqualTo("named:1080");
			assertThat(describe(rules.lookup(unnamed))).isEqualTo("numeric:1080");
		}
		assertThat(describe(rules.lookup("2001:db8::7"))).isEqualTo("numeric6:1080");
		assertThat(asked).containsExactly(named, unnamed, InetAddress.getByName("2001:db8::7"));
	}

	@Test
	void reverseLookupIsNotUsedWithoutNameRules() throws Exception {
		List<InetAddress> asked = new ArrayList<>();
		Socks5RuleSet rules = Socks5ServerRegistry.builder().text("t.conf", "0.0.0.0/0 numeric").reverseLookup((a) -> {
			asked.add(a);
			return "www.example.test";
		}).build();
		assertThat(describe(rules.lookup("203.0.113.7"))).isEqualTo("numeric:1080");
		assertThat(asked).isEmpty();
	}

	@Test
	void lookupAgreesWithALinearScanOfRandomRules() throws Exception {
		Random random = new Random(1928);
		List<Socks5Rule> rules = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			int bytes = (i % 3 == 0) ? 16 : 4;
			// Few distinct leading bytes, so that prefixes nest and collide often
			byte[] address = randomAddress(random, bytes);
			int length = random.nextInt(bytes * 8 + 1);
			Socks5ServerSpec server = (i % 5 == 0) ? Socks5ServerSpec.direct()
					: Socks5ServerSpec.endpoint("s" + i + ".test", 1080);
			rules.add(Socks5Rule.of(Socks5Destination.prefix(InetAddress.getByAddress(address), length), server));
		}
		for (int i = 0; i < 200; i++) {
			String fragment = (random.nextBoolean() ? "." : "") + randomName(random);
			rules.add(Socks5Rule.of(Socks5Destination.nameFragment(fragment),
					Socks5ServerSpec.endpoint("n" + i + ".test", 1080)));
		}
		Socks5RuleSet compiled = Socks5ServerRegistry.builder().rules("random", rules).build();
		int specificMatches = 0;
		int fragmentMatches = 0;
		for (int i = 0; i < 20_000; i++) {
			InetAddress address = InetAddress.getByAddress(randomAddress(random, (i % 2 == 0) ? 4 : 16));
			Socks5Rule expected = linearScan(rules, address);
			assertThat(compiled.lookup(address).rule()).as(address.toString()).isSameAs(expected);
			specificMatches += (expected != null && expected.destination().prefixLength() > 8) ? 1 : 0;
			String host = randomName(random) + (random.nextBoolean() ? "" : "." + randomName(random));
			Socks5Rule expectedForHost = linearScan(rules, host);
			assertThat(compiled.lookup(host).rule()).as(host).isSameAs(expectedForHost);
			fragmentMatches += (expectedForHost != null && expectedForHost.destination().isNameFragment()) ? 1 : 0;
		}
		// The random rules must overlap enough for the comparison to mean something
		assertThat(specificMatches).isGreaterThan(1000);
		assertThat(fragmentMatches).isGreaterThan(5000);
	}

	private static Socks5Rule linearScan(List<Socks5Rule> rules, InetAddress address) throws UnknownHostException {
		Socks5Rule best = null;
		for (Socks5Rule rule : rules) {
			Socks5Destination destination = rule.destination();
			if (!destination.isNameFragment() && destination.address().getClass() == address.getClass()
					&& Socks5Destination.prefix(address, destination.prefixLength()).equals(destination)
					&& (best == null || destination.prefixLength() > best.destination().prefixLength())) {
				best = rule;
			}
		}
		return best;
	}

	private static Socks5Rule linearScan(List<Socks5Rule> rules, String host) {
		Socks5Rule best = null;
		Socks5Rule[] catchAll = new Socks5Rule[17];
		for (Socks5Rule rule : rules) {
			Socks5Destination destination = rule.destination();
			if (destination.isNameFragment() && host.endsWith(destination.nameFragment()) && (best == null
					|| destination.nameFragment().length() > best.destination().nameFragment().length())) {
				best = rule;
			}
			if (!destination.isNameFragment() && destination.prefixLength() == 0) {
				int family = destination.address().getAddress().length;
				catchAll[family] = (catchAll[family] != null) ? catchAll[family] : rule;
			}
		}
		return (best != null) ? best : (catchAll[4] != null) ? catchAll[4] : catchAll[16];
	}

	private static byte[] randomAddress(Random random, int length) {
		byte[] address = new byte[length];
		random.nextBytes(address);
		address[0] = (byte) random.nextInt(3);
		address[length - 1] = (byte) random.nextInt(4);
		if (length == 16) {
			// Never IPv4-mapped, which the JDK would turn into an IPv4 address
			address[10] = 0;
		}
		return address;
	}

	private static String randomName(Random random) {
		String[] labels = { "a", "b", "ab", "ba", "x.a", "b.ab" };
		return labels[random.nextInt(labels.length)]
				+ ((random.nextInt(3) == 0) ? "" : "." + labels[random.nextInt(labels.length)]);
	}

	@Test
	void nameNoFragmentMatchesTakesTheRouteOfItsAddressWithAForwardLookup() throws Exception {
		String text = """
				127.0.0.0/8  NONE
				0.0.0.0/0    127.0.0.1:1
				.corp.test   corp:1080
				""";
		List<String> looked = new ArrayList<>();
		Socks5ForwardLookup lookup = (host) -> {
			looked.add(host);
			try {
				return host.equals("app.internal") ? InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 9 }) : null;
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException(ex);
			}
		};
		Socks5RuleSet resolving = Socks5ServerRegistry.builder().text("test.conf", text).forwardLookup(lookup).build();
		assertThat(describe(resolving.lookup(Socks5Address.of("app.internal", 53)))).isEqualTo("NONE");
		assertThat(describe(resolving.lookup("app.internal"))).isEqualTo("NONE");
		assertThat(describe(resolving.lookup(InetSocketAddress.createUnresolved("app.internal", 53))))
			.isEqualTo("NONE");
		// A name that does not resolve here falls back to the 0/0 rule, as without lookup
		assertThat(describe(resolving.lookup("nowhere.invalid"))).isEqualTo("127.0.0.1:1");
		// A fragment match needs no lookup
		assertThat(describe(resolving.lookup("www.corp.test"))).isEqualTo("corp:1080");
		assertThat(looked).containsExactly("app.internal", "app.internal", "app.internal", "nowhere.invalid");
		// Without a forward lookup, names go to the proxy by the 0/0 rule
		assertThat(describe(rules(text).lookup("app.internal"))).isEqualTo("127.0.0.1:1");
	}

	@Test
	void localhostGoesDirectByItsAddressRuleWithTheSystemLookup() throws Exception {
		Socks5RuleSet rules = Socks5ServerRegistry.builder()
			.text("test.conf", "127.0.0.0/8 NONE\n::1/128 NONE\n0.0.0.0/0 127.0.0.1:1\n")
			.forwardLookup(Socks5ForwardLookup.system())
			.build();
		assertThat(describe(rules.lookup(Socks5Address.of("localhost", 53)))).isEqualTo("NONE");
	}

	static Socks5RuleSet rules(String text) throws IOException {
		return Socks5ServerRegistry.builder().text("test.conf", text).build();
	}

	static String describe(Socks5ServerSelection route) {
		if (route.isDirect()) {
			return (route.rule() != null) ? "NONE" : "NONE (implicit)";
		}
		return route.server().name();
	}

}
