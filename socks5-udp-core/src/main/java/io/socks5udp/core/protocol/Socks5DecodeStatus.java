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
 * Outcome of decoding the RFC 1928 section 7 header of a datagram received from a relay.
 * Anything but {@link #OK} means the datagram is to be dropped (and counted); decoding
 * never throws, so that a hostile datagram cannot end a receive loop.
 *
 * @author socks5-udp authors
 * @see Socks5UdpHeaderDecoder
 */
public enum Socks5DecodeStatus {

	/** The header is valid; the payload follows it. */
	OK,

	/** The datagram ends before its header does. */
	SHORT,

	/** RSV is not X'0000'. */
	RESERVED_NONZERO,

	/** FRAG is not X'00': a fragment, which this client does not reassemble. */
	FRAGMENTED,

	/** ATYP is not X'01', X'03' or X'04'. */
	UNKNOWN_ADDRESS_TYPE,

	/** A domain-name address of length 0. */
	EMPTY_DOMAIN

}
