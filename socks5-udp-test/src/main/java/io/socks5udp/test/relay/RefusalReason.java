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

/**
 * Why the relay refused a datagram instead of relaying it.
 *
 * @author socks5-udp authors
 * @see RelayCounters#refused(RefusalReason)
 */
public enum RefusalReason {

	/** The datagram came to the relay socket from an address other than the client's. */
	FOREIGN_SOURCE("foreign-source"),

	/** The datagram was too short or its header invalid (RSV, ATYP, empty domain). */
	MALFORMED("malformed"),

	/** The datagram was a fragment (FRAG != X'00'); the relay does not reassemble. */
	FRAGMENT("fragment"),

	/** The destination was a domain name that could not be resolved. */
	UNRESOLVED("unresolved"),

	/** The reply from a destination was too large to wrap in a header. */
	OVERSIZE("oversize"),

	/** A reply came from a destination before the client's UDP address was known. */
	NO_CLIENT_ADDRESS("no-client-address"),

	/** Sending failed, for example to port 0. */
	SEND_FAILED("send-failed"),

	/** The datagram was dropped on purpose by {@link RelayFaults#dropDatagrams(int)}. */
	FAULT_DROP("fault-drop");

	private final String tag;

	RefusalReason(String tag) {
		this.tag = tag;
	}

	/**
	 * Return the short name used in counter maps and printed counters.
	 * @return the tag, for example {@code foreign-source}
	 */
	public String tag() {
		return this.tag;
	}

}
