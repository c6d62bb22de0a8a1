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
package io.socks5udp.core.client;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import io.socks5udp.core.protocol.Socks5Address;

/**
 * A stand-in for a SOCKS5 UDP relay in tests: a UDP socket on loopback that sends every
 * datagram whose DST is {@link #ECHO} straight back to its sender, header and all (so
 * that the association sees a reply from {@code ECHO}), and silently discards every other
 * datagram, as an RFC 862 echo and an RFC 863 discard service behind a relay would.
 *
 * @author socks5-udp authors
 */
final class EchoingRelay implements Closeable {

	/** The destination whose datagrams come back. */
	static final Socks5Address ECHO = Socks5Address.of("127.0.0.1", 7);

	/** A destination whose datagrams vanish. */
	static final Socks5Address DISCARD = Socks5Address.of("127.0.0.1", 9);

	private final DatagramSocket socket;

	private final Thread thread;

	private EchoingRelay() throws IOException {
		this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		this.thread = new Thread(this::run, "echoing-relay");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	static EchoingRelay start() throws IOException {
		return new EchoingRelay();
	}

	/**
	 * Return the BND a server grants for this relay.
	 */
	Socks5Address bound() {
		return Socks5Address.of((InetSocketAddress) this.socket.getLocalSocketAddress());
	}

	private void run() {
		DatagramPacket packet = new DatagramPacket(new byte[65536], 65536);
		while (!this.socket.isClosed()) {
			packet.setLength(65536);
			try {
				this.socket.receive(packet);
				if (isIpv4To(packet, ECHO.port())) {
					this.socket.send(packet);
				}
			}
			catch (IOException ex) {
				// Closed, or an ICMP error from an association that went away
			}
		}
	}

	private static boolean isIpv4To(DatagramPacket packet, int port) {
		byte[] data = packet.getData();
		return packet.getLength() >= 10 && data[3] == 0x01 && ((data[8] & 0xFF) << 8 | (data[9] & 0xFF)) == port;
	}

	@Override
	public void close() {
		this.socket.close();
	}

}
