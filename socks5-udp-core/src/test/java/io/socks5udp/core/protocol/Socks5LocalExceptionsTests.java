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
package io.socks5udp.core.protocol;

import java.io.IOException;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the exceptions of local failures: each carries its error number and cause.
 *
 * @author socks5-udp authors
 */
class Socks5LocalExceptionsTests {

	static Stream<Arguments> exceptions() {
		return Stream.of(
				Arguments.of((BiFunction<String, Throwable, Socks5Exception>) Socks5NoAcceptableMethodException::new,
						Socks5Errno.S5_ENOMETHOD),
				Arguments.of((BiFunction<String, Throwable, Socks5Exception>) Socks5AuthenticationException::new,
						Socks5Errno.S5_EAUTH),
				Arguments.of((BiFunction<String, Throwable, Socks5Exception>) Socks5ProtocolException::new,
						Socks5Errno.S5_EPROTO),
				Arguments.of((BiFunction<String, Throwable, Socks5Exception>) Socks5HandshakeTimeoutException::new,
						Socks5Errno.S5_EHANDSHAKETIMEDOUT),
				Arguments.of((BiFunction<String, Throwable, Socks5Exception>) Socks5AssociationClosedException::new,
						Socks5Errno.S5_ENOTCONN));
	}

	@ParameterizedTest
	@MethodSource("exceptions")
	void carriesErrnoMessageAndCause(BiFunction<String, Throwable, Socks5Exception> factory, Socks5Errno errno) {
		IOException cause = new IOException("Connection reset");
		Socks5Exception ex = factory.apply("handshake with 127.0.0.1:1080", cause);
		assertThat(ex).isInstanceOf(IOException.class).hasMessage("handshake with 127.0.0.1:1080").hasCause(cause);
		assertThat(ex.errno()).isEqualTo(errno);
		assertThat(errno.replyCode()).isEqualTo(-1);
	}

}
