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

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link Socks5ConfigParser}.
 *
 * @author socks5-udp authors
 */
class Socks5ConfigParserTests {

	private final Socks5ConfigParser parser = Socks5ConfigParser.forFiles();

	@TempDir
	Path directory;

	@Test
	void parsesEveryFormOfRecord() throws Exception {
		List<Socks5Rule> rules = this.parser.parse(TestFiles.resource("all-forms.conf"));
		assertThat(rules).extracting(Socks5Rule::toString)
			.containsExactly("10.0.0.0/8 proxy.example.test:1080", "10.1.0.0/16 proxy.example.test:1081",
					"10.1.2.0/24 192.0.2.10:1080", "10.1.2.3/32 192.0.2.11:1082", "2001:db8::/32 [2001:db8::1]:1080",
					"2001:db8:1::1/128 NONE", ".example.test NONE", "example.org [::1]:9050");
		assertThat(rules).extracting((rule) -> rule.origin().line()).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
		assertThat(rules.get(0).origin().source()).endsWith("all-forms.conf");
		assertThat(rules.get(4).server().endpoint().host()).isEqualTo("2001:db8::1");
		assertThat(rules.get(4).server().endpoint().port()).isEqualTo(1080);
	}

	@Test
	void serverWithoutPortUsesPort1080() {
		Socks5Rule rule = this.parser.parseRecord("t", 1, "10.0.0.0/8 proxy");
		assertThat(rule.server().endpoint().port()).isEqualTo(Socks5ConfigParser.DEFAULT_PORT).isEqualTo(1080);
	}

	@Test
	void hostBitsAfterThePrefixAreIgnored() throws Exception {
		Socks5Rule rule = this.parser.parseRecord("t", 1, "10.1.2.3/8 NONE");
		assertThat(rule.destination().address()).isEqualTo(InetAddress.getByName("10.0.0.0"));
		assertThat(rule.destination().prefixLength()).isEqualTo(8);
	}

