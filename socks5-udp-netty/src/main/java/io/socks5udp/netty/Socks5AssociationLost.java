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
package io.socks5udp.netty;

import java.util.Objects;

import io.socks5udp.core.protocol.Socks5AssociationClosedException;

/**
 * User event fired through a channel's pipeline by {@link Socks5DatagramHandler} when the
 * control connection of its association ends while the channel is open (RFC 1928: the
 * association ends with it). The channel stays open; the handler associates again after
 * its {@link Socks5ReassociationBackoff} delay, and holds the datagrams written
 * meanwhile.
 *
 * @param cause what ended the association
 * @param generation the number of the association that ended
 * @author socks5-udp authors
 */
public record Socks5AssociationLost(Socks5AssociationClosedException cause, int generation) {

	/**
	 * Create the event, checking its arguments.
	 * @param cause what ended the association
	 * @param generation the association's number on this channel, from 1
	 */
	public Socks5AssociationLost {
		Objects.requireNonNull(cause, "'cause' must not be null");
		if (generation < 1) {
			throw new IllegalArgumentException("generation: " + generation + " (expected: >= 1)");
		}
	}

}
