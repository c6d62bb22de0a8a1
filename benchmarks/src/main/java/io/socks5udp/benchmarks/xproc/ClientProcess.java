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
package io.socks5udp.benchmarks.xproc;

import java.net.InetSocketAddress;
import java.util.function.BiFunction;

import io.socks5udp.benchmarks.e2e.LoadGenerator;
import io.socks5udp.benchmarks.e2e.LoadResult;
import io.socks5udp.benchmarks.e2e.RoundTripPath;

/**
 * The body of a Java client process: drives one path with the end-to-end harness's
 * {@link LoadGenerator} (a sending thread and the path's own receive thread), warms it
 * up, measures it, charges the whole process for CPU and allocation, prints the
 * {@link ResultLine} and exits.
 *
 * @author socks5-udp authors
 */
final class ClientProcess {

	/** How long a full window may wait before its datagrams count as lost. */
	private static final long LOSS_TIMEOUT_MILLIS = 200;

	private ClientProcess() {
	}

	static void run(String[] args, BiFunction<InetSocketAddress, InetSocketAddress, RoundTripPath> paths)
			throws Exception {
		measure(args,
				(arguments, accounting) -> new LoadGenerator(arguments.inFlight(), LOSS_TIMEOUT_MILLIS).run(
						paths.apply(arguments.relay(), arguments.target()), arguments.size(), arguments.warmupSeconds(),
						arguments.seconds(), accounting));
	}

	/**
	 * Run a client driven on its receive thread ({@link InlineLoad}) instead of by the
	 * load generator, and print its {@link ResultLine}.
	 * @param name the path's name in the results
	 * @param args the client's arguments, see {@link ClientArguments}
	 * @param paths creates the path from the relay and the echo target
	 * @throws Exception on failure
	 */
	static void runInline(String name, String[] args,
			BiFunction<InetSocketAddress, InetSocketAddress, RoundTripPath> paths) throws Exception {
		measure(args,
				(arguments,
						accounting) -> new InlineLoad(name, paths.apply(arguments.relay(), arguments.target()),
								arguments.size(), arguments.inFlight())
							.run(arguments.warmupSeconds(), arguments.seconds(), accounting));
	}

	/**
	 * Parse the arguments, run the load with the whole process's accounting, print its
	 * {@link ResultLine} and exit.
	 * @param args the client's arguments, see {@link ClientArguments}
	 * @param load warms up, measures and returns the result
	 * @throws Exception on failure
	 */
	static void measure(String[] args, Load load) throws Exception {
		ClientArguments arguments = ClientArguments.parse(args);
		ProcessAccounting accounting = new ProcessAccounting(() -> mark(ResultLine.MEASURING),
				() -> mark(ResultLine.MEASURED));
		LoadResult result = load.run(arguments, accounting);
		System.out.println(ResultLine.format(result, accounting.contextSwitches()));
		System.out.flush();
		// The paths' daemon threads and the harness's are done with
		System.exit(0);
	}

	static void mark(String marker) {
		System.out.println(marker);
		System.out.flush();
	}

	/**
	 * One way of driving a client for its warm-up and measured seconds.
	 */
	@FunctionalInterface
	interface Load {

		/**
		 * Warm the client up, measure it and return the result.
		 * @param arguments the client's arguments
		 * @param accounting marks the measured interval and charges the whole process
		 * @return the result
		 * @throws Exception on failure
		 */
		LoadResult run(ClientArguments arguments, ProcessAccounting accounting) throws Exception;

	}

}
