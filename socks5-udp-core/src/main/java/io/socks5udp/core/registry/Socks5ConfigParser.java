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
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import io.socks5udp.core.protocol.Socks5AddressText;

/**
 * Parser of rules in the format of AIX's {@code /etc/socks5c.conf}: one record a line,
 * {@code <destination>[/<prefixlength>] <server>[:<port>]}, fields separated by
 * whitespace, {@code #} starting a comment that runs to the end of the line, blank lines
 * ignored.
 * <p>
 * The server is {@code NONE} (upper case only: contact directly), a host name or IPv4
 * address with an optional port, or an IPv6 address in brackets, which must carry a port
 * ({@code [2001:db8::1]:1080}). The default port is {@value #DEFAULT_PORT}. A parser made
 * by {@link #withLogicalNames()} reads a server without a port as a logical server name
 * instead (except an IPv4 address), for rules that name servers defined elsewhere.
 * <p>
 * A malformed record fails the whole parse with a {@link Socks5ConfigException} that
 * names the source, the line number, the text and what was expected.
 *
 * @author socks5-udp authors
 */
public final class Socks5ConfigParser {

	/** The port of a server that a record gives without one. */
	public static final int DEFAULT_PORT = 1080;

	/** The largest file read unless another limit is given: 1 MiB. */
	public static final long DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

	private static final String RECORD_EXPECTED = "(expected: <destination>[/<prefixlength>] <server>[:<port>])";

	private static final String SERVER_EXPECTED = "(expected: NONE, a host name or IPv4 address with an optional"
			+ " :port, or [IPv6 address]:port)";

	private static final Socks5ConfigParser FILES = new Socks5ConfigParser(false);

	private static final Socks5ConfigParser LOGICAL_NAMES = new Socks5ConfigParser(true);

	private final boolean logicalNames;

	private Socks5ConfigParser(boolean logicalNames) {
		this.logicalNames = logicalNames;
	}

	/**
	 * Return the parser for {@code socks5c.conf} files: every server is an address.
	 * @return the parser
	 */
	public static Socks5ConfigParser forFiles() {
		return FILES;
	}

	/**
	 * Return a parser that reads a server without a port as a logical server name, to be
	 * resolved by a {@link Socks5ServerResolver} (an IPv4 address stays an address, and
	 * {@code host:port} or {@code [IPv6]:port} still give an address).
	 * @return the parser
	 */
	public static Socks5ConfigParser withLogicalNames() {
		return LOGICAL_NAMES;
	}

	/**
	 * Parse a file (UTF-8) of at most {@link #DEFAULT_MAX_FILE_SIZE} bytes. Error
	 * messages name the file as given.
	 * @param file the file
	 * @return the rules, in file order
	 * @throws IOException if the file cannot be read, or is refused: not a regular file
	 * (a FIFO, a device or a directory, refused before it is opened), too large, or not
	 * UTF-8
	 * @throws Socks5ConfigException if a record is malformed
	 * @see #parse(Path, long)
	 */
	public List<Socks5Rule> parse(Path file) throws IOException {
		return parse(file, DEFAULT_MAX_FILE_SIZE);
	}

	/**
	 * Parse a file (UTF-8) of at most the given size. Error messages name the file as
	 * given.
	 * @param file the file
	 * @param maxBytes the largest size accepted, 1 byte to 2 GiB
	 * @return the rules, in file order
	 * @throws IOException if the file cannot be read, or is refused: not a regular file
	 * (a FIFO, a device or a directory, refused before it is opened), larger than
	 * {@code maxBytes}, or not UTF-8
	 * @throws Socks5ConfigException if a record is malformed
	 */
	public List<Socks5Rule> parse(Path file, long maxBytes) throws IOException {
		Objects.requireNonNull(file, "'file' must not be null");
		return parse(file.toString(), ConfigFileReader.read(file, maxBytes));
	}

	/**
	 * Parse the text of a configuration.
	 * @param source the source name for error messages and rule origins
	 * @param text the configuration text
	 * @return the rules, in order
	 * @throws Socks5ConfigException if a record is malformed
	 */
	public List<Socks5Rule> parse(String source, String text) {
		Objects.requireNonNull(source, "'source' must not be null");
		Objects.requireNonNull(text, "'text' must not be null");
		List<Socks5Rule> rules = new ArrayList<>();
		int lineNumber = 0;
		for (Iterator<String> lines = text.lines().iterator(); lines.hasNext();) {
			lineNumber++;
			String record = withoutComment(lines.next());
			if (!record.isEmpty()) {
				rules.add(parseRecord(source, lineNumber, record));
			}
		}
		return Collections.unmodifiableList(rules);
	}

	/**
	 * Parse one record, for example {@code 9.0.0.0/8 NONE}. A comment is allowed.
	 * @param source the source name for error messages and rule origins
	 * @param line the 1-based line number, or 0 when the source has no lines
	 * @param record the record
	 * @return the rule
	 * @throws Socks5ConfigException if the record is malformed
	 */
	public Socks5Rule parseRecord(String source, int line, String record) {
		Objects.requireNonNull(record, "'record' must not be null");
		String text = withoutComment(record);
		String[] fields = text.isEmpty() ? new String[0] : text.split("\\s+");
		if (fields.length != 2) {
			throw new Socks5ConfigException(source, line, text,
					fields.length + " field" + ((fields.length != 1) ? "s" : "") + " " + RECORD_EXPECTED, null);
		}
		return parse(source, line, text, fields[0], fields[1]);
	}

