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

package io.socks5udp.autoconfigure;

import java.time.Duration;

/**
 * Re-association after an association dies.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpReconnectProperties {

	/**
	 * Delay before the first attempt to re-establish a dead association.
	 */
	private Duration initialDelay = Duration.ofMillis(100);

	/**
	 * Longest delay between two attempts.
	 */
	private Duration maxDelay = Duration.ofSeconds(30);

	/**
	 * Factor applied to the delay after each attempt, until an association lives for
	 * stable-after.
	 */
	private double multiplier = 2;

	/**
	 * Random fraction of each delay added or taken away, from 0 (none) to 1, so that
	 * clients do not reconnect in lockstep.
	 */
	private double jitter = 0.2;

	/**
	 * How long an association must live for its death to start the delays over from
	 * initial-delay; a shorter-lived one keeps growing them.
	 */
	private Duration stableAfter = Duration.ofSeconds(5);

	public Duration getInitialDelay() {
		return this.initialDelay;
	}

	public void setInitialDelay(Duration initialDelay) {
		this.initialDelay = initialDelay;
	}

	public Duration getMaxDelay() {
		return this.maxDelay;
	}

	public void setMaxDelay(Duration maxDelay) {
		this.maxDelay = maxDelay;
	}

	public double getMultiplier() {
		return this.multiplier;
	}

	public void setMultiplier(double multiplier) {
		this.multiplier = multiplier;
	}

	public double getJitter() {
		return this.jitter;
	}

	public void setJitter(double jitter) {
		this.jitter = jitter;
	}

	public Duration getStableAfter() {
		return this.stableAfter;
	}

	public void setStableAfter(Duration stableAfter) {
		this.stableAfter = stableAfter;
	}

}
