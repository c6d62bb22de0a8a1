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
package io.socks5udp.core.nativeio;

/**
 * The layout of the structures that {@code recvmmsg} and {@code sendmmsg} take, on the
 * 64-bit Linux ABIs: {@code struct mmsghdr} (a {@code struct msghdr}, then
 * {@code unsigned int msg_len}) and {@code struct iovec}. Offsets in bytes.
 *
 * @author socks5-udp authors
 */
public final class MessageHeaders {

	/** The size of a {@code struct mmsghdr}. */
	public static final int MMSGHDR_SIZE = 64;

	/** {@code void *msg_name}: where the address goes, or {@code NULL}. */
	public static final int MSG_NAME = 0;

	/** {@code socklen_t msg_namelen}: the room for the address, then its length. */
	public static final int MSG_NAMELEN = 8;

	/** {@code struct iovec *msg_iov}. */
	public static final int MSG_IOV = 16;

	/** {@code size_t msg_iovlen}. */
	public static final int MSG_IOVLEN = 24;

	/** {@code void *msg_control}. */
	public static final int MSG_CONTROL = 32;

	/** {@code size_t msg_controllen}. */
	public static final int MSG_CONTROLLEN = 40;

	/** {@code unsigned int msg_len}: the bytes received or sent. */
	public static final int MSG_LEN = 56;

	/** The size of a {@code struct iovec}: {@code void *iov_base, size_t iov_len}. */
	public static final int IOVEC_SIZE = 16;

	private MessageHeaders() {
	}

}
