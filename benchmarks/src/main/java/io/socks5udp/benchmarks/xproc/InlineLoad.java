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
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import io.socks5udp.benchmarks.e2e.LoadAccounting;
import io.socks5udp.benchmarks.e2e.LoadResult;
import io.socks5udp.benchmarks.e2e.RoundTripPath;
import io.socks5udp.benchmarks.e2e.RoundTripSamples;

/**
 * Drives a client the way the C client drives its socket: on one thread. The client's
 * receive thread hands each echo to the listener, which sends the next datagram at once,
 * so no datagram crosses from one thread to another and no thread parks or wakes another
 * per round trip. The main thread only fills the window at the start, fills it again
 * after a loss, and takes the snapshots. It drives the core association
 * ({@code core-inline}) and the template ({@code template-inline}), through their
 * callback APIs: a listener that sends.
 * <p>
 * Compared with the {@link io.socks5udp.benchmarks.e2e.LoadGenerator} (a sending thread
 * that parks while the window is full, woken by the receive thread), this shows what the
 * client costs without the hand-off between two threads.
 *
 * @author socks5-udp authors
 */
final class InlineLoad {

	private static final long LOSS_TIMEOUT_NANOS = 200_000_000L;

	private final RoundTripSamples samples = new RoundTripSamples();

	private final String name;

	private final RoundTripPath path;

	private final int size;

	private final int inFlight;

	private final ByteBuffer receiveThreadPayload;

	private volatile long received;

	/** Set before the path closes, so that the listener stops sending into it. */
	private volatile boolean closing;

	InlineLoad(String name, RoundTripPath path, int size, int inFlight) {
		this.name = name;
		this.path = path;
		this.size = size;
		this.inFlight = inFlight;
		this.receiveThreadPayload = ByteBuffer.allocateDirect(size);
	}

	LoadResult run(double warmupSeconds, double seconds, LoadAccounting accounting) throws Exception {
		this.path.open(this::echoed);
		ByteBuffer payload = ByteBuffer.allocateDirect(this.size);
		fillWindow(payload);
		// Datagrams lost during the warm-up are not the measurement's
		waitChecking(warmupSeconds, payload);
		this.samples.restart();
		accounting.start();
		long startReceived = this.received;
		long start = System.nanoTime();
		long lost = waitChecking(seconds, payload);
		long count = this.received - startReceived;
		long elapsed = System.nanoTime() - start;
		accounting.stop();
		this.samples.stop();
		this.closing = true;
		this.path.close();
		double[] percentiles = this.samples.percentilesMicros(0.50, 0.99);
		return new LoadResult(this.name, this.size, count * 1e9 / elapsed, percentiles[0], percentiles[1],
				(count > 0) ? accounting.cpuNanos() / 1e9 / count * 1e6 : Double.NaN,
				(count > 0) ? (double) accounting.allocatedBytes() / count : Double.NaN, lost, count);
	}

	private void echoed(ByteBuffer payload) {
		long now = System.nanoTime();
		this.samples.record(now - payload.getLong(payload.position()));
		this.received++;
		if (!this.closing) {
			send(this.receiveThreadPayload);
		}
	}

	private void send(ByteBuffer payload) {
		payload.clear();
		payload.putLong(0, System.nanoTime());
		try {
			this.path.send(payload);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void fillWindow(ByteBuffer payload) {
		for (int i = 0; i < this.inFlight; i++) {
			send(payload);
		}
	}

	/**
	 * Wait, and when no echo came for the loss timeout, count the window as lost and fill
	 * it again.
	 */
	private long waitChecking(double seconds, ByteBuffer payload) throws InterruptedException {
		long end = System.nanoTime() + (long) (seconds * 1e9);
		long lost = 0;
		long lastReceived = this.received;
		long lastProgress = System.nanoTime();
		while (System.nanoTime() < end) {
			Thread.sleep(20);
			long now = System.nanoTime();
			if (this.received != lastReceived) {
				lastReceived = this.received;
				lastProgress = now;
			}
			else if (now - lastProgress > LOSS_TIMEOUT_NANOS) {
				lost += this.inFlight;
				fillWindow(payload);
				lastProgress = now;
			}
		}
		return lost;
	}

}
