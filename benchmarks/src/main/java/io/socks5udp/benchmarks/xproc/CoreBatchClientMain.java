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

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;

/**
 * Client process of path {@code core-batch}: as {@code core-receive}
 * ({@link CoreReceiveClientMain}), with the association's batched I/O (Java 22 or later,
 * {@code --enable-native-access=ALL-UNNAMED},
 * {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED}): each burst goes with one
 * {@code sendmmsg}, and echoes come with one {@code recvmmsg} per wait. Arguments: see
 * {@link ClientArguments}.
 *
 * @author socks5-udp authors
 */
public final class CoreBatchClientMain {

	private CoreBatchClientMain() {
	}

	/**
	 * Run the client and print its {@link ResultLine}.
	 * @param args
	 * {@code --relay HOST:PORT --target HOST:PORT --size BYTES --in-flight N --warmup S --seconds S}
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		ClientProcess.measure(args, (arguments, accounting) -> {
			Socks5UdpAssociation association = Socks5UdpAssociation.open(Socks5AssociationOptions
				.builder(arguments.relay().getAddress().getHostAddress(), arguments.relay().getPort())
				.name("core-batch")
				.batchedIo(true)
				.build());
			return new CallerThreadLoad(association, Socks5Address.of(arguments.target()), arguments.size(),
					arguments.inFlight(), true)
				.run(arguments.warmupSeconds(), arguments.seconds(), accounting);
		});
	}

}
