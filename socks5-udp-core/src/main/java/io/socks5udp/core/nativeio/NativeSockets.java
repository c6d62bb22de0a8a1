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

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The Linux socket calls that move many datagrams per system call ({@code recvmmsg},
 * {@code sendmmsg}) and the few around them, called through the JDK's foreign function
 * API (Java 22 and later), which this Java 17 code reaches by reflection once, when the
 * class loads. Pointers are passed as {@code long} (the same registers on the 64-bit
 * Linux ABIs), so that the per-datagram calls are plain {@link MethodHandle} invocations
 * with no foreign type in them.
 * <p>
 * Needs Linux on x86-64 or AArch64, Java 22 or later, {@code --enable-native-access} (or
 * it warns) and {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED} (for a channel's
 * file descriptor); the relay jar's manifest grants both. {@link #unavailableReason()}
 * says what is missing.
 * <p>
 * Not API: the shared native layer of the embedded relay's batched I/O and of an
 * association's ({@code Socks5AssociationOptionsBuilder.batchedIo(boolean)}); it may
 * change in any release.
 *
 * @author socks5-udp authors
 */
public final class NativeSockets {

	/** {@code AF_INET}. */
	public static final int AF_INET = 2;

	/** {@code AF_INET6}. */
	public static final int AF_INET6 = 10;

	/** {@code EINTR}. */
	public static final int EINTR = 4;

	/** {@code EAGAIN}: nothing to receive on a non-blocking call. */
	public static final int EAGAIN = 11;

	/** {@code ECONNREFUSED}: an ICMP error for an earlier datagram. */
	public static final int ECONNREFUSED = 111;

	/** {@code MSG_DONTWAIT}: do not block. */
	public static final int MSG_DONTWAIT = 0x40;

	/** {@code SOL_UDP}. */
	public static final int SOL_UDP = 17;

	/** {@code UDP_SEGMENT}: the segment size of UDP segmentation offload. */
	public static final int UDP_SEGMENT = 103;

	private static final int SHUT_RDWR = 2;

	private static final @Nullable ForeignLinks LINKED;

	private static final @Nullable String UNAVAILABLE;

	static {
		ForeignLinks linked = null;
		String reason = null;
		try {
			linked = ForeignLinks.link();
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			reason = "the foreign function API could not be used: " + ex;
		}
		if (linked == null && reason == null) {
			reason = "batched datagram I/O needs Linux on x86-64 or AArch64 and Java 22 or later (this is "
					+ System.getProperty("os.name") + " on " + System.getProperty("os.arch") + ", Java "
					+ Runtime.version().feature() + ")";
		}
		LINKED = linked;
		UNAVAILABLE = reason;
	}

	private NativeSockets() {
	}

	/**
	 * Return why batched I/O cannot be used here.
	 * @return the reason, or {@code null} if it can
	 */
	public static @Nullable String unavailableReason() {
		return UNAVAILABLE;
	}

	/**
	 * Fail unless batched I/O can be used here.
	 * @throws IllegalStateException saying what is missing
	 */
	public static void checkAvailable() {
		if (UNAVAILABLE != null) {
			throw new IllegalStateException(UNAVAILABLE);
		}
	}

	/**
	 * Fail unless batched I/O can be used here, the channels' file descriptors included.
	 * @throws IllegalStateException saying what is missing
	 */
	public static void checkUsable() {
		checkAvailable();
		try (DatagramChannel probe = DatagramChannel.open()) {
			fileDescriptor(probe);
		}
		catch (IOException ex) {
			throw new IllegalStateException("batched datagram I/O: no socket could be opened: " + ex, ex);
		}
	}

	private static ForeignLinks linked() {
		checkAvailable();
		return Objects.requireNonNull(LINKED);
	}

	/**
	 * Return the file descriptor of a channel.
	 * @param channel the channel
	 * @return its file descriptor
	 * @throws IllegalStateException if the JDK does not let it be read
	 */
	public static int fileDescriptor(DatagramChannel channel) {
		try {
			// Declared by the (public) interface of the JDK's selectable channels
			return (int) Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal").invoke(channel);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalStateException("the channel's file descriptor cannot be read (expected: "
					+ "--add-exports java.base/sun.nio.ch=ALL-UNNAMED): " + ex, ex);
		}
	}

	/**
	 * Allocate native memory that is not touched until used (large blocks are mapped
	 * lazily by {@code malloc}), seen as a buffer in the platform's byte order.
	 * @param size its size in bytes
	 * @return the memory; {@link NativeMemory#free()} it when done
	 */
	public static NativeMemory allocate(int size) {
		ForeignLinks linked = linked();
		try {
			long address = (long) linked.malloc.invokeExact((long) size);
			if (address == 0) {
				throw new OutOfMemoryError("malloc(" + size + ") failed");
			}
			Object segment = linked.reinterpret.invoke(linked.ofAddress.invoke(null, address), (long) size);
			ByteBuffer buffer = ((ByteBuffer) linked.asByteBuffer.invoke(segment)).order(ByteOrder.nativeOrder());
			return new NativeMemory(address, buffer);
		}
		catch (Error | RuntimeException ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Wake every thread blocked receiving on a socket and end its use:
	 * {@code shutdown(fd, SHUT_RDWR)}. On an unconnected UDP socket it reports
	 * {@code ENOTCONN} but still wakes the readers, which then return.
	 * @param fd the socket
	 */
	public static void shutdown(int fd) {
		try {
			int ignored = (int) linked().shutdown.invokeExact(fd, SHUT_RDWR);
		}
		catch (Throwable ex) {
			// Nothing more can be done; the loop's wait times out
		}
	}

	/**
	 * Return a caller of the per-datagram calls, with its own place for {@code errno}:
	 * one per thread.
	 * @return the caller
	 */
	public static SocketCaller caller() {
		return new SocketCaller(linked());
	}

	/**
	 * Native memory from {@code malloc}.
	 *
	 * @param address its address
	 * @param buffer a view of it, in the platform's byte order
	 */
	public record NativeMemory(long address, ByteBuffer buffer) {

		/**
		 * Give the memory back; neither the address nor the buffer may be used after.
		 */
		public void free() {
			try {
				linked().free.invokeExact(this.address);
			}
			catch (Throwable ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
