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

import java.util.ArrayDeque;
import java.util.function.BiConsumer;

import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;

/**
 * Datagrams written while no association is granted, held until one is (or until an
 * attempt fails, which fails them), up to a limit. Used on one event loop only.
 *
 * @author socks5-udp authors
 */
final class PendingDatagrams {

	private final ArrayDeque<Entry> entries = new ArrayDeque<>();

	private final int limit;

	PendingDatagrams(int limit) {
		this.limit = limit;
	}

	/**
	 * Hold a datagram.
	 * @param msg the message written
	 * @param promise its promise
	 * @return {@code false} if the limit is reached (nothing is held)
	 */
	boolean add(Object msg, ChannelPromise promise) {
		if (this.entries.size() >= this.limit) {
			return false;
		}
		this.entries.add(new Entry(msg, promise));
		return true;
	}

	/**
	 * Hand every held datagram, in order, to a writer, and forget them.
	 * @param writer what writes one datagram
	 */
	void drain(BiConsumer<Object, ChannelPromise> writer) {
		Entry entry;
		while ((entry = this.entries.poll()) != null) {
			writer.accept(entry.msg, entry.promise);
		}
	}

	/**
	 * Fail every held datagram and release it.
	 * @param cause the failure
	 * @return how many were failed
	 */
	int failAll(Throwable cause) {
		int count = 0;
		Entry entry;
		while ((entry = this.entries.poll()) != null) {
			ReferenceCountUtil.release(entry.msg);
			entry.promise.tryFailure(cause);
			count++;
		}
		return count;
	}

	int size() {
		return this.entries.size();
	}

	private record Entry(Object msg, ChannelPromise promise) {

	}

}
