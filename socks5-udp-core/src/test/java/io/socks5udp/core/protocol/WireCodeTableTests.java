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

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link WireCodeTable}, through the three code types that use it: every byte
 * value of ATYP, METHOD and REP gives a code that carries that value back.
 *
 * @author socks5-udp authors
 */
class WireCodeTableTests {

	@Test
	void everyAddressTypeValueRoundTrips() {
		assertRoundTrips(Socks5AddressType::valueOf, Socks5AddressType::isKnown,
				List.of(Socks5AddressType.IPV4, Socks5AddressType.DOMAIN, Socks5AddressType.IPV6));
	}

	@Test
	void everyAuthMethodValueRoundTrips() {
		assertRoundTrips(Socks5AuthMethod::valueOf, Socks5AuthMethod::isKnown,
				List.of(Socks5AuthMethod.NO_AUTH, Socks5AuthMethod.USERNAME_PASSWORD, Socks5AuthMethod.NO_ACCEPTABLE));
	}

	@Test
	void everyReplyCodeValueRoundTrips() {
		assertRoundTrips(Socks5ReplyCode::valueOf, Socks5ReplyCode::isKnown,
				List.of(Socks5ReplyCode.SUCCEEDED, Socks5ReplyCode.GENERAL_FAILURE,
						Socks5ReplyCode.CONNECTION_NOT_ALLOWED, Socks5ReplyCode.NETWORK_UNREACHABLE,
						Socks5ReplyCode.HOST_UNREACHABLE, Socks5ReplyCode.CONNECTION_REFUSED,
						Socks5ReplyCode.TTL_EXPIRED, Socks5ReplyCode.COMMAND_NOT_SUPPORTED,
						Socks5ReplyCode.ADDRESS_TYPE_NOT_SUPPORTED));
	}

	@Test
	void codesOfDifferentTypesWithTheSameValueDiffer() {
		assertThat((Object) Socks5AddressType.IPV4).isNotEqualTo(Socks5ReplyCode.GENERAL_FAILURE);
	}

	@Test
	void twoConstantsWithOneValueAreRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new WireCodeTable<>((value) -> null, Socks5AuthMethod.NO_AUTH,
					Socks5AuthMethod.valueOf((byte) 0)))
			.withMessage("NO_AUTH(0x00) has the byte value of NO_AUTH(0x00)");
	}

	private static <T extends WireCode> void assertRoundTrips(Function<Byte, T> valueOf, Predicate<T> isKnown,
			List<T> constants) {
		for (int value = 0; value < 256; value++) {
			T code = valueOf.apply((byte) value);
			assertThat(code.byteValue()).isEqualTo((byte) value);
			assertThat(code).isEqualTo(valueOf.apply((byte) value)).hasSameHashCodeAs(valueOf.apply((byte) value));
			if (constants.contains(code)) {
				assertThat(code).isSameAs(constants.get(constants.indexOf(code)));
				assertThat(isKnown.test(code)).as("%s known", code).isTrue();
			}
			else {
				assertThat(isKnown.test(code)).as("%s known", code).isFalse();
				assertThat(code).hasToString(String.format("UNKNOWN(0x%02X)", value));
			}
		}
	}

}
