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

import java.io.IOException;
import java.net.InetSocketAddress;

import io.socks5udp.test.dante.LocalDante;
import org.jspecify.annotations.Nullable;

/**
 * Dante ({@code danted}) as a local process with socks5-udp-test's loopback-only
 * configuration (no authentication, UDP ASSOCIATE from loopback). Dante relays in forked
 * children, so its CPU time is that of the whole process tree ({@link ProcessTreeCpu}).
 *
 * @author socks5-udp authors
 */
final class DanteRelay implements Relay {

	private final LocalDante dante;

	private final ProcessTreeCpu cpu;

	private DanteRelay(LocalDante dante) {
		this.dante = dante;
		this.cpu = new ProcessTreeCpu(dante.pid());
	}

	static DanteRelay start(@Nullable String cpus) throws IOException {
		LocalDante dante = LocalDante.start();
		try {
			Pinning.pinTree(cpus, dante.pid());
		}
		catch (IOException ex) {
			dante.close();
			throw ex;
		}
		return new DanteRelay(dante);
	}

	@Override
	public String name() {
		return "dante";
	}

	@Override
	public InetSocketAddress address() {
		return this.dante.address();
	}

	@Override
	public double cpuSeconds() {
		return this.cpu.seconds();
	}

	@Override
	public void close() {
		this.cpu.close();
		this.dante.close();
	}

}
