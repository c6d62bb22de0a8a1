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
package io.socks5udp.benchmarks.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Path (b), the baseline: {@link MinimalSocks5UdpClient} through the relay.
 *
 * @author socks5-udp authors
 */
public final class MinimalClientPath implements RoundTripPath {

	private static final String THREAD = "e2e-minimal-receive";

	private final InetSocketAddress server;

	private final InetSocketAddress target;

	private MinimalSocks5UdpClient client;

	/**
	 * Create the path.
	 * @param server the SOCKS5 server
	 * @param target the echo target
	 */
	public MinimalClientPath(InetSocketAddress server, InetSocketAddress target) {
		this.server = server;
		this.target = target;
	}

	@Override
	public String name() {
		return "b-minimal";
	}

	@Override
	public void open(Consumer<ByteBuffer> sink) throws IOException {
		this.client = new MinimalSocks5UdpClient(this.server);
		BlockingReceiver.start(THREAD, this.client::receive, sink);
	}

	@Override
	public void send(ByteBuffer payload) throws IOException {
		this.client.send(this.target, payload);
	}

	@Override
	public String[] threadNamePrefixes() {
		return new String[] { THREAD };
	}

	@Override
	public void close() throws IOException {
		this.client.close();
	}

}
