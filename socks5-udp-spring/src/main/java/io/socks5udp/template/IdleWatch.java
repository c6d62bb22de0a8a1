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

package io.socks5udp.template;

import java.time.Duration;

import io.socks5udp.core.client.Socks5DropReason;

/**
 * Tells whether an association is in use or idle, from its traffic: whether it sent,
 * received or was asked to send a datagram within the idle timeout. It reads the counters
 * when asked, so that the send path pays nothing for it; an association is thus closed
 * between one idle timeout and one check period after its last datagram.
 *
 * @author socks5-udp authors
 */
final class IdleWatch {

	private final RouteTraffic traffic;

	private final Duration timeout;

	private long lastActivity = -1;

	private long lastActiveAt = System.nanoTime();

	IdleWatch(RouteTraffic traffic, Duration timeout) {
		this.traffic = traffic;
		this.timeout = timeout;
	}

	/**
	 * Count the association as in use from now, as when it opens.
	 */
	synchronized void touch() {
		this.lastActivity = activity();
		this.lastActiveAt = System.nanoTime();
	}

	/**
	 * Return whether the association carried nothing, and no send wanted it, for the idle
	 * timeout. Never with an idle timeout of zero.
	 * @return whether it is idle
	 */
	synchronized boolean isIdle() {
		long now = System.nanoTime();
		long activity = activity();
		if (activity != this.lastActivity) {
			this.lastActivity = activity;
			this.lastActiveAt = now;
			return false;
		}
		return !this.timeout.isZero() && now - this.lastActiveAt >= this.timeout.toNanos();
	}

	private long activity() {
		return this.traffic.datagramsSent() + this.traffic.datagramsReceived()
				+ this.traffic.dropped(Socks5DropReason.NO_ASSOCIATION);
	}

}
