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

package io.socks5udp.test.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.socks5udp.core.protocol.Socks5AddressText;
import org.jspecify.annotations.Nullable;

/**
 * A UDP echo server on a loopback address and a port of the kernel's choosing: every
 * datagram goes back to its sender unchanged. It counts datagrams and remembers the last
 * sender and payload, so that tests can see which address a relay sends from.
 *
 * @author socks5-udp authors
 */
public final class UdpEchoServer implements AutoCloseable {

	private static final int MAX_DATAGRAM = 65535;

	private final DatagramSocket socket;

	private final Thread thread;

	private final AtomicLong datagrams = new AtomicLong();

	private final AtomicReference<@Nullable InetSocketAddress> lastSender = new AtomicReference<>();

	private final AtomicReference<byte @Nullable []> lastPayload = new AtomicReference<>();

	private UdpEchoServer(DatagramSocket socket) {
		this.socket = socket;
		this.thread = new Thread(this::echo, "udp-echo-" + socket.getLocalPort());
		this.thread.setDaemon(true);
	}

	/**
	 * Start an echo server on {@code 127.0.0.1}.
	 * @return the running server
	 */
	public static UdpEchoServer startIpv4() {
		return start(loopback("127.0.0.1"));
	}

	/**
	 * Start an echo server on {@code ::1}.
	 * @return the running server
	 */
	public static UdpEchoServer startIpv6() {
		return start(loopback("::1"));
	}

	/**
	 * Start an echo server on the given loopback address.
	 * @param address {@code 127.0.0.1}, {@code ::1} or another loopback address
	 * @return the running server
	 * @throws IllegalArgumentException if the address is not a loopback address
	 */
	public static UdpEchoServer start(InetAddress address) {
		if (!address.isLoopbackAddress()) {
			throw new IllegalArgumentException("address: " + address + " (expected: a loopback address)");
		}
		try {
			DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 0));
			socket.setReceiveBufferSize(4 * MAX_DATAGRAM);
			socket.setSendBufferSize(4 * MAX_DATAGRAM);
			UdpEchoServer server = new UdpEchoServer(socket);
			server.thread.start();
			return server;
		}
		catch (SocketException ex) {
			throw new UncheckedIOException("Cannot bind a UDP socket on " + address, ex);
		}
	}

	/**
	 * Return the address the server receives on.
	 * @return the address and port
	 */
	public InetSocketAddress address() {
		return (InetSocketAddress) this.socket.getLocalSocketAddress();
	}

	/**
	 * Return the address as text, without brackets for IPv6.
	 * @return {@code 127.0.0.1} or {@code ::1}
	 */
	public String host() {
		return Socks5AddressText.host(address().getAddress());
	}

	/**
	 * Return the port the server receives on.
	 * @return the port
	 */
	public int port() {
		return this.socket.getLocalPort();
	}

	/**
	 * Return how many datagrams the server received.
	 * @return the number of datagrams
	 */
	public long datagramCount() {
		return this.datagrams.get();
	}

	/**
	 * Return the sender of the last datagram received.
	 * @return the sender, or {@code null} before the first datagram
	 */
	public @Nullable InetSocketAddress lastSender() {
		return this.lastSender.get();
	}

	/**
	 * Return the payload of the last datagram received.
	 * @return a copy of the payload, or {@code null} before the first datagram
	 */
	public byte @Nullable [] lastPayload() {
		byte[] payload = this.lastPayload.get();
		return (payload != null) ? payload.clone() : null;
	}

	/**
	 * Stop echoing and release the port.
	 */
	@Override
	public void close() {
		this.socket.close();
	}

	@Override
	public String toString() {
		return "UdpEchoServer[" + address() + "]";
	}

	private void echo() {
		byte[] buffer = new byte[MAX_DATAGRAM];
		DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
		while (!this.socket.isClosed()) {
			try {
				packet.setData(buffer);
				this.socket.receive(packet);
				InetSocketAddress sender = (InetSocketAddress) packet.getSocketAddress();
				this.lastPayload.set(Arrays.copyOfRange(buffer, 0, packet.getLength()));
				this.lastSender.set(sender);
				this.datagrams.incrementAndGet();
				this.socket.send(packet);
			}
			catch (IOException ex) {
				if (this.socket.isClosed()) {
					return;
				}
				// A failed send (ICMP unreachable from a gone sender) must not stop the
				// echo.
			}
		}
	}

	private static InetAddress loopback(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