	@Test
	void blankLinesCommentsAndLineEndingsAreSkipped() {
		List<Socks5Rule> rules = this.parser.parse("t.conf",
				"# header\r\n\r\n   \t\r\n10.0.0.0/8\tNONE # why\r\n#10.0.0.0/8 proxy\r\n.example.test   proxy#x\n");
		assertThat(rules).extracting(Socks5Rule::toString)
			.containsExactly("10.0.0.0/8 NONE", ".example.test proxy:1080");
		assertThat(rules).extracting((rule) -> rule.origin().line()).containsExactly(4, 6);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					10.0.0.0/33 NONE              | prefixLength: 33 (expected: 0-32 for an IPv4 address)
					10.0.0.0/-1 NONE              | prefixLength: -1 (expected: 0-32 for an IPv4 address)
					10.0.0.0/ NONE                | prefixLength: '' (expected: 0-32 for an IPv4 address)
					10.0.0.0/eight NONE           | prefixLength: eight (expected: 0-32 for an IPv4 address)
					2001:db8::/129 NONE           | prefixLength: 129 (expected: 0-128 for an IPv6 address)
					10.0.0.0/8 proxy:70000        | port: 70000 in server 'proxy:70000' (expected: 1-65535)
					10.0.0.0/8 proxy:0            | port: 0 in server 'proxy:0' (expected: 1-65535)
					10.0.0.0/8 proxy:             | port: '' in server 'proxy:' (expected: 1-65535)
					10.0.0.0/8 proxy:socks        | port: socks in server 'proxy:socks' (expected: 1-65535)
					10.0.0.0/8 [2001:db8::1]      | server: '[2001:db8::1]' is an IPv6 address without a port (expected: [address]:port, for example [2001:db8::1]:1080)
					10.0.0.0/8 2001:db8::1        | server: '2001:db8::1' is an IPv6 address without brackets and port (expected: [address]:port, for example [2001:db8::1]:1080)
					10.0.0.0/8 [2001:db8::1]:99999 | port: 99999 in server '[2001:db8::1]:99999' (expected: 1-65535)
					10.0.0.0/8 [proxy]:1080       | server: '[proxy]:1080' (expected: [IPv6 address]:port, for example [2001:db8::1]:1080)
					10.0.0.0/8 none               | server: 'none' (expected: NONE in upper case, the only spelling socks5c.conf accepts)
					10.0.0.0/8 None               | server: 'None' (expected: NONE in upper case, the only spelling socks5c.conf accepts)
					10.0.0.0/8 pro*xy             | server: 'pro*xy' (expected: NONE, a host name or IPv4 address with an optional :port, or [IPv6 address]:port)
					10.0.0.0/8 10.0.0.300         | server: '10.0.0.300' is not an IPv4 address (expected: a.b.c.d, each part 0-255)
					.example.test/8 NONE          | destination: '.example.test/8' has a prefix length after a name (expected: a prefix length only after an IPv4 or IPv6 address)
					10.0.0 NONE                   | destination: '10.0.0' is not an IPv4 address (expected: a.b.c.d, each part 0-255)
					300.1.2.3/8 NONE              | destination: '300.1.2.3' is not an IPv4 address (expected: a.b.c.d, each part 0-255)
					127.1/8 NONE                  | destination: '127.1' is not an IPv4 address (expected: a.b.c.d, each part 0-255)
					0x7f.1 NONE                   | destination: '0x7f.1' is not an IPv4 address (expected: a.b.c.d, each part 0-255)
					010.0.0.0/8 NONE              | destination: '010.0.0.0' is not an IPv4 address (expected: a.b.c.d, each part 0-255)
					10.0.0.0/8 0x7f.1             | server: '0x7f.1' is not an IPv4 address (expected: a.b.c.d, each part 0-255)
					fe80::1%1 NONE                | destination: 'fe80::1%1' is not an IPv6 address (expected: an IPv6 address without brackets or zone, for example 2001:db8::/32)
					10.0.0.0/8 [fe80::1%1]:1080   | server: '[fe80::1%1]:1080' (expected: [IPv6 address]:port, for example [2001:db8::1]:1080)
					exa*mple.test NONE            | destination: 'exa*mple.test' has the character '*' (expected: an IPv4 or IPv6 address with an optional /prefixlength, or a name fragment of letters, digits, '-', '_' and '.')
					10.0.0.0/8                    | 1 field (expected: <destination>[/<prefixlength>] <server>[:<port>])
					10.0.0.0/8 proxy 1080         | 3 fields (expected: <destination>[/<prefixlength>] <server>[:<port>])
					""")
	void malformedRecordFailsWithFileLineTextAndExpectation(String record, String problem) {
		String text = "# comment\n\n10.0.0.0/8 fine\n" + record + "\n10.1.0.0/16 never-reached\n";
		Socks5ConfigException ex = catchThrowableOfType(Socks5ConfigException.class,
				() -> this.parser.parse("/etc/socks5c.conf", text));
		assertThat(ex).hasMessage("/etc/socks5c.conf:4: '" + record.strip() + "': " + problem);
		assertThat(ex.source()).isEqualTo("/etc/socks5c.conf");
		assertThat(ex.line()).isEqualTo(4);
		assertThat(ex.text()).isEqualTo(record.strip());
		assertThat(ex.problem()).isEqualTo(problem);
	}

	@Test
	void malformedFileNamesTheFileAndLine() {
		assertThatExceptionOfType(Socks5ConfigException.class)
			.isThrownBy(() -> this.parser.parse(TestFiles.resource("malformed-line-3.conf")))
			.withMessageEndingWith(
					"malformed-line-3.conf:3: '10.0.0.0/33 second.example.test': prefixLength: 33 (expected: 0-32 for an IPv4 address)");
	}

	@Test
	void fileOfTheDefaultLimitIsRead() throws Exception {
		Path file = Files.write(this.directory.resolve("socks5c.conf"), fileOf(1024 * 1024));
		assertThat(this.parser.parse(file)).extracting(Socks5Rule::toString).containsExactly("10.0.0.0/8 proxy:1080");
	}

	@Test
	void fileLargerThanTheDefaultLimitIsRefusedNamingTheFile() throws Exception {
		Path file = Files.write(this.directory.resolve("socks5c.conf"), fileOf(2 * 1024 * 1024));
		assertThatExceptionOfType(FileSystemException.class).isThrownBy(() -> this.parser.parse(file))
			.withMessage(file + ": is 2097152 bytes (expected: at most 1048576 bytes)");
	}

	@Test
	void fileLargerThanAGivenLimitIsRefused() throws Exception {
		Path file = Files.writeString(this.directory.resolve("socks5c.conf"), "10.0.0.0/8 proxy\n");
		assertThat(this.parser.parse(file, 17)).hasSize(1);
		assertThatExceptionOfType(FileSystemException.class).isThrownBy(() -> this.parser.parse(file, 16))
			.withMessage(file + ": is 17 bytes (expected: at most 16 bytes)");
		assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse(file, 0))
			.withMessage("maxBytes: 0 (expected: 1-2147483639)");
	}

	@Test
	@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
	void fifoIsRefusedWithoutBeingOpened() throws Exception {
		// Opening a FIFO blocks until a writer comes: the timeout turns a hang into a
		// failure
		Path fifo = TestFiles.fifo(this.directory.resolve("socks5c.conf"));
		assertThatExceptionOfType(FileSystemException.class).isThrownBy(() -> this.parser.parse(fifo))
			.withMessage(fifo + ": is not a regular file but a FIFO, socket or device"
					+ " (expected: a regular file of at most 1048576 bytes)");
	}

	@Test
	void directoryIsRefused() {
		assertThatExceptionOfType(FileSystemException.class).isThrownBy(() -> this.parser.parse(this.directory))
			.withMessage(this.directory + ": is a directory (expected: a regular file of at most 1048576 bytes)");
	}

	@Test
	void fileThatIsNotUtf8IsRefusedNamingTheFile() throws Exception {
		Path file = Files.write(this.directory.resolve("socks5c.conf"),
				new byte[] { '1', '0', '.', '0', '.', '0', '.', '0', '/', '8', ' ', (byte) 0xE9, '\n' });
		assertThatExceptionOfType(FileSystemException.class).isThrownBy(() -> this.parser.parse(file))
			.withMessage(file + ": is not UTF-8 text (expected: a socks5c.conf file in UTF-8)");
	}

	@Test
	void nonAsciiFragmentAsksForTheIdnaForm() {
		assertThatExceptionOfType(Socks5ConfigException.class)
			.isThrownBy(() -> this.parser.parseRecord("t", 2, ".bücher.test NONE"))
			.withMessageContaining("t:2: '.bücher.test NONE'")
			.withMessageContaining("xn--");
	}

	@Test
	void ipv6ServerWithPort() {
		Socks5ServerSpec server = this.parser.parseServer("[2001:db8::1]:1081");
		assertThat(server.endpoint().host()).isEqualTo("2001:db8::1");
		assertThat(server.endpoint().port()).isEqualTo(1081);
		assertThat(server.endpoint().name()).isEqualTo("[2001:db8::1]:1081");
	}

	@Test
	void logicalNamesParserReadsABareServerAsAName() {
		Socks5ConfigParser logical = Socks5ConfigParser.withLogicalNames();
		assertThat(logical.parseServer("corp").isNamed()).isTrue();
		assertThat(logical.parseServer("corp").name()).isEqualTo("corp");
		assertThat(logical.parseServer("NONE").isDirect()).isTrue();
		assertThat(logical.parseServer("proxy.corp:1080").endpoint())
			.isEqualTo(Socks5ServerEndpoint.of("proxy.corp", 1080));
		assertThat(logical.parseServer("192.0.2.1").endpoint()).isEqualTo(Socks5ServerEndpoint.of("192.0.2.1", 1080));
		assertThat(this.parser.parseServer("corp").endpoint()).isEqualTo(Socks5ServerEndpoint.of("corp", 1080));
	}

	@Test
	void parseRuleNamesThePropertyInErrors() {
		assertThatExceptionOfType(Socks5ConfigException.class).isThrownBy(
				() -> Socks5ConfigParser.withLogicalNames().parseRule("socks5.udp.rules[2]", 0, "10.0.0.0/40", "corp"))
			.withMessage(
					"socks5.udp.rules[2]: '10.0.0.0/40 corp': prefixLength: 40 (expected: 0-32 for an IPv4 address)");
	}

	/**
	 * Return a file of exactly the given size: one rule, then comment lines.
	 */
	private static byte[] fileOf(int size) {
		byte[] bytes = new byte[size];
		Arrays.fill(bytes, (byte) '#');
		byte[] rule = "10.0.0.0/8 proxy\n".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(rule, 0, bytes, 0, rule.length);
		for (int i = rule.length + 99; i < size; i += 100) {
			bytes[i] = '\n';
		}
		return bytes;
	}

}
