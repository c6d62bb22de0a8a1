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
import java.nio.ByteBuffer;
import java.time.Duration;

import io.socks5udp.benchmarks.e2e.LoadAccounting;
import io.socks5udp.benchmarks.e2e.LoadResult;
import io.socks5udp.benchmarks.e2e.RoundTripSamples;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;

/**
 * Drives the core client on one thread exactly as the C client drives its socket: send
 * until the window is full, wait for the first echo
 * ({@link Socks5UdpAssociation#receive(ByteBuffer, Duration)}), drain every echo already
 * waiting ({@link Socks5UdpAssociation#receiveNow(ByteBuffer)}), then send the burst that
 * fills the window again. No receive loop, no second thread, and nothing allocated per
 * datagram: the payloads go out of one buffer and come back into another.
 * <p>
 * Unlike {@link InlineLoad}, whose sends come from the listener on the association's
 * receive thread, this uses the receive on the caller's thread and batches as the C
 * client does (one wait per burst of echoes, not one per echo).
 *
 * @author socks5-udp authors
 */
final class CallerThreadLoad {

	/** How long one wait lasts before the loss check, as the C client's poll. */
	private static final Duration WAIT = Duration.ofMillis(200);

	/** How long a full window may wait before its datagrams count as lost. */
	private static final long LOSS_TIMEOUT_NANOS = 200_000_000L;

	private final RoundTripSamples samples = new RoundTripSamples();

	private final Socks5UdpAssociation association;

	private final Socks5Address target;

	private final int inFlight;

	private final ByteBuffer out;

	private final ByteBuffer in;

	private final String path;

	/** One payload per place in the window, when bursts go with one call; else empty. */
	private final ByteBuffer[] burst;

	private long received;

	private long lost;

	private int outstanding;

	private long lastProgress;

	/**
	 * Drive an association.
	 * @param association the association
	 * @param target the echo target
	 * @param size the payload size
	 * @param inFlight the window
	 * @param burstSends whether each burst goes with one call,
	 * {@link Socks5UdpAssociation#send(Socks5Address, ByteBuffer[], int, int)} (path
	 * {@code core-batch}), instead of one call per datagram ({@code core-receive})
	 */
	CallerThreadLoad(Socks5UdpAssociation association, Socks5Address target, int size, int inFlight,
			boolean burstSends) {
		this.association = association;
		this.target = target;
		this.inFlight = inFlight;
		this.out = ByteBuffer.allocateDirect(size);
		this.in = ByteBuffer.allocateDirect(size);
		this.path = burstSends ? "core-batch" : "core-receive";
		this.burst = new ByteBuffer[burstSends ? inFlight : 0];
		for (int i = 0; i < this.burst.length; i++) {
			this.burst[i] = ByteBuffer.allocateDirect(size);
		}
	}

	LoadResult run(double warmupSeconds, double seconds, LoadAccounting accounting) throws IOException {
		this.lastProgress = System.nanoTime();
		// Datagrams lost during the warm-up are not the measurement's
		runFor(warmupSeconds);
		this.lost = 0;
		this.samples.restart();
		accounting.start();
		long startReceived = this.received;
		long start = System.nanoTime();
		runFor(seconds);
		long count = this.received - startReceived;
		long elapsed = System.nanoTime() - start;
		accounting.stop();
		this.samples.stop();
		this.association.close();
		double[] percentiles = this.samples.percentilesMicros(0.50, 0.99);
		return new LoadResult(this.path, this.out.capacity(), count * 1e9 / elapsed, percentiles[0], percentiles[1],
				(count > 0) ? accounting.cpuNanos() / 1e9 / count * 1e6 : Double.NaN,
				(count > 0) ? (double) accounting.allocatedBytes() / count : Double.NaN, this.lost, count);
	}

	private void runFor(double seconds) throws IOException {
		long end = System.nanoTime() + (long) (seconds * 1e9);
		while (System.nanoTime() < end) {
			if (this.burst.length > 0) {
				sendBurst();
			}
			while (this.outstanding < this.inFlight) {
				this.out.clear().putLong(0, System.nanoTime());
				this.association.send(this.target, this.out);
				this.outstanding++;
			}
			if (this.association.receive(this.in.clear(), WAIT) == null) {
				long now = System.nanoTime();
				if (now - this.lastProgress > LOSS_TIMEOUT_NANOS) {
					this.lost += this.outstanding;
					this.outstanding = 0;
					this.lastProgress = now;
				}
				continue;
			}
			echoed();
			while (this.association.receiveNow(this.in.clear()) != null) {
				echoed();
			}
		}
	}

	private void sendBurst() throws IOException {
		int count = this.inFlight - this.outstanding;
		for (int i = 0; i < count; i++) {
			this.burst[i].clear().putLong(0, System.nanoTime());
		}
		this.association.send(this.target, this.burst, 0, count);
		this.outstanding += count;
	}

	private void echoed() {
		long now = System.nanoTime();
		if (this.in.position() >= Long.BYTES) {
			this.samples.record(now - this.in.getLong(0));
		}
		this.received++;
		// An echo of a window counted as lost comes too late to free a place
		if (this.outstanding > 0) {
			this.outstanding--;
		}
		this.lastProgress = now;
	}

}
