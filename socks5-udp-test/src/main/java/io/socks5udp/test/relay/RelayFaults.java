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
package io.socks5udp.test.relay;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.socks5udp.core.protocol.Socks5ReplyCode;
import org.jspecify.annotations.Nullable;

/**
 * Faults that an {@link EmbeddedSocks5Relay} injects, switchable at run time from any
 * thread. Handshake faults apply to connections accepted (or replies written) after the
 * switch; datagram faults to datagrams relayed after it. Every setter returns this
 * object, so faults can be chained.
 * <p>
 * Faults that act once rather than stay switched on are methods of the relay:
 * {@link EmbeddedSocks5Relay#closeControlConnections(boolean)},
 * {@link EmbeddedSocks5Relay#sendMalformed(MalformedDatagram, int)} and
 * {@link EmbeddedSocks5Relay#sendFromForeignSource(int)}.
 *
 * @author socks5-udp authors
 */
public final class RelayFaults {

	private volatile boolean unspecifiedBoundAddress;

	private volatile @Nullable Socks5ReplyCode replyCode;

	private volatile boolean stallHandshake;

	private volatile @Nullable Duration trickleHandshake;

	private final AtomicInteger dropCount = new AtomicInteger();

	private volatile double dropProbability;

	private volatile @Nullable Duration delayDatagrams;

	RelayFaults() {
	}

	/**
	 * Reply to UDP ASSOCIATE with BND.ADDR 0.0.0.0 (or :: for an IPv6 client) and the
	 * real port, as relays behind NAT or bound to a wildcard address do.
	 * @param enabled whether to reply with the unspecified address
	 * @return this object
	 */
	public RelayFaults unspecifiedBoundAddress(boolean enabled) {
		this.unspecifiedBoundAddress = enabled;
		return this;
	}

	/**
	 * Answer the next UDP ASSOCIATE requests with a reply code, until switched back with
	 * {@code null} or {@link Socks5ReplyCode#SUCCEEDED}. The relay closes the control
	 * connection after a failure reply, as RFC 1928 section 6 requires.
	 * @param replyCode the reply code, for example X'01' to X'08', or {@code null}
	 * @return this object
	 */
	public RelayFaults replyCode(@Nullable Socks5ReplyCode replyCode) {
		this.replyCode = (replyCode != null && replyCode.isSuccess()) ? null : replyCode;
		return this;
	}

	/**
	 * Accept control connections but never answer them: the client's handshake hangs
	 * until it gives up.
	 * @param enabled whether to stall new control connections
	 * @return this object
	 */
	public RelayFaults stallHandshake(boolean enabled) {
		this.stallHandshake = enabled;
		return this;
	}

	/**
	 * Write every handshake reply one byte at a time, pausing between bytes.
	 * @param perByte the pause before each byte after the first, or {@code null} or zero
	 * to write replies at once
	 * @return this object
	 */
	public RelayFaults trickleHandshake(@Nullable Duration perByte) {
		this.trickleHandshake = (perByte != null && !perByte.isZero() && !perByte.isNegative()) ? perByte : null;
		return this;
	}

	/**
	 * Drop the next datagrams the relay would relay, in either direction. Adds to any
	 * count not yet used up.
	 * @param count how many datagrams to drop
	 * @return this object
	 */
	public RelayFaults dropDatagrams(int count) {
		if (count < 0) {
			throw new IllegalArgumentException("count: " + count + " (expected: 0 or more)");
		}
		this.dropCount.addAndGet(count);
		return this;
	}

	/**
	 * Drop each datagram the relay would relay, in either direction, with a probability.
	 * @param probability the probability, 0 (drop none) to 1 (drop all)
	 * @return this object
	 */
	public RelayFaults dropDatagrams(double probability) {
		if (!(probability >= 0 && probability <= 1)) {
			throw new IllegalArgumentException("probability: " + probability + " (expected: 0-1)");
		}
		this.dropProbability = probability;
		return this;
	}

	/**
	 * Hold each datagram, in either direction, for a while before relaying it.
	 * @param delay the delay, or {@code null} or zero to relay at once
	 * @return this object
	 */
	public RelayFaults delayDatagrams(@Nullable Duration delay) {
		this.delayDatagrams = (delay != null && !delay.isZero() && !delay.isNegative()) ? delay : null;
		return this;
	}

	/**
	 * Switch every fault off.
	 * @return this object
	 */
	public RelayFaults reset() {
		this.unspecifiedBoundAddress = false;
		this.replyCode = null;
		this.stallHandshake = false;
		this.trickleHandshake = null;
		this.dropCount.set(0);
		this.dropProbability = 0;
		this.delayDatagrams = null;
		return this;
	}

	/**
	 * Return whether UDP ASSOCIATE replies carry the unspecified address.
	 * @return whether BND.ADDR is 0.0.0.0 or ::
	 */
	public boolean isUnspecifiedBoundAddress() {
		return this.unspecifiedBoundAddress;
	}

	/**
	 * Return the reply code that UDP ASSOCIATE requests get instead of success.
	 * @return the reply code, or {@code null} when associations succeed
	 */
	public @Nullable Socks5ReplyCode replyCode() {
		return this.replyCode;
	}

	/**
	 * Return whether new control connections are never answered.
	 * @return whether handshakes stall
	 */
	public boolean isStallHandshake() {
		return this.stallHandshake;
	}

	/**
	 * Return the pause between the bytes of handshake replies.
	 * @return the pause, or {@code null} when replies are written at once
	 */
	public @Nullable Duration trickleHandshake() {
		return this.trickleHandshake;
	}

	/**
	 * Return the delay of relayed datagrams.
	 * @return the delay, or {@code null} when datagrams are relayed at once
	 */
	public @Nullable Duration delayDatagrams() {
		return this.delayDatagrams;
	}

	boolean shouldDrop() {
		int remaining = this.dropCount.get();
		while (remaining > 0) {
			if (this.dropCount.compareAndSet(remaining, remaining - 1)) {
				return true;
			}
			remaining = this.dropCount.get();
		}
		double probability = this.dropProbability;
		return probability > 0 && ThreadLocalRandom.current().nextDouble() < probability;
	}

}
