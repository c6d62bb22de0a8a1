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

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.template.Socks5UdpTemplate;

/**
 * Path (d): {@link Socks5UdpTemplate#send(Socks5Address, ByteBuffer)} with a listener,
 * through the relay.
 *
 * @author socks5-udp authors
 */
public final class TemplatePath implements RoundTripPath {

	private final InetSocketAddress server;

	private final Socks5Address target;

	private Socks5UdpTemplate template;

	/**
	 * Create the path.
	 * @param server the SOCKS5 server
	 * @param target the echo target
	 */
	public TemplatePath(InetSocketAddress server, InetSocketAddress target) {
		this.server = server;
		this.target = Socks5Address.of(target);
	}

	@Override
	public String name() {
		return "d-template";
	}

	@Override
	public void open(Consumer<ByteBuffer> sink) throws IOException {
		this.template = HarnessTemplates.startTemplate(this.server);
		this.template.addListener((source, payload, route) -> sink.accept(payload));
	}

	@Override
	public void send(ByteBuffer payload) {
		this.template.send(this.target, payload);
	}

	@Override
	public String[] threadNamePrefixes() {
		return new String[] { "socks5-udp-" };
	}

	@Override
	public void close() {
		this.template.stop();
	}

}
