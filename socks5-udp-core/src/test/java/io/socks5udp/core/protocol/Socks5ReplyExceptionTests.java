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

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Socks5ReplyException} and {@link Socks5ReplyCode}.
 *
 * @author socks5-udp authors
 */
class Socks5ReplyExceptionTests {

	static Stream<Arguments> failureCodes() {
		return Stream.of(
				Arguments.of(0x01, Socks5GeneralFailureException.class, Socks5Errno.S5_ESRVFAIL,
						"general SOCKS server failure"),
				Arguments.of(0x02, Socks5NotAllowedException.class, Socks5Errno.S5_EPERM,
						"connection not allowed by ruleset"),
				Arguments.of(0x03, Socks5NetworkUnreachableException.class, Socks5Errno.S5_ENETUNREACH,
						"network unreachable"),
				Arguments.of(0x04, Socks5HostUnreachableException.class, Socks5Errno.S5_EHOSTUNREACH,
						"host unreachable"),
				Arguments.of(0x05, Socks5ConnectionRefusedException.class, Socks5Errno.S5_ECONNREFUSED,
						"connection refused"),
				Arguments.of(0x06, Socks5TtlExpiredException.class, Socks5Errno.S5_ETIMEDOUT, "TTL expired"),
				Arguments.of(0x07, Socks5CommandNotSupportedException.class, Socks5Errno.S5_EOPNOTSUPP,
						"command not supported"),
				Arguments.of(0x08, Socks5AddressTypeNotSupportedException.class, Socks5Errno.S5_EAFNOSUPPORT,
						"address type not supported"));
	}

	@ParameterizedTest
	@MethodSource("failureCodes")
	void ofGivesTheTypedExceptionForEachAssignedReplyCode(int code, Class<?> type, Socks5Errno errno,
			String description) {
		Socks5ReplyCode replyCode = Socks5ReplyCode.valueOf((byte) code);
		Socks5ReplyException ex = Socks5ReplyException.of(replyCode, "UDP ASSOCIATE via 127.0.0.1:1080 failed");
		assertThat(ex).isExactlyInstanceOf(type);
		assertThat(ex.errno()).isEqualTo(errno);
		assertThat(ex.errno().replyCode()).isEqualTo(code);
		assertThat(ex.replyCode()).isSameAs(replyCode);
		assertThat(replyCode.isKnown()).isTrue();
		assertThat(replyCode.errno()).isEqualTo(errno);
		assertThat(replyCode.byteValue()).isEqualTo((byte) code);
		assertThat(ex)
			.hasMessage("UDP ASSOCIATE via 127.0.0.1:1080 failed (REP X'%02X': %s)".formatted(code, description));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0x09, 0x10, 0x7F, 0x80, 0xFE, 0xFF })
	void ofGivesAnUnknownReplyExceptionForUnassignedCodes(int code) {
		Socks5ReplyCode replyCode = Socks5ReplyCode.valueOf((byte) code);
		Socks5ReplyException ex = Socks5ReplyException.of(replyCode, "UDP ASSOCIATE failed");
		assertThat(ex).isExactlyInstanceOf(Socks5ReplyException.class);
		assertThat(ex.errno()).isEqualTo(Socks5Errno.S5_EUNKNOWN);
		assertThat(ex.replyCode().byteValue()).isEqualTo((byte) code);
		assertThat(replyCode.isKnown()).isFalse();
		assertThat(replyCode.isSuccess()).isFalse();
		assertThat(ex).hasMessage("UDP ASSOCIATE failed (REP X'%02X': unassigned reply code)".formatted(code));
	}

	@Test
	void ofWithoutMessageNamesTheReplyCode() {
		assertThat(Socks5ReplyException.of(Socks5ReplyCode.CONNECTION_NOT_ALLOWED, null))
			.hasMessage("REP X'02': connection not allowed by ruleset");
	}

	@Test
	void ofRejectsSuccess() {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5ReplyException.of(Socks5ReplyCode.SUCCEEDED, "x"))
			.withMessage("replyCode: SUCCEEDED(0x00) (expected: a failure, X'01'-X'FF')");
	}

	@Test
	void valueOfReturnsTheConstantsForAssignedCodes() {
		assertThat(Socks5ReplyCode.valueOf((byte) 0)).isSameAs(Socks5ReplyCode.SUCCEEDED);
		assertThat(Socks5ReplyCode.SUCCEEDED.isSuccess()).isTrue();
		assertThat(Socks5ReplyCode.SUCCEEDED.errno()).isNull();
		assertThat(Socks5ReplyCode.valueOf((byte) 8)).isSameAs(Socks5ReplyCode.ADDRESS_TYPE_NOT_SUPPORTED);
	}

	@Test
	void unknownReplyCodesAreEqualByValueAndNameTheirValue() {
		assertThat(Socks5ReplyCode.valueOf((byte) 0x42)).isEqualTo(Socks5ReplyCode.valueOf((byte) 0x42))
			.hasSameHashCodeAs(Socks5ReplyCode.valueOf((byte) 0x42))
			.isNotEqualTo(Socks5ReplyCode.valueOf((byte) 0x43))
			.hasToString("UNKNOWN(0x42)");
		assertThat(Socks5ReplyCode.TTL_EXPIRED).hasToString("TTL_EXPIRED(0x06)");
	}

}
