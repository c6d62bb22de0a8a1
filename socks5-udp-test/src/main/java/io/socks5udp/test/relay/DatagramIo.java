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

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * How one direction of an association receives and sends its datagrams: one system call
 * per datagram through the channels ({@link ChannelDatagramIo}), or many
 * ({@link BatchedDatagramIo}).
 *
 * @author socks5-udp authors
 */
interface DatagramIo {

	/**
	 * Send a datagram on, or take it to be sent before the next receive.
	 * @param datagram its remaining bytes, in the buffer the loop was given
	 * @param target where to send it
	 */
	void send(ByteBuffer datagram, InetSocketAddress target);

	/**
	 * Wake the loop's thread if it waits to receive, before the association's channels
	 * are closed.
	 */
	default void wake() {
	}

	/**
	 * Whether the association must wait for the loop's thread to leave before it closes
	 * the channels, because the thread uses their file descriptors directly.
	 * @return whether to wait
	 */
	default boolean usesFileDescriptors() {
		return false;
	}

	/**
	 * Release what the loop held, on its thread, once it has ended.
	 */
	default void release() {
	}

}
