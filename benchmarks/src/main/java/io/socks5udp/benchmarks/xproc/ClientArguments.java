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
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a Java client process:
 * {@code --relay HOST:PORT --target HOST:PORT --size BYTES --in-flight N --warmup SECONDS --seconds SECONDS}.
 *
 * @param relay the SOCKS5 server
 * @param target the UDP echo target
 * @param size payload bytes per datagram, at least 8 (the send time)
 * @param inFlight datagrams awaiting their echo at a time
 * @param warmupSeconds how long to send before measuring
 * @param seconds how long to measure
 * @author socks5-udp authors
 */
record ClientArguments(InetSocketAddress relay, InetSocketAddress target, int size, int inFlight, double warmupSeconds,
		double seconds) {

	ClientArguments {
		if (size < 8 || size > 65000) {
			throw new IllegalArgumentException("size: " + size + " (expected: 8-65000)");
		}
		if (inFlight < 1) {
			throw new IllegalArgumentException("in-flight: " + inFlight + " (expected: 1 or more)");
		}
		if (!(seconds > 0) || warmupSeconds < 0) {
			throw new IllegalArgumentException(
					"seconds: " + seconds + ", warmup: " + warmupSeconds + " (expected: seconds > 0, warmup >= 0)");
		}
	}

	static ClientArguments parse(String... args) {
		HarnessArgs options = HarnessArgs.parse(args);
		return new ClientArguments(loopback(options.required("relay")), loopback(options.required("target")),
				options.integer("size", 64), options.integer("in-flight", 32), options.decimal("warmup", 2),
				options.decimal("seconds", 5));
	}

	List<String> toArgs() {
		List<String> args = new ArrayList<>();
		args.addAll(List.of("--relay", hostPort(this.relay), "--target", hostPort(this.target)));
		args.addAll(List.of("--size", Integer.toString(this.size), "--in-flight", Integer.toString(this.inFlight)));
		args.addAll(
				List.of("--warmup", Double.toString(this.warmupSeconds), "--seconds", Double.toString(this.seconds)));
		return args;
	}

	static String hostPort(InetSocketAddress address) {
		return address.getAddress().getHostAddress() + ":" + address.getPort();
	}

	/**
	 * Parse {@code host:port}, refusing anything but a loopback address: the harness
	 * never sends beyond this machine.
	 */
	static InetSocketAddress loopback(String hostPort) {
		int colon = hostPort.lastIndexOf(':');
		if (colon < 1) {
			throw new IllegalArgumentException("address: " + hostPort + " (expected: host:port)");
		}
		InetSocketAddress address = new InetSocketAddress(hostPort.substring(0, colon),
				Integer.parseInt(hostPort.substring(colon + 1)));
		if (address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
			throw new IllegalArgumentException("address: " + hostPort + " (expected: a loopback address)");
		}
		return address;
	}

}
