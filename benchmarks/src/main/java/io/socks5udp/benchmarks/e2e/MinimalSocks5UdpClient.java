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

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;

/**
 * The baseline of the end-to-end harness: what anyone could write in an afternoon. A
 * blocking NIO SOCKS5 UDP client with no authentication, IPv4 destinations only, no
 * timeouts, no reconnection and no validation beyond the reply code. Deliberately written
 * without this project's code, so that the harness compares against an independent
 * client.
 *
 * @author socks5-udp authors
 */
public final class MinimalSocks5UdpClient implements Closeable {

	private final SocketChannel control;

	private final DatagramChannel udp;

	private final ByteBuffer out = ByteBuffer.allocateDirect(65536);

	private final ByteBuffer in = ByteBuffer.allocateDirect(65536);

	/**
	 * Connect to a SOCKS5 server and associate.
	 * @param server the SOCKS5 server
	 * @throws IOException on any failure
	 */
	public MinimalSocks5UdpClient(InetSocketAddress server) throws IOException {
		this.control = SocketChannel.open(server);
		this.udp = DatagramChannel.open();
		this.udp.bind(new InetSocketAddress(server.getAddress(), 0));
		ByteBuffer buf = ByteBuffer.allocate(262);
		buf.put(new byte[] { 5, 1, 0 }).flip();
		this.control.write(buf);
		readFully(buf.clear().limit(2));
		if (buf.get(1) != 0) {
			throw new IOException("method refused");
		}
		InetSocketAddress local = (InetSocketAddress) this.udp.getLocalAddress();
		buf.clear().put(new byte[] { 5, 3, 0, 1 }).put(local.getAddress().getAddress());
		buf.putShort((short) local.getPort()).flip();
		this.control.write(buf);
		readFully(buf.clear().limit(10));
		if (buf.get(1) != 0 || buf.get(3) != 1) {
			throw new IOException("associate failed: " + buf.get(1));
		}
		byte[] bnd = new byte[4];
		buf.position(4);
		buf.get(bnd);
		int port = buf.getShort() & 0xFFFF;
		InetAddress relay = InetAddress.getByAddress(bnd);
		if (relay.isAnyLocalAddress()) {
			relay = server.getAddress();
		}
		this.udp.connect(new InetSocketAddress(relay, port));
	}

	/**
	 * Send a datagram to an IPv4 destination through the relay.
	 * @param destination the destination
	 * @param payload the payload, read from position to limit
	 * @throws IOException on failure
	 */
	public void send(InetSocketAddress destination, ByteBuffer payload) throws IOException {
		this.out.clear();
		this.out.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 1);
		this.out.put(((Inet4Address) destination.getAddress()).getAddress());
		this.out.putShort((short) destination.getPort());
		this.out.put(payload).flip();
		this.udp.write(this.out);
	}

	/**
	 * Receive one datagram, blocking, and return its payload (valid until the next call).
	 * @return the payload
	 * @throws IOException on failure
	 */
	public ByteBuffer receive() throws IOException {
		this.in.clear();
		this.udp.read(this.in);
		this.in.flip();
		this.in.position(10);
		return this.in;
	}

	private void readFully(ByteBuffer buf) throws IOException {
		while (buf.hasRemaining()) {
			if (this.control.read(buf) < 0) {
				throw new EOFException();
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.udp.close();
		this.control.close();
	}

}
