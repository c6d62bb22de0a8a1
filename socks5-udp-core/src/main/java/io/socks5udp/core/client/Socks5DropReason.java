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

import io.socks5udp.core.protocol.Socks5DecodeStatus;

/**
 * Why a datagram was dropped by an association instead of being sent or delivered. Each
 * reason has a short {@link #tag() tag} for metrics and logs.
 *
 * @author socks5-udp authors
 * @see Socks5AssociationCounters#dropped(Socks5DropReason)
 */
public enum Socks5DropReason {

	/**
	 * A datagram came from an address other than the relay's (only seen on an unconnected
	 * channel; a connected channel has the kernel drop them).
	 */
	FOREIGN_SOURCE("foreign-source"),

	/**
	 * A datagram from the relay had a header that could not be decoded: too short,
	 * non-zero RSV, unknown address type or empty domain name.
	 */
	MALFORMED("malformed"),

	/**
	 * A datagram from the relay was a fragment (FRAG not zero), which is not reassembled.
	 */
	FRAGMENT("fragment"),

	/** A payload was too large for one datagram to its destination; nothing was sent. */
	OVERSIZE("oversize"),

	/** A datagram could not be sent because the association was closed. */
	NO_ASSOCIATION("no-association");

	private final String tag;

	Socks5DropReason(String tag) {
		this.tag = tag;
	}

	/**
	 * Return the tag of this reason, in lower case with dashes, for example
	 * {@code foreign-source}.
	 * @return the tag
	 */
	public String tag() {
		return this.tag;
	}

	/**
	 * Return the reason to drop a datagram whose header did not decode.
	 * @param status the decoder's status, not {@code OK}
	 * @return {@link #FRAGMENT} for a fragment, else {@link #MALFORMED}
	 */
	static Socks5DropReason of(Socks5DecodeStatus status) {
		return (status == Socks5DecodeStatus.FRAGMENTED) ? FRAGMENT : MALFORMED;
	}

}
