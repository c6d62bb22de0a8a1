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
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5ProtocolException;

/**
 * Opens a {@link Socks5UdpAssociation}: connects the control connection, binds the UDP
 * channel on its local address, runs the handshake up to the UDP ASSOCIATE reply, applies
 * the relay address policy and connects the channel to the relay. Whatever fails on the
 * way, the socket and the channel are released.
 *
 * @author socks5-udp authors
 */
final class Socks5AssociationOpener {

	private Socks5AssociationOpener() {
	}

	/**
	 * Open an association.
	 * @param options the options
	 * @return the open association, its control connection watched
	 * @throws IOException if the server cannot be reached or the handshake fails
	 */
	static Socks5UdpAssociation open(Socks5AssociationOptions options) throws IOException {
		InetSocketAddress server = new InetSocketAddress(InetAddress.getByName(options.host()), options.port());
		Socket socket = Socks5Handshake.connect(server, options.connectTimeout(), options.keepAlive());
		DatagramChannel channel = null;
		try {
			InetAddress local = socket.getLocalAddress();
			channel = DatagramChannel.open(family(local)).bind(new InetSocketAddress(local, 0));
			Socks5Address dst = announcedAddress(options.associateAddressPolicy(), channel, local);
			Socks5Handshake handshake = new Socks5Handshake(socket, options.credentials(), options.handshakeTimeout());
			Socks5Address bound = handshake.udpAssociate(dst);
			InetSocketAddress relay = options.relayAddressPolicy().relayAddress(bound, socket.getInetAddress());
			if (relay.getPort() == 0) {
				throw new Socks5ProtocolException(
						"BND.PORT: 0 (expected: 1-" + Socks5Address.MAX_PORT + ") in the UDP ASSOCIATE reply " + bound
								+ " (SOCKS5 server " + Socks5Handshake.format(server) + ")");
			}
			if (family(relay.getAddress()) != family(local)) {
				channel.close();
				channel = DatagramChannel.open(family(relay.getAddress())).bind(null);
			}
			if (options.channelConfigurer() != null) {
				options.channelConfigurer().configure(channel);
			}
			if (options.connectedChannel()) {
				channel.connect(relay);
			}
			Socks5UdpAssociation association = new Socks5UdpAssociation(options.name(), socket, channel,
					options.connectedChannel(), options.batchedIo(), relay, bound);
			association.startWatching();
			return association;
		}
		catch (IOException | RuntimeException ex) {
			Closeables.closeQuietly(socket);
			Closeables.closeQuietly(channel);
			throw ex;
		}
	}

	private static ProtocolFamily family(InetAddress address) {
		return (address instanceof Inet6Address) ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
	}

	private static Socks5Address announcedAddress(AssociateAddressPolicy policy, DatagramChannel channel,
			InetAddress local) throws IOException {
		if (policy == AssociateAddressPolicy.LOCAL) {
			return Socks5Address.of((InetSocketAddress) channel.getLocalAddress());
		}
		return (local instanceof Inet6Address) ? Socks5Address.ipv6(new byte[16], 0)
				: Socks5Address.ipv4(new byte[4], 0);
	}

}
