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
import java.util.function.Consumer;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;

/**
 * Paths (c) and (f): this project's core association, through Dante or through the
 * embedded relay.
 *
 * @author socks5-udp authors
 */
public final class CoreAssociationPath implements RoundTripPath {

	private final String name;

	private final InetSocketAddress server;

	private final Socks5Address target;

	private Socks5UdpAssociation association;

	/**
	 * Create the path.
	 * @param name the name used in reports
	 * @param server the SOCKS5 server
	 * @param target the echo target
	 */
	public CoreAssociationPath(String name, InetSocketAddress server, InetSocketAddress target) {
		this.name = name;
		this.server = server;
		this.target = Socks5Address.of(target);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public void open(Consumer<ByteBuffer> sink) throws IOException {
		Socks5AssociationOptions options = Socks5AssociationOptions
			.builder(this.server.getAddress().getHostAddress(), this.server.getPort())
			.name(this.name)
			.build();
		this.association = Socks5UdpAssociation.open(options);
		this.association.startReceiving((source, payload) -> sink.accept(payload));
	}

	@Override
	public void send(ByteBuffer payload) throws IOException {
		this.association.send(this.target, payload);
	}

	@Override
	public String[] threadNamePrefixes() {
		return new String[] { "socks5-udp-" };
	}

	@Override
	public void close() throws IOException {
		this.association.close();
	}

}
