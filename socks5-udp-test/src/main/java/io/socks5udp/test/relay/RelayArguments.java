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
package io.socks5udp.test.relay;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.socks5udp.core.protocol.Socks5AddressText;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5Credentials;

/**
 * The command line of {@link Socks5RelayMain}: {@code --port PORT},
 * {@code --bind ADDRESS}, {@code --users-file FILE} and {@code --user NAME:PASSWORD}
 * (both repeatable), {@code --max-connections N}, {@code --open}, {@code --help}; each
 * option with a value also as {@code --option=value}.
 *
 * @param port the port to listen on
 * @param bindAddress the address to listen on
 * @param users the users, empty for no authentication
 * @param maxConnections how many connections to serve at a time
 * @param open whether to allow an open relay: beyond loopback without users
 * @param help whether help was asked for
 * @param warnings what the command line does that it should not, one line each
 * @author socks5-udp authors
 */
record RelayArguments(int port, InetAddress bindAddress, List<Socks5Credentials> users, int maxConnections,
		boolean open, boolean batchedIo, boolean help, List<String> warnings) {

	/** Port used when none is given: the SOCKS port. */
	static final int DEFAULT_PORT = 1080;

	/** The warning that a password on the command line is not a secret. */
	static final String USER_ON_COMMAND_LINE = "--user puts a password on the command line, where other local users"
			+ " can read it with ps; use --users-file FILE";

	static final String USAGE = """
			usage: java -jar socks5-udp-relay.jar [--port PORT] [--bind ADDRESS] [--users-file FILE]...
			                                      [--user NAME:PASSWORD]... [--max-connections N] [--open]
			                                      [--batched-io]
			A SOCKS5 UDP relay (RFC 1928 UDP ASSOCIATE, RFC 1929) for tests and local development.
			  --port PORT            port to listen on, 0 for any free port (default: 1080)
			  --bind ADDRESS         IPv4 or IPv6 address to listen on (default: 127.0.0.1)
			  --users-file FILE      require username/password authentication for the users in
			                         FILE: one NAME:PASSWORD a line, # comments and blank lines
			                         allowed; repeatable
			  --user NAME:PASSWORD   a user on the command line, where other local users can read
			                         it with ps (prefer --users-file); repeatable
			  --max-connections N    connections served at a time, more are closed at once
			                         (default: 1024)
			  --open                 allow listening beyond loopback without users: an open
			                         relay, which is an open proxy for anyone who reaches it
			  --batched-io           move datagrams with recvmmsg/sendmmsg, up to 32 a system
			                         call (Linux, Java 22 or later; less CPU per datagram)
			  --help                 print this help and exit
			Prints 'listening on <host>:<port>' once it accepts connections; on SIGTERM prints
			its counters and exits with status 0. Bad arguments exit with status 2.""";

	/**
	 * Parse a command line.
	 * @param args the arguments
	 * @return the parsed arguments
	 * @throws IllegalArgumentException with a one-line message naming the problem
	 */
	static RelayArguments parse(String... args) {
		int port = DEFAULT_PORT;
		InetAddress bindAddress = InetAddress.getLoopbackAddress();
		List<Socks5Credentials> users = new ArrayList<>();
		int maxConnections = EmbeddedSocks5RelayBuilder.DEFAULT_MAX_CONNECTIONS;
		boolean open = false;
		boolean batchedIo = false;
		boolean userOnCommandLine = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			int equals = arg.indexOf('=');
			String name = (arg.startsWith("--") && equals > 0) ? arg.substring(0, equals) : arg;
			if (name.equals("--help") || name.equals("-h")) {
				return new RelayArguments(port, bindAddress, List.copyOf(users), maxConnections, open, batchedIo, true,
						List.of());
			}
			if (arg.equals("--open")) {
				open = true;
				continue;
			}
			if (arg.equals("--batched-io")) {
				batchedIo = true;
				continue;
			}
			if (!name.equals("--port") && !name.equals("--bind") && !name.equals("--user")
					&& !name.equals("--users-file") && !name.equals("--max-connections")) {
				throw new IllegalArgumentException("unknown argument: " + arg);
			}
			String value;
			if (name.length() < arg.length()) {
				value = arg.substring(equals + 1);
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			else {
				throw new IllegalArgumentException(name + ": missing value");
			}
			switch (name) {
				case "--port" -> port = parseNumber(name, value, 0, Socks5Address.MAX_PORT);
				case "--bind" -> bindAddress = parseBindAddress(value);
				case "--max-connections" -> maxConnections = parseNumber(name, value, 1, Integer.MAX_VALUE);
				case "--users-file" -> users.addAll(UsersFile.read(Path.of(value)));
				default -> {
					users.add(UsersFile.parseUser(value, "--user: ", "value"));
					userOnCommandLine = true;
				}
			}
		}
		if (OpenRelay.isOpen(bindAddress, !users.isEmpty()) && !open) {
			throw new IllegalArgumentException("--bind: " + Socks5AddressText.host(bindAddress)
					+ " is not a loopback address and no user is given: an open relay, which is an open proxy"
					+ " (expected: --users-file or --user, or --open to allow it)");
		}
		return new RelayArguments(port, bindAddress, List.copyOf(users), maxConnections, open, batchedIo, false,
				userOnCommandLine ? List.of(USER_ON_COMMAND_LINE) : List.of());
	}

	private static int parseNumber(String name, String value, int min, int max) {
		String expected = " (expected: " + ((max < Integer.MAX_VALUE) ? min + "-" + max : min + " or more") + ")";
		int number;
		try {
			number = Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + ": " + value + expected);
		}
		if (number < min || number > max) {
			throw new IllegalArgumentException(name + ": " + value + expected);
		}
		return number;
	}

	private static InetAddress parseBindAddress(String value) {
		InetAddress address = null;
		try {
			address = Socks5Address.of(value, 0).inetAddress();
		}
		catch (IllegalArgumentException ex) {
			// Reported below like any other name
		}
		if (address == null) {
			throw new IllegalArgumentException("--bind: " + value + " (expected: an IPv4 or IPv6 address)");
		}
		return address;
	}

}
