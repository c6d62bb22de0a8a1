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
import java.nio.channels.DatagramChannel;
import java.util.function.Consumer;

/**
 * Path (a): plain UDP straight to the echo target, no relay.
 *
 * @author socks5-udp authors
 */
final class RawUdpPath implements RoundTripPath {

	private static final String THREAD = "e2e-raw-receive";

	private final InetSocketAddress target;

	private DatagramChannel channel;

	RawUdpPath(InetSocketAddress target) {
		this.target = target;
	}

	@Override
	public String name() {
		return "a-raw-udp";
	}

	@Override
	public void open(Consumer<ByteBuffer> sink) throws IOException {
		this.channel = DatagramChannel.open();
		this.channel.connect(this.target);
		ByteBuffer in = ByteBuffer.allocateDirect(65536);
		BlockingReceiver.start(THREAD, () -> {
			in.clear();
			this.channel.read(in);
			return in.flip();
		}, sink);
	}

	@Override
	public void send(ByteBuffer payload) throws IOException {
		this.channel.write(payload);
	}

	@Override
	public String[] threadNamePrefixes() {
		return new String[] { THREAD };
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

}
