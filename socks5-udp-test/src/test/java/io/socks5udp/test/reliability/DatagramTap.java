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
package io.socks5udp.test.reliability;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A UDP hop on 127.0.0.1 between a client and a relay that keeps a copy of every datagram
 * the client sends, so that a test sees the bytes the relay receives. Datagrams from the
 * relay go back to the client's last address. Point a client at it with
 * {@code RelayAddressPolicy.fixed(tap.address())} and announce zeros in UDP ASSOCIATE, so
 * that the relay takes the tap for the client.
 *
 * @author socks5-udp authors
 */
final class DatagramTap implements AutoCloseable {

	private final DatagramSocket socket;

	private final BlockingQueue<byte[]> fromClient = new LinkedBlockingQueue<>();

	private volatile InetSocketAddress relay;

	private volatile SocketAddress client;

	private DatagramTap(DatagramSocket socket) {
		this.socket = socket;
	}

	/**
	 * Start a tap on a port of the kernel's choosing.
	 * @return the running tap
	 * @throws IOException if no socket can be bound
	 */
	static DatagramTap start() throws IOException {
		DatagramTap tap = new DatagramTap(
				new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
		Thread thread = new Thread(tap::run, "datagram-tap-" + tap.address().getPort());
		thread.setDaemon(true);
		thread.start();
		return tap;
	}

	/**
	 * Return the address clients send to.
	 * @return the tap's address
	 */
	InetSocketAddress address() {
		return (InetSocketAddress) this.socket.getLocalSocketAddress();
	}

	/**
	 * Forward the client's datagrams to a relay from now on.
	 * @param relay the relay's UDP address (BND of the UDP ASSOCIATE reply)
	 */
	void forwardTo(InetSocketAddress relay) {
		this.relay = relay;
	}

	/**
	 * Return the next datagram the client sent, as it was sent.
	 * @param timeout how long to wait
	 * @return the datagram, or {@code null} if none came in time
	 * @throws InterruptedException if interrupted while waiting
	 */
	byte[] nextFromClient(Duration timeout) throws InterruptedException {
		return this.fromClient.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void run() {
		byte[] buffer = new byte[65535];
		DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
		try {
			while (true) {
				packet.setLength(buffer.length);
				this.socket.receive(packet);
				InetSocketAddress relay = this.relay;
				if (packet.getSocketAddress().equals(relay)) {
					if (this.client != null) {
						this.socket.send(new DatagramPacket(buffer, packet.getLength(), this.client));
					}
				}
				else {
					this.client = packet.getSocketAddress();
					this.fromClient.add(Arrays.copyOf(buffer, packet.getLength()));
					if (relay != null) {
						this.socket.send(new DatagramPacket(buffer, packet.getLength(), relay));
					}
				}
			}
		}
		catch (IOException ex) {
			// Closed
		}
	}

	@Override
	public void close() {
		this.socket.close();
	}

}
