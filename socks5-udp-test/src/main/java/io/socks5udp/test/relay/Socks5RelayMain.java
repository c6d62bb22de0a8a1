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

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import io.socks5udp.core.protocol.Socks5AddressText;
import io.socks5udp.core.protocol.Socks5Credentials;

/**
 * Runs an {@link EmbeddedSocks5Relay} on its own, as a local development relay:
 * <pre class="code">
 * java -jar socks5-udp-test/target/socks5-udp-relay.jar --port 1080 [--bind ::1] [--users-file FILE]
 * </pre> Prints {@code listening on <host>:<port>} once it accepts connections and relays
 * until stopped; on SIGTERM (or Ctrl-C) prints its counters on one line and exits with
 * status 0. Bad arguments: one line naming the problem on standard error, exit status 2;
 * an address that cannot be bound: exit status 1.
 *
 * @author socks5-udp authors
 */
public final class Socks5RelayMain {

	/** Exit status for bad arguments. */
	static final int EXIT_USAGE = 2;

	/**
	 * Exit status when the relay cannot listen, or cannot run {@code --batched-io} here.
	 */
	static final int EXIT_UNAVAILABLE = 1;

	private Socks5RelayMain() {
	}

	/**
	 * Run the relay until the JVM is stopped.
	 * @param args the command line; {@code --help} describes it
	 * @throws InterruptedException if the main thread is interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		RelayArguments arguments;
		try {
			arguments = RelayArguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(EXIT_USAGE);
			return;
		}
		if (arguments.help()) {
			System.out.println(RelayArguments.USAGE);
			return;
		}
		for (String warning : arguments.warnings()) {
			System.err.println("warning: " + warning);
		}
		EmbeddedSocks5Relay relay;
		try {
			relay = start(arguments, System.out, Socks5RelayMain::stopOnShutdown);
		}
		catch (IOException | IllegalStateException ex) {
			// IllegalStateException: --batched-io where it cannot be used
			System.err.println(ex.getMessage());
			System.exit(EXIT_UNAVAILABLE);
			return;
		}
		new CountDownLatch(1).await();
		relay.close();
	}

	/**
	 * Start a relay as the command line describes it and print the {@code listening on}
	 * line.
	 * @param arguments the parsed command line
	 * @param out where to print
	 * @param beforeListening called with the started relay before the line is printed
	 * @return the running relay
	 * @throws IOException if the relay cannot listen
	 */
	static EmbeddedSocks5Relay start(RelayArguments arguments, PrintStream out,
			Consumer<EmbeddedSocks5Relay> beforeListening) throws IOException {
		EmbeddedSocks5RelayBuilder builder = EmbeddedSocks5Relay.builder()
			.bind(arguments.bindAddress())
			.port(arguments.port())
			.maxConnections(arguments.maxConnections())
			.allowOpenRelay(arguments.open())
			.batchedIo(arguments.batchedIo());
		for (Socks5Credentials user : arguments.users()) {
			builder.user(user.username(), user.password());
		}
		EmbeddedSocks5Relay relay = builder.build().start();
		beforeListening.accept(relay);
		out.println("listening on " + Socks5AddressText.hostAndPort(arguments.bindAddress(), relay.port()));
		out.flush();
		return relay;
	}

	private static void stopOnShutdown(EmbeddedSocks5Relay relay) {
		// Installed before 'listening on' is printed, so that a signal sent as soon as
		// the line is read still prints the counters
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(relay), "socks5-relay-shutdown"));
	}

	private static void stop(EmbeddedSocks5Relay relay) {
		relay.close();
		System.out.println("stopped: " + relay.counters());
		System.out.flush();
		// Being stopped is how a relay ends: a signal is a normal exit here, not 143
		Runtime.getRuntime().halt(0);
	}

}
