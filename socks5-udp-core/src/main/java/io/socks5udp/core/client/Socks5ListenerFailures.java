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
 * Which failures of a datagram listener end a receive loop. A listener that throws
 * anything else, {@link StackOverflowError} and {@link AssertionError} included, has its
 * failure logged and delivery goes on, to the other listeners and with the next datagram:
 * by the time a stack overflow is caught, the stack has unwound. A
 * {@link VirtualMachineError} other than a stack overflow ({@link OutOfMemoryError},
 * {@link InternalError}) means the JVM itself can no longer be trusted: it ends the loop,
 * which ends the association, so that nothing goes on silently half-working.
 *
 * @author socks5-udp authors
 */
public final class Socks5ListenerFailures {

	private Socks5ListenerFailures() {
	}

	/**
	 * Return whether a listener's failure must end the receive loop.
	 * @param failure what the listener threw
	 * @return whether it is fatal
	 */
	public static boolean isFatal(Throwable failure) {
		return failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError);
	}

}
