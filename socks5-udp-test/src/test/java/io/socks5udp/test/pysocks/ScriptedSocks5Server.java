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

package io.socks5udp.test.pysocks;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A SOCKS5 server that answers exactly one client, the way a relay would, and records its
 * UDP ASSOCIATE request: no authentication, then BND = a UDP socket of the test, so the
 * test sees the client's datagrams exactly as they leave it.
 *
 * @author socks5-udp authors
 */
final class ScriptedSocks5Server implements AutoCloseable {

	private final ServerSocket server;

	private final DatagramSocket relay;

	private final CompletableFuture<byte[]> associateRequest = new CompletableFuture<>();

	private volatile Socket client;

	ScriptedSocks5Server() throws IOException {
		this.server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
		this.relay = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
		this.relay.setSoTimeout(10_000);
		Thread thread = new Thread(this::serve, "scripted-socks5-" + this.server.getLocalPort());
		thread.setDaemon(true);
		thread.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Return the UDP ASSOCIATE request the client sent, from VER to DST.PORT.
	 * @return the request bytes
	 * @throws Exception if none came within ten seconds
	 */
	byte[] associateRequest() throws Exception {
		return this.associateRequest.get(10, TimeUnit.SECONDS);
	}

	/**
	 * Receive the next datagram the client sent to the relay address.
	 * @return the datagram's bytes, header and payload
	 * @throws IOException if none came within ten seconds
	 */
	byte[] receiveDatagram() throws IOException {
		DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
		this.relay.receive(packet);
		return Arrays.copyOf(packet.getData(), packet.getLength());
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		this.relay.close();
		Socket accepted = this.client;
		if (accepted != null) {
			accepted.close();
		}
	}

	private void serve() {
		try {
			Socket accepted = this.server.accept();
			this.client = accepted;
			DataInputStream in = new DataInputStream(accepted.getInputStream());
			OutputStream out = accepted.getOutputStream();
			in.readUnsignedByte();
			in.readNBytes(in.readUnsignedByte());
			out.write(new byte[] { 5, 0 });
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			byte[] head = in.readNBytes(4);
			request.write(head);
			int addressLength = switch (head[3]) {
				case 1 -> 4;
				case 4 -> 16;
				case 3 -> {
					int length = in.readUnsignedByte();
					request.write(length);
					yield length;
				}
				default -> throw new IOException("ATYP " + head[3]);
			};
			request.write(in.readNBytes(addressLength + 2));
			this.associateRequest.complete(request.toByteArray());
			ByteBuffer reply = ByteBuffer.allocate(10).put(new byte[] { 5, 0, 0, 1, 127, 0, 0, 1 });
			reply.putShort((short) this.relay.getLocalPort());
			out.write(reply.array());
			out.flush();
		}
		catch (IOException ex) {
			this.associateRequest.completeExceptionally(ex);
		}
	}

	static String domainOf(byte[] request) {
		return new String(request, 5, request[4] & 0xff, StandardCharsets.US_ASCII);
	}

}
