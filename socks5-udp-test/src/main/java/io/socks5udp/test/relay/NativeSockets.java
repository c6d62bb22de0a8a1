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

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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
 *
 * @author socks5-udp authors
 */
final class NativeSockets {

	/** {@code AF_INET}. */
	static final int AF_INET = 2;

	/** {@code AF_INET6}. */
	static final int AF_INET6 = 10;

	/** {@code EINTR}. */
	static final int EINTR = 4;

	/** {@code EAGAIN}, also what a receive timeout sets. */
	static final int EAGAIN = 11;

	/** {@code ECONNREFUSED}: an ICMP error for an earlier datagram. */
	static final int ECONNREFUSED = 111;

	/** {@code MSG_DONTWAIT}: do not block. */
	static final int MSG_DONTWAIT = 0x40;

	private static final int SHUT_RDWR = 2;

	private static final int SOL_UDP = 17;

	private static final int UDP_SEGMENT = 103;

	private static final @Nullable Linked LINKED;

	private static final @Nullable String UNAVAILABLE;

	static {
		Linked linked = null;
		String reason = null;
		try {
			linked = Linked.link();
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
	static @Nullable String unavailableReason() {
		return UNAVAILABLE;
	}

	/**
	 * Fail unless batched I/O can be used here.
	 * @throws IllegalStateException saying what is missing
	 */
	static void checkAvailable() {
		if (UNAVAILABLE != null) {
			throw new IllegalStateException(UNAVAILABLE);
		}
	}

	/**
	 * Fail unless batched I/O can be used here, the channels' file descriptors included.
	 * @throws IllegalStateException saying what is missing
	 */
	static void checkUsable() {
		checkAvailable();
		try (DatagramChannel probe = DatagramChannel.open()) {
			fileDescriptor(probe);
		}
		catch (IOException ex) {
			throw new IllegalStateException("batched datagram I/O: no socket could be opened: " + ex, ex);
		}
	}

	private static Linked linked() {
		checkAvailable();
		return Objects.requireNonNull(LINKED);
	}

	/**
	 * Return the file descriptor of a channel.
	 * @param channel the channel
	 * @return its file descriptor
	 * @throws IllegalStateException if the JDK does not let it be read
	 */
	static int fileDescriptor(DatagramChannel channel) {
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
	static NativeMemory allocate(int size) {
		Linked linked = linked();
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
	 * Return the address of a direct buffer's first byte.
	 * @param buffer a direct buffer
	 * @return its address
	 */
	static long address(Buffer buffer) {
		Linked linked = linked();
		try {
			return (long) linked.address.invoke(linked.ofBuffer.invoke(null, buffer));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Wake every thread blocked receiving on a socket and end its use:
	 * {@code shutdown(fd, SHUT_RDWR)}. On an unconnected UDP socket it reports
	 * {@code ENOTCONN} but still wakes the readers, which then return.
	 * @param fd the socket
	 */
	static void shutdown(int fd) {
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
	static Caller caller() {
		return new Caller(linked());
	}

	/**
	 * The per-datagram calls, and the {@code errno} they leave. Not thread-safe.
	 */
	static final class Caller {

		private final MethodHandle recvmmsg;

		private final MethodHandle sendmmsg;

		private final MethodHandle setsockopt;

		private final MethodHandle getsockname;

		private final MethodHandle poll;

		private final ByteBuffer errno;

		private final NativeMemory scratch;

		private Caller(Linked linked) {
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
			this.scratch = allocate(64);
		}

		/**
		 * {@code recvmmsg(fd, messages, count, flags, NULL)}.
		 * @param fd the socket
		 * @param messages the address of the {@code mmsghdr} array
		 * @param count its length
		 * @param flags the flags
		 * @return the number of datagrams received, or -1 with {@link #errno()} set
		 */
		int recvmmsg(int fd, long messages, int count, int flags) {
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
		int sendmmsg(int fd, long messages, int count) {
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
		void awaitReadable(int first, int second, int millis) {
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
		int errno() {
			return this.errno.getInt(0);
		}

		/**
		 * Return whether the kernel can segment UDP sends on a socket
		 * ({@code UDP_SEGMENT}, Linux 4.18 and later): setting the socket's segment size
		 * to 0, which leaves it off, succeeds only where it can.
		 * @param fd the socket
		 * @return whether segmentation offload can be used
		 */
		boolean segmentationOffload(int fd) {
			ByteBuffer zero = this.scratch.buffer();
			zero.putInt(0, 0);
			try {
				return (int) this.setsockopt.invokeExact(fd, SOL_UDP, UDP_SEGMENT, this.scratch.address(), 4) == 0;
			}
			catch (Throwable ex) {
				return false;
			}
		}

		/**
		 * Return the address family of a socket ({@code getsockname}).
		 * @param fd the socket
		 * @return {@link #AF_INET} or {@link #AF_INET6}
		 */
		int family(int fd) {
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
		void free() {
			this.scratch.free();
		}

	}

	@FunctionalInterface
	private interface IntCall {

		int invoke() throws Throwable;

	}

	/**
	 * Native memory from {@code malloc}.
	 *
	 * @param address its address
	 * @param buffer a view of it, in the platform's byte order
	 */
	record NativeMemory(long address, ByteBuffer buffer) {

		/**
		 * Give the memory back; neither the address nor the buffer may be used after.
		 */
		void free() {
			try {
				linked().free.invokeExact(this.address);
			}
			catch (Throwable ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * The handles, linked once.
	 */
	private static final class Linked {

		final MethodHandle recvmmsg;

		final MethodHandle sendmmsg;

		final MethodHandle setsockopt;

		final MethodHandle getsockname;

		final MethodHandle shutdown;

		final MethodHandle poll;

		final MethodHandle malloc;

		final MethodHandle free;

		final Method ofAddress;

		final Method reinterpret;

		final Method asByteBuffer;

		final Method ofBuffer;

		final Method address;

		private final Object captureLayout;

		private final Method ofAuto;

		private final Method allocate;

		private Linked(Foreign foreign) throws ReflectiveOperationException {
			Object errno = foreign.captureCallState();
			this.captureLayout = foreign.captureStateLayout();
			this.recvmmsg = foreign.downcall("recvmmsg", "I", "ILIIL", errno);
			this.sendmmsg = foreign.downcall("sendmmsg", "I", "ILII", errno);
			this.setsockopt = foreign.downcall("setsockopt", "I", "IIILI", errno);
			this.getsockname = foreign.downcall("getsockname", "I", "ILL", errno);
			this.shutdown = foreign.downcall("shutdown", "I", "II", null);
			this.poll = foreign.downcall("poll", "I", "LLI", null);
			this.malloc = foreign.downcall("malloc", "L", "L", null);
			this.free = foreign.downcall("free", null, "L", null);
			this.ofAddress = foreign.memorySegment.getMethod("ofAddress", long.class);
			this.reinterpret = foreign.memorySegment.getMethod("reinterpret", long.class);
			this.asByteBuffer = foreign.memorySegment.getMethod("asByteBuffer");
			this.ofBuffer = foreign.memorySegment.getMethod("ofBuffer", Buffer.class);
			this.address = foreign.memorySegment.getMethod("address");
			this.ofAuto = Class.forName("java.lang.foreign.Arena").getMethod("ofAuto");
			this.allocate = Class.forName("java.lang.foreign.SegmentAllocator")
				.getMethod("allocate", foreign.memoryLayout);
		}

		static @Nullable Linked link() throws ReflectiveOperationException {
			String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
			String arch = System.getProperty("os.arch", "");
			boolean supportedArch = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64");
			if (!os.startsWith("linux") || !supportedArch || Runtime.version().feature() < 22) {
				return null;
			}
			return new Linked(new Foreign());
		}

		/**
		 * A place for {@code errno}, one per caller, in an automatic arena of its own:
		 * freed once its caller (a relay thread's) is unreachable, so that associations
		 * that come and go leave nothing behind.
		 */
		Object allocateCapture() throws ReflectiveOperationException {
			return this.allocate.invoke(this.ofAuto.invoke(null), this.captureLayout);
		}

	}

	/**
	 * The foreign function API, by reflection.
	 */
	private static final class Foreign {

		final Class<?> memorySegment;

		final Class<?> memoryLayout;

		private final Class<?> linkerClass;

		private final Class<?> optionClass;

		private final Object linker;

		private final Object lookup;

		private final Object intLayout;

		private final Object longLayout;

		Foreign() throws ReflectiveOperationException {
			this.memorySegment = Class.forName("java.lang.foreign.MemorySegment");
			this.memoryLayout = Class.forName("java.lang.foreign.MemoryLayout");
			this.linkerClass = Class.forName("java.lang.foreign.Linker");
			this.optionClass = Class.forName("java.lang.foreign.Linker$Option");
			this.linker = this.linkerClass.getMethod("nativeLinker").invoke(null);
			this.lookup = this.linkerClass.getMethod("defaultLookup").invoke(this.linker);
			Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
			this.intLayout = valueLayout.getField("JAVA_INT").get(null);
			this.longLayout = valueLayout.getField("JAVA_LONG").get(null);
		}

		Object captureCallState() throws ReflectiveOperationException {
			return this.optionClass.getMethod("captureCallState", String[].class)
				.invoke(null, (Object) new String[] { "errno" });
		}

		Object captureStateLayout() throws ReflectiveOperationException {
			return this.optionClass.getMethod("captureStateLayout").invoke(null);
		}

		/**
		 * Link a C function whose arguments and result are {@code int} ({@code I}) or
		 * {@code long}/pointer ({@code L}).
		 */
		MethodHandle downcall(String name, @Nullable String result, String arguments, @Nullable Object option)
				throws ReflectiveOperationException {
			Optional<?> symbol = (Optional<?>) Class.forName("java.lang.foreign.SymbolLookup")
				.getMethod("find", String.class)
				.invoke(this.lookup, name);
			Object address = symbol.orElseThrow(() -> new IllegalStateException("no symbol " + name));
			Object layouts = Array.newInstance(this.memoryLayout, arguments.length());
			for (int i = 0; i < arguments.length(); i++) {
				Array.set(layouts, i, layout(arguments.charAt(i)));
			}
			Class<?> descriptorClass = Class.forName("java.lang.foreign.FunctionDescriptor");
			Object descriptor = (result != null)
					? descriptorClass.getMethod("of", this.memoryLayout, layouts.getClass())
						.invoke(null, layout(result.charAt(0)), layouts)
					: descriptorClass.getMethod("ofVoid", layouts.getClass()).invoke(null, layouts);
			Object options = Array.newInstance(this.optionClass, (option != null) ? 1 : 0);
			if (option != null) {
				Array.set(options, 0, option);
			}
			return (MethodHandle) this.linkerClass
				.getMethod("downcallHandle", this.memorySegment, descriptorClass, options.getClass())
				.invoke(this.linker, address, descriptor, options);
		}

		private Object layout(char type) {
			return (type == 'I') ? this.intLayout : this.longLayout;
		}

	}

}
