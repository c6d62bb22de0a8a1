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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/**
 * The UDP echo target of the harness, on loopback: sends every datagram back to its
 * sender. Its thread is not counted in the client's CPU figures.
 *
 * @author socks5-udp authors
 */
final class EchoTarget implements AutoCloseable {

	private final DatagramChannel channel;

	private final Thread thread;

	EchoTarget() throws IOException {
		this.channel = DatagramChannel.open();
		this.channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		this.thread = new Thread(this::echo, "e2e-echo-target");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	InetSocketAddress address() throws IOException {
		return (InetSocketAddress) this.channel.getLocalAddress();
	}

	private void echo() {
		ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
		try {
			while (true) {
				buffer.clear();
				SocketAddress sender = this.channel.receive(buffer);
				buffer.flip();
				this.channel.send(buffer, sender);
			}
		}
		catch (ClosedChannelException ex) {
			// closed: the harness is done
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

}
