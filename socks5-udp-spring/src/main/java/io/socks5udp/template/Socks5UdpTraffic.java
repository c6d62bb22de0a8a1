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

import io.socks5udp.core.client.Socks5DropReason;

/**
 * Cumulative traffic of one route, over all the associations it has had: what was sent,
 * received and dropped. Every datagram a caller hands over is either sent or counted as
 * dropped (or rejected with an exception before anything is counted, for an invalid
 * argument).
 *
 * @author socks5-udp authors
 */
public interface Socks5UdpTraffic {

	/**
	 * Return the number of datagrams sent.
	 * @return the datagrams sent
	 */
	long datagramsSent();

	/**
	 * Return the number of payload bytes sent, SOCKS5 headers not included.
	 * @return the payload bytes sent
	 */
	long bytesSent();

	/**
	 * Return the number of datagrams received and delivered.
	 * @return the datagrams received
	 */
	long datagramsReceived();

	/**
	 * Return the number of payload bytes received, SOCKS5 headers not included.
	 * @return the payload bytes received
	 */
	long bytesReceived();

	/**
	 * Return the number of datagrams dropped for a reason.
	 * @param reason the reason
	 * @return the datagrams dropped
	 */
	long dropped(Socks5DropReason reason);

}
