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

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The socket calls that batched I/O makes (a relay thread's, or an association's), and
 * the {@code errno} they leave: one per thread, or per lock that callers take, since each
 * has its own place for {@code errno}. Not thread-safe. Made by
 * {@link NativeSockets#caller()}.
 *
 * @author socks5-udp authors
 */
public final class SocketCaller {

	private final MethodHandle recvmmsg;

	private final MethodHandle sendmmsg;

	private final MethodHandle setsockopt;

	private final MethodHandle getsockname;

	private final MethodHandle poll;

	private final ByteBuffer errno;

	private final NativeSockets.NativeMemory scratch;

	SocketCaller(ForeignLinks linked) {
		try {
			Object state = linked.allocateCapture();
			this.errno = ((ByteBuffer) linked.asByteBuffer.invoke(state)).order(ByteOrder.nativeOrder());
			this.recvmmsg = MethodHandles.insertArguments(linked.recvmmsg, 0, state);
			this.sendmmsg = MethodHandles.insertArguments(linked.sendmmsg, 0, state);
			this.setsockopt = MethodHandles.insertArguments(linked.setsockopt, 0, state);
			this.getsockname = MethodHandles.insertArguments(linked.getsockname, 0, state);
			this.poll = linked.poll;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
		this.scratch = NativeSockets.allocate(64);
	}

	/**
	 * {@code recvmmsg(fd, messages, count, flags, NULL)}.
	 * @param fd the socket
	 * @param messages the address of the {@code mmsghdr} array
	 * @param count its length
	 * @param flags the flags
	 * @return the number of datagrams received, or -1 with {@link #errno()} set
	 */
	public int recvmmsg(int fd, long messages, int count, int flags) {
		try {
			return (int) this.recvmmsg.invokeExact(fd, messages, count, flags, 0L);
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * {@code sendmmsg(fd, messages, count, 0)}.
	 * @param fd the socket
	 * @param messages the address of the {@code mmsghdr} array
	 * @param count its length
	 * @return the number of datagrams sent, or -1 with {@link #errno()} set
	 */
	public int sendmmsg(int fd, long messages, int count) {
		try {
			return (int) this.sendmmsg.invokeExact(fd, messages, count, 0);
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Wait until one of two sockets has a datagram to read, or is shut down
	 * ({@code poll}).
	 * @param first a socket
	 * @param second another
	 * @param millis the most to wait
	 */
	public void awaitReadable(int first, int second, int millis) {
		ByteBuffer fds = this.scratch.buffer();
		// struct pollfd: int fd, short events, short revents; POLLIN is 1
		fds.putInt(16, first).putShort(20, (short) 1).putShort(22, (short) 0);
		fds.putInt(24, second).putShort(28, (short) 1).putShort(30, (short) 0);
		try {
			int ignored = (int) this.poll.invokeExact(this.scratch.address() + 16, 2L, millis);
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the {@code errno} of the last call that failed.
	 * @return the error number
	 */
	public int errno() {
		return this.errno.getInt(0);
	}

	/**
	 * Return whether the kernel can segment UDP sends on a socket ({@code UDP_SEGMENT},
	 * Linux 4.18 and later): setting the socket's segment size to 0, which leaves it off,
	 * succeeds only where it can.
	 * @param fd the socket
	 * @return whether segmentation offload can be used
	 */
	public boolean segmentationOffload(int fd) {
		ByteBuffer zero = this.scratch.buffer();
		zero.putInt(0, 0);
		try {
			return (int) this.setsockopt.invokeExact(fd, NativeSockets.SOL_UDP, NativeSockets.UDP_SEGMENT,
					this.scratch.address(), 4) == 0;
		}
		catch (Throwable ex) {
			return false;
		}
	}

	/**
	 * Return the address family of a socket ({@code getsockname}).
	 * @param fd the socket
	 * @return {@link NativeSockets#AF_INET} or {@link NativeSockets#AF_INET6}
	 */
	public int family(int fd) {
		ByteBuffer scratch = this.scratch.buffer();
		scratch.putInt(48, 32);
		call(() -> (int) this.getsockname.invokeExact(fd, this.scratch.address(), this.scratch.address() + 48),
				"getsockname");
		return scratch.getShort(0);
	}

	private void call(IntCall call, String name) {
		int result;
		try {
			result = call.invoke();
		}
		catch (Throwable ex) {
			throw new IllegalStateException(name + " failed", ex);
		}
		if (result != 0) {
			throw new IllegalStateException(name + " failed: errno " + errno());
		}
	}

	/**
	 * Release the caller's native memory.
	 */
	public void free() {
		this.scratch.free();
	}

	@FunctionalInterface
	private interface IntCall {

		int invoke() throws Throwable;

	}

}