	/**
	 * Parse a rule given as its two fields, as configuration properties give them.
	 * @param source the source name for error messages and rule origins, for example
	 * {@code socks5.udp.rules[2]}
	 * @param line the 1-based line number, or 0 when the source has no lines
	 * @param destination the destination field, for example {@code 9.0.0.0/8}
	 * @param server the server field, for example {@code NONE} or {@code proxy:1080}
	 * @return the rule
	 * @throws Socks5ConfigException if a field is malformed
	 */
	public Socks5Rule parseRule(String source, int line, String destination, String server) {
		Objects.requireNonNull(destination, "'destination' must not be null");
		Objects.requireNonNull(server, "'server' must not be null");
		return parse(source, line, destination + " " + server, destination.strip(), server.strip());
	}

	/**
	 * Parse a server field.
	 * @param server the field, for example {@code NONE}, {@code proxy.example.com:1081}
	 * or {@code [2001:db8::1]:1080}
	 * @return the server spec
	 * @throws IllegalArgumentException if the field is malformed; the message says what
	 * was expected
	 */
	public Socks5ServerSpec parseServer(String server) {
		Objects.requireNonNull(server, "'server' must not be null");
		if (Socks5ServerSpec.NONE.equals(server)) {
			return Socks5ServerSpec.direct();
		}
		if (Socks5ServerSpec.NONE.equalsIgnoreCase(server)) {
			throw new IllegalArgumentException(
					"server: '" + server + "' (expected: NONE in upper case, the only spelling socks5c.conf accepts)");
		}
		if (server.startsWith("[")) {
			return parseBracketedServer(server);
		}
		int colon = server.indexOf(':');
		if (colon >= 0 && server.lastIndexOf(':') != colon) {
			throw new IllegalArgumentException("server: '" + server
					+ "' is an IPv6 address without brackets and port (expected: [address]:port, for example"
					+ " [2001:db8::1]:1080)");
		}
		String host = (colon >= 0) ? server.substring(0, colon) : server;
		int port = (colon >= 0) ? parsePort(server, server.substring(colon + 1)) : DEFAULT_PORT;
		checkHost(server, host);
		if (this.logicalNames && colon < 0 && !Socks5AddressText.looksLikeIpv4(host)) {
			return Socks5ServerSpec.named(host);
		}
		return Socks5ServerSpec.endpoint(host, port);
	}

	private Socks5Rule parse(String source, int line, String text, String destinationField, String serverField) {
		Objects.requireNonNull(source, "'source' must not be null");
		try {
			Socks5Destination destination = Socks5Destination.parse(destinationField);
			Socks5ServerSpec server = parseServer(serverField);
			return Socks5Rule.of(destination, server, new Socks5RuleOrigin(source, line));
		}
		catch (IllegalArgumentException ex) {
			throw new Socks5ConfigException(source, line, text,
					Objects.requireNonNullElse(ex.getMessage(), ex.toString()), ex);
		}
	}

	private static Socks5ServerSpec parseBracketedServer(String server) {
		int close = server.indexOf(']');
		String literal = (close > 0) ? server.substring(1, close) : "";
		InetAddress address = (literal.indexOf('%') < 0) ? Socks5AddressText.parseIpv6(literal) : null;
		if (address == null || address instanceof Inet4Address) {
			throw new IllegalArgumentException(
					"server: '" + server + "' (expected: [IPv6 address]:port, for example [2001:db8::1]:1080)");
		}
		String rest = server.substring(close + 1);
		if (rest.isEmpty()) {
			throw new IllegalArgumentException("server: '" + server
					+ "' is an IPv6 address without a port (expected: [address]:port, for example [2001:db8::1]:1080)");
		}
		if (rest.charAt(0) != ':') {
			throw new IllegalArgumentException(
					"server: '" + server + "' (expected: [IPv6 address]:port, for example [2001:db8::1]:1080)");
		}
		return Socks5ServerSpec.endpoint(server.substring(1, close), parsePort(server, rest.substring(1)));
	}

	private static int parsePort(String server, String text) {
		int value = -1;
		if (!text.isEmpty() && text.length() <= 5) {
			value = 0;
			for (int i = 0; i < text.length() && value >= 0; i++) {
				char c = text.charAt(i);
				value = (c >= '0' && c <= '9') ? value * 10 + (c - '0') : -1;
			}
		}
		if (value < 1 || value > 65535) {
			throw new IllegalArgumentException(
					"port: " + (text.isEmpty() ? "''" : text) + " in server '" + server + "' (expected: 1-65535)");
		}
		return value;
	}

	private static void checkHost(String server, String host) {
		boolean valid = !host.isEmpty() && host.length() <= 255;
		for (int i = 0; i < host.length() && valid; i++) {
			char c = host.charAt(i);
			valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
					|| c == '.';
		}
		if (!valid) {
			throw new IllegalArgumentException("server: '" + server + "' " + SERVER_EXPECTED);
		}
		if (Socks5AddressText.looksLikeIpv4(host) && !Socks5AddressText.isDottedQuad(host)) {
			throw new IllegalArgumentException(
					"server: '" + server + "' is not an IPv4 address (expected: a.b.c.d, each part 0-255)");
		}
	}

	private static String withoutComment(String line) {
		int hash = line.indexOf('#');
		return ((hash >= 0) ? line.substring(0, hash) : line).strip();
	}

}
