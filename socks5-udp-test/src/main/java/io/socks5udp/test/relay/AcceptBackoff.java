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

/**
 * How long the relay waits before accepting again after a failed accept: from 10 ms,
 * doubling up to 1 s, back to 10 ms after an accept that worked. A failed accept, such as
 * one out of descriptors (EMFILE), leaves the pending connection queued, so trying again
 * at once fails again at once, for as long as the shortage lasts.
 *
 * @author socks5-udp authors
 */
final class AcceptBackoff {

	static final Duration MIN = Duration.ofMillis(10);

	static final Duration MAX = Duration.ofSeconds(1);

	private Duration next = MIN;

	/**
	 * Return the pause before the next accept, and double the one after it.
	 * @return the pause
	 */
	Duration next() {
		Duration current = this.next;
		Duration doubled = current.multipliedBy(2);
		this.next = (doubled.compareTo(MAX) < 0) ? doubled : MAX;
		return current;
	}

	/**
	 * Start again from the shortest pause, after an accept that worked.
	 */
	void reset() {
		this.next = MIN;
	}

}
