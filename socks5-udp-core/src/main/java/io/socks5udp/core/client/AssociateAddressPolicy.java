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

/**
 * What a client announces as DST.ADDR and DST.PORT in its UDP ASSOCIATE request (RFC 1928
 * section 4). Servers disagree on what they accept: some restrict the association to the
 * announced source, some refuse anything but zeros, so the choice is made per server.
 *
 * @author socks5-udp authors
 */
public enum AssociateAddressPolicy {

	/**
	 * Announce the local address and port of the association's UDP channel, so that the
	 * server knows where datagrams will come from.
	 */
	LOCAL,

	/**
	 * Announce zeros of the control connection's address family ({@code 0.0.0.0:0} or
	 * {@code [::]:0}): the client does not tell where it will send from.
	 */
	ZEROS

}
