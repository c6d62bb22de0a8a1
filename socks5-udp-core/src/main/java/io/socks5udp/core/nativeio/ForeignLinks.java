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
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The C functions of {@link NativeSockets}, linked once through the JDK's foreign
 * function API, which this Java 17 code reaches by reflection ({@link Foreign}); pointers
 * are passed as {@code long}.
 *
 * @author socks5-udp authors
 */
final class ForeignLinks {

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

	private final Object captureLayout;

	private final Method ofAuto;

	private final Method allocate;

	private ForeignLinks(Foreign foreign) throws ReflectiveOperationException {
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
		this.ofAuto = Class.forName("java.lang.foreign.Arena").getMethod("ofAuto");
		this.allocate = Class.forName("java.lang.foreign.SegmentAllocator").getMethod("allocate", foreign.memoryLayout);
	}

	/**
	 * Link the functions, where they can be.
	 * @return the links, or {@code null} on another system or a Java before 22
	 * @throws ReflectiveOperationException if the API is not as expected
	 */
	static @Nullable ForeignLinks link() throws ReflectiveOperationException {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch", "");
		boolean supportedArch = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64");
		if (!os.startsWith("linux") || !supportedArch || Runtime.version().feature() < 22) {
			return null;
		}
		return new ForeignLinks(new Foreign());
	}

	/**
	 * A place for {@code errno}, one per caller, in an automatic arena of its own: freed
	 * once its caller (a relay thread's, an association's) is unreachable, so that
	 * associations that come and go leave nothing behind.
	 */
	Object allocateCapture() throws ReflectiveOperationException {
		return this.allocate.invoke(this.ofAuto.invoke(null), this.captureLayout);
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
