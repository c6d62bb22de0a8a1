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

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.socks5udp.core.protocol.Socks5Address;

/**
 * Run by {@link Socks5KeepAliveDetectionTests} in a child JVM inside a network namespace
 * of its own: opens an association with a short keepalive to a
 * {@link ScriptedSocks5Server}, then makes the server vanish without a FIN or RST by
 * dropping every packet of the control connection with iptables (in that namespace, whose
 * loopback is all it has), and prints how the association ended as {@code key=value}
 * lines. Exits with a non-zero status if it does not end within 30 seconds.
 *
 * @author socks5-udp authors
 */
public final class VanishingServer {

	private VanishingServer() {
	}

	/**
	 * Run the scenario.
	 * @param args the path of iptables
	 * @throws Exception on any failure, which ends the JVM with a non-zero status
	 */
	public static void main(String[] args) throws Exception {
		String iptables = args[0];
		Socks5KeepAlive keepAlive = new Socks5KeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(1), 2);
		try (DatagramSocket relay = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
				ScriptedSocks5Server server = ScriptedSocks5Server.start(ScriptedSocks5Server
					.granting(Socks5Address.of((InetSocketAddress) relay.getLocalSocketAddress())));
				Socks5UdpAssociation association = Socks5UdpAssociation
					.open(Socks5AssociationOptions.builder("127.0.0.1", server.port())
						.name("vanishing-server")
						.keepAlive(keepAlive)
						.build())) {
			CompletableFuture<Throwable> end = association.closeFuture();
			String port = String.valueOf(server.port());
			long start = System.nanoTime();
			run(iptables, "-A", "INPUT", "-p", "tcp", "--sport", port, "-j", "DROP");
			run(iptables, "-A", "INPUT", "-p", "tcp", "--dport", port, "-j", "DROP");
			Throwable cause;
			try {
				cause = end.get(30, TimeUnit.SECONDS);
			}
			catch (TimeoutException ex) {
				throw new IllegalStateException(
						"Association still open 30 s after its server vanished, with " + keepAlive, ex);
			}
			System.out.println("detectionTime=" + keepAlive.detectionTime().toMillis());
			System.out.println("noticedAfterMillis=" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
			System.out.println("open=" + association.isOpen());
			System.out.println("cause=" + cause);
		}
	}

	private static void run(String... command) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>(List.of(command));
		Process process = new ProcessBuilder(line).inheritIO().start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException(line + " failed with status " + process.exitValue());
		}
	}

}
