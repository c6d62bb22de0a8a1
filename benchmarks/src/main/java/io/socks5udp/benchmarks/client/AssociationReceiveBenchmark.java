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
package io.socks5udp.benchmarks.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the core client's caller-thread receive costs on the calling thread when nothing
 * is waiting: the last {@link Socks5UdpAssociation#receiveNow(ByteBuffer)} of every
 * drain, and a receive with a zero timeout. Each is one non-blocking {@code recvfrom}
 * that finds nothing, plus this project's code and the JDK's around it; the difference
 * between two builds is the code around it. An association through the embedded relay on
 * loopback; nothing is ever sent.
 *
 * @author socks5-udp authors
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AssociationReceiveBenchmark {

	/** Set by {@link #open()}, which JMH calls before any benchmark method. */
	@SuppressWarnings("NullAway.Init")
	private EmbeddedSocks5Relay relay;

	/** Set by {@link #open()}, which JMH calls before any benchmark method. */
	@SuppressWarnings("NullAway.Init")
	private Socks5UdpAssociation association;

	private final ByteBuffer into = ByteBuffer.allocateDirect(2048);

	/**
	 * Start the relay and open the association.
	 * @throws IOException if either fails
	 */
	@Setup
	public void open() throws IOException {
		this.relay = EmbeddedSocks5Relay.builder().build().start();
		this.association = Socks5UdpAssociation.open(Socks5AssociationOptions
			.builder(this.relay.address().getAddress().getHostAddress(), this.relay.address().getPort())
			.name("receive-benchmark")
			.build());
	}

	/**
	 * Close the association and the relay.
	 */
	@TearDown
	public void close() {
		this.association.close();
		this.relay.close();
	}

	/**
	 * The drain's last call: {@code receiveNow} with nothing waiting.
	 * @return {@code null}, returned so that the call is not optimized away
	 * @throws IOException never here
	 */
	@Benchmark
	public @Nullable Socks5Address receiveNowWhenNothingWaits() throws IOException {
		return this.association.receiveNow(this.into.clear());
	}

	/**
	 * A receive with a zero timeout and nothing waiting.
	 * @return {@code null}, returned so that the call is not optimized away
	 * @throws IOException never here
	 */
	@Benchmark
	public @Nullable Socks5Address zeroTimeoutReceiveWhenNothingWaits() throws IOException {
		return this.association.receive(this.into.clear(), Duration.ZERO);
	}

}
