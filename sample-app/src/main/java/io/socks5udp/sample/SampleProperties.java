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

package io.socks5udp.sample;

import java.time.Duration;

import io.socks5udp.core.protocol.Socks5Address;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the sample pings, how often and how long it waits: the {@code sample.*}
 * properties. The SOCKS5 servers and rules are the starter's {@code socks5.udp.*}
 * properties.
 *
 * @author socks5-udp authors
 */
@ConfigurationProperties("sample")
@Validated
public class SampleProperties {

	/**
	 * Destination of the pings, as host:port or [IPv6]:port; it should echo each datagram
	 * back. Set to the embedded echo server when unset and the embedded relay runs.
	 */
	@NotNull(message = "must be set to the host:port of a UDP echo service")
	private @Nullable Socks5Address target;

	/**
	 * Number of pings to send before printing the summary and exiting, warm-up not
	 * included: first sample.latency-count of them one at a time, then the rest with up
	 * to sample.in-flight awaiting their echo.
	 */
	@Positive
	private int count = 1000;

	/**
	 * How long to ping before the counted pings, with up to sample.in-flight awaiting
	 * their echo, so that the figures are not those of a cold start; ends early when a
	 * ping is lost. 0 to count from the first ping.
	 */
	@NotNull
	private Duration warmup = Duration.ofSeconds(1);

	/**
	 * Number of the counted pings sent one at a time, for the round-trip time without
	 * queueing (latency); at most half of sample.count.
	 */
	@Min(0)
	private int latencyCount = 200;

	/**
	 * Size in bytes of each ping's payload; its first 4 bytes carry the sequence number.
	 */
	@Min(4)
	@Max(65497)
	private int payloadSize = 64;

	/**
	 * Whether to start the embedded SOCKS5 relay (and an echo server when sample.target
	 * is unset). By default, only when none of socks5.udp.servers, socks5.udp.rules and
	 * socks5.udp.config-file is set.
	 */
	private @Nullable Boolean embedded;

	/**
	 * Whether to keep pinging at sample.rate, with Actuator's endpoints over HTTP,
	 * instead of exiting after sample.count pings.
	 */
	private boolean keepRunning;

	/**
	 * Pings per second when keep-running.
	 */
	@Positive
	private double rate = 10;

	/**
	 * Most pings awaiting their echo at once during a run's warm-up and throughput phase;
	 * the next ping waits for an echo or a time-out.
	 */
	@Positive
	private int inFlight = 32;

	/**
	 * How long to wait for the echo of a ping before counting it lost.
	 */
	@NotNull
	private Duration echoTimeout = Duration.ofSeconds(2);

	public @Nullable Socks5Address getTarget() {
		return this.target;
	}

	public void setTarget(@Nullable Socks5Address target) {
		this.target = target;
	}

	public int getCount() {
		return this.count;
	}

	public void setCount(int count) {
		this.count = count;
	}

	public Duration getWarmup() {
		return this.warmup;
	}

	public void setWarmup(Duration warmup) {
		this.warmup = warmup;
	}

	public int getLatencyCount() {
		return this.latencyCount;
	}

	public void setLatencyCount(int latencyCount) {
		this.latencyCount = latencyCount;
	}

	public int getPayloadSize() {
		return this.payloadSize;
	}

	public void setPayloadSize(int payloadSize) {
		this.payloadSize = payloadSize;
	}

	public @Nullable Boolean getEmbedded() {
		return this.embedded;
	}

	public void setEmbedded(@Nullable Boolean embedded) {
		this.embedded = embedded;
	}

	public boolean isKeepRunning() {
		return this.keepRunning;
	}

	public void setKeepRunning(boolean keepRunning) {
		this.keepRunning = keepRunning;
	}

	public double getRate() {
		return this.rate;
	}

	public void setRate(double rate) {
		this.rate = rate;
	}

	public int getInFlight() {
		return this.inFlight;
	}

	public void setInFlight(int inFlight) {
		this.inFlight = inFlight;
	}

	public Duration getEchoTimeout() {
		return this.echoTimeout;
	}

	public void setEchoTimeout(Duration echoTimeout) {
		this.echoTimeout = echoTimeout;
	}

}
