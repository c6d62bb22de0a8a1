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
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;

import jdk.net.ExtendedSocketOptions;

/**
 * TCP keepalive of an association's control connection: how long the connection is idle
 * before the first probe ({@code TCP_KEEPIDLE}), the time between unanswered probes
 * ({@code TCP_KEEPINTVL}) and how many unanswered probes end it ({@code TCP_KEEPCNT}).
 * <p>
 * An association lives as long as its control connection, which carries nothing after the
 * handshake. A server that vanishes without closing or resetting it (its host crashed or
 * lost power, a cable was pulled, a firewall or NAT dropped the connection's state) is
 * noticed only by keepalive: after {@link #detectionTime()} with these settings, against
 * about two hours and eleven minutes with Linux's own defaults. Immutable; validated when
 * created.
 *
 * @author socks5-udp authors
 * @see Socks5AssociationOptionsBuilder#keepAlive(Socks5KeepAlive)
 */
public final class Socks5KeepAlive {

	/** Largest idle time and interval, in seconds, that Linux accepts. */
	public static final int MAX_SECONDS = 32767;

	/** Largest probe count that Linux accepts. */
	public static final int MAX_COUNT = 127;

	/**
	 * The default: idle 30 seconds, then up to 3 probes 10 seconds apart, so that a
	 * vanished server is noticed within a minute.
	 */
	public static final Socks5KeepAlive DEFAULT = new Socks5KeepAlive(Duration.ofSeconds(30), Duration.ofSeconds(10),
			3);

	private static final Logger logger = System.getLogger(Socks5KeepAlive.class.getName());

	private final Duration idle;

	private final Duration interval;

	private final int count;

	/**
	 * Create keepalive settings.
	 * @param idle how long the connection is idle before the first probe: whole seconds,
	 * from 1 to {@value #MAX_SECONDS}
	 * @param interval the time between unanswered probes: whole seconds, from 1 to
	 * {@value #MAX_SECONDS}
	 * @param count how many unanswered probes end the connection, from 1 to
	 * {@value #MAX_COUNT}
	 * @throws IllegalArgumentException if a value is out of range or not whole seconds
	 */
	public Socks5KeepAlive(Duration idle, Duration interval, int count) {
		this.idle = checkSeconds("idle", idle);
		this.interval = checkSeconds("interval", interval);
		if (count < 1 || count > MAX_COUNT) {
			throw new IllegalArgumentException("count: " + count + " (expected: 1-" + MAX_COUNT + ")");
		}
		this.count = count;
	}

	private static Duration checkSeconds(String name, Duration value) {
		Objects.requireNonNull(value, () -> "'" + name + "' must not be null");
		if (value.getNano() != 0 || value.getSeconds() < 1 || value.getSeconds() > MAX_SECONDS) {
			throw new IllegalArgumentException(
					name + ": " + value + " (expected: whole seconds from 1 to " + MAX_SECONDS + ")");
		}
		return value;
	}

	/**
	 * Return how long the connection is idle before the first probe.
	 * @return the idle time
	 */
	public Duration idle() {
		return this.idle;
	}

	/**
	 * Return the time between unanswered probes.
	 * @return the interval
	 */
	public Duration interval() {
		return this.interval;
	}

	/**
	 * Return how many unanswered probes end the connection.
	 * @return the probe count
	 */
	public int count() {
		return this.count;
	}

	/**
	 * Return how long after its last sign of life a vanished server is noticed at most:
	 * the idle time plus the interval times the count.
	 * @return the detection time
	 */
	public Duration detectionTime() {
		return this.idle.plus(this.interval.multipliedBy(this.count));
	}

	/**
	 * Turn keepalive on for a socket with these settings, or with the platform's own
	 * times where it cannot set them.
	 * @param socket the socket
	 * @throws IOException if an option cannot be set
	 */
	void applyTo(Socket socket) throws IOException {
		socket.setKeepAlive(true);
		if (!socket.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
			logger.log(Level.DEBUG, "TCP keepalive times cannot be set on this platform; its own apply");
			return;
		}
		socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, (int) this.idle.getSeconds());
		socket.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, (int) this.interval.getSeconds());
		socket.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, this.count);
	}

	@Override
	public boolean equals(Object obj) {
		if (this == obj) {
			return true;
		}
		return (obj instanceof Socks5KeepAlive other) && this.idle.equals(other.idle)
				&& this.interval.equals(other.interval) && this.count == other.count;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.idle, this.interval, this.count);
	}

	@Override
	public String toString() {
		return "Socks5KeepAlive[idle=" + this.idle + ", interval=" + this.interval + ", count=" + this.count + "]";
	}

}
