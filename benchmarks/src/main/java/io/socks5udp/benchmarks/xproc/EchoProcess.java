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
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The one external UDP echo target of a harness run: {@code udpbench echo PORT} on
 * 127.0.0.1, on a port that was free a moment before, checked with a probe datagram.
 *
 * @author socks5-udp authors
 */
final class EchoProcess implements AutoCloseable {

	private static final int ATTEMPTS = 5;

	private final Process process;

	private final InetSocketAddress address;

	private EchoProcess(Process process, InetSocketAddress address) {
		this.process = process;
		this.address = address;
	}

	static EchoProcess start(UdpBench udpbench, @Nullable String cpus, Path log) throws IOException {
		IOException last = null;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), freeUdpPort());
			Process process = new ProcessBuilder(Pinning.on(cpus, udpbench.echo(address.getPort())))
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (answers(address, process)) {
				return new EchoProcess(process, address);
			}
			process.destroyForcibly();
			last = new IOException("udpbench echo did not answer on " + address + "; see " + log);
		}
		throw last;
	}

	private static int freeUdpPort() throws IOException {
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
			return socket.getLocalPort();
		}
	}

	private static boolean answers(InetSocketAddress address, Process process) throws IOException {
		try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
			probe.setSoTimeout(200);
			byte[] ping = { 'p', 'i', 'n', 'g' };
			for (int i = 0; i < 25 && process.isAlive(); i++) {
				probe.send(new DatagramPacket(ping, ping.length, address));
				try {
					probe.receive(new DatagramPacket(new byte[16], 16));
					return true;
				}
				catch (SocketTimeoutException ex) {
					// not up yet
				}
			}
			return false;
		}
	}

	InetSocketAddress address() {
		return this.address;
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			this.process.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process.destroyForcibly();
	}

}
