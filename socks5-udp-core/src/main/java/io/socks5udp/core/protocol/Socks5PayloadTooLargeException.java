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
package io.socks5udp.core.protocol;

/**
 * A datagram's payload is larger than the largest that fits, after the RFC 1928 section 7
 * header for its destination, into one UDP datagram: see
 * {@link Socks5UdpHeaderCodec#maxPayload(Socks5Address)}. Thrown before anything is
 * written or sent.
 *
 * @author socks5-udp authors
 */
public class Socks5PayloadTooLargeException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final int payloadLength;

	private final int maxPayload;

	/**
	 * Create an exception.
	 * @param destination the destination the payload was for
	 * @param payloadLength the length of the payload
	 * @param maxPayload the largest payload for that destination
	 */
	public Socks5PayloadTooLargeException(Socks5Address destination, int payloadLength, int maxPayload) {
		super("payload: " + payloadLength + " bytes (expected: 0-" + maxPayload + " for " + destination + ")");
		this.payloadLength = payloadLength;
		this.maxPayload = maxPayload;
	}

	/**
	 * Return the length of the rejected payload.
	 * @return the payload length in bytes
	 */
	public int payloadLength() {
		return this.payloadLength;
	}

	/**
	 * Return the largest payload the destination allows.
	 * @return the maximum payload in bytes
	 */
	public int maxPayload() {
		return this.maxPayload;
	}

}
