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
package io.socks5udp.benchmarks.netty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

import io.socks5udp.benchmarks.e2e.RoundTripSamples;
import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;

/**
 * The reference path of {@link NettyUdpHarness}: the core's {@link Socks5UdpAssociation}
 * through the same relay, keeping the same window in flight from its receive loop, so
 * that the Netty handler is compared with the core client under the same load.
 *
 * @author socks5-udp authors
 */
final class CoreRoundTrips implements RoundTrips {

	private final Socks5UdpAssociation association;

	private final Socks5Address target;

	private final ByteBuffer payload;

	private final RoundTripSamples samples = new RoundTripSamples();

	private volatile long completed;

	private volatile boolean running;

	CoreRoundTrips(Socks5AssociationOptions options, InetSocketAddress target, int size) throws IOException {
		this.association = Socks5UdpAssociation.open(options);
		this.target = Socks5Address.of(target);
		this.payload = ByteBuffer.allocate(size);
		this.association.startReceiving((source, received) -> {
			long rtt = System.nanoTime() - received.getLong(received.position());
			this.completed++;
			this.samples.record(rtt);
			if (this.running) {
				send();
			}
		});
	}

	@Override
	public long run(int window, double seconds, boolean measure) throws InterruptedException {
		if (measure) {
			this.samples.restart();
		}
		this.running = true;
		long before = this.completed;
		for (int i = 0; i < window; i++) {
			send();
		}
		Thread.sleep((long) (seconds * 1000));
		this.running = false;
		long done = this.completed - before;
		this.samples.stop();
		// Let the window drain: the echoes of the last sends arrive within this on
		// loopback
		Thread.sleep(200);
		return done;
	}

	private synchronized void send() {
		this.payload.clear();
		this.payload.putLong(0, System.nanoTime());
		try {
			this.association.send(this.target, this.payload);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public RoundTripSamples samples() {
		return this.samples;
	}

	@Override
	public void close() {
		this.association.close();
	}

}
