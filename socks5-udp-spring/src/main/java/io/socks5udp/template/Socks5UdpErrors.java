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

import io.socks5udp.core.protocol.Socks5Exception;
import io.socks5udp.core.protocol.Socks5ReplyException;
import org.jspecify.annotations.Nullable;

/**
 * Short names for association failures, as health details and metric tags show them: the
 * {@code S5_*} error number of a SOCKS5 failure, else the exception's simple class name.
 *
 * @author socks5-udp authors
 */
public final class Socks5UdpErrors {

	private Socks5UdpErrors() {
	}

	/**
	 * Return the short name of a failure: {@code S5_EAUTH}, {@code S5_EPERM},
	 * {@code ConnectException}.
	 * @param failure the failure, may be {@code null}
	 * @return the name, or {@code "none"} for {@code null}
	 */
	public static String code(@Nullable Throwable failure) {
		if (failure == null) {
			return "none";
		}
		Socks5Exception socks5 = socks5(failure);
		if (socks5 != null && socks5.errno() != null) {
			return socks5.errno().name();
		}
		Throwable root = (failure instanceof Socks5UdpException && failure.getCause() != null) ? failure.getCause()
				: failure;
		return root.getClass().getSimpleName();
	}

	/**
	 * Return the reply code of a failure the server replied with.
	 * @param failure the failure, may be {@code null}
	 * @return the reply code, such as {@code CONNECTION_NOT_ALLOWED(0x02)}, or
	 * {@code null} when the server did not reply with an error
	 */
	public static @Nullable String replyCode(@Nullable Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof Socks5ReplyException reply) {
				return String.valueOf(reply.replyCode());
			}
		}
		return null;
	}

	/**
	 * Describe a failure in one line: its code followed by its message.
	 * @param failure the failure, may be {@code null}
	 * @return the description
	 */
	public static String describe(@Nullable Throwable failure) {
		if (failure == null) {
			return "none";
		}
		String message = failure.getMessage();
		return (message != null) ? code(failure) + " (" + message + ")" : code(failure);
	}

	private static @Nullable Socks5Exception socks5(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof Socks5Exception socks5) {
				return socks5;
			}
		}
		return null;
	}

}
