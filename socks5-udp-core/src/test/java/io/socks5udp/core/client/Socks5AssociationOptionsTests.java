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

import java.net.InetSocketAddress;
import java.time.Duration;

import io.socks5udp.core.nativeio.NativeSockets;
import io.socks5udp.core.protocol.Socks5Credentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link Socks5AssociationOptions}.
 *
 * @author socks5-udp authors
 */
class Socks5AssociationOptionsTests {

	@Test
	void defaults() {
		Socks5AssociationOptions options = Socks5AssociationOptions.builder("127.0.0.1", 1080).build();
		assertThat(options.host()).isEqualTo("127.0.0.1");
		assertThat(options.port()).isEqualTo(1080);
		assertThat(options.credentials()).isNull();
		assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(options.handshakeTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(options.keepAlive()).isEqualTo(Socks5KeepAlive.DEFAULT);
		assertThat(options.relayAddressPolicy()).isEqualTo(RelayAddressPolicy.REPLACE_UNSPECIFIED);
		assertThat(options.associateAddressPolicy()).isEqualTo(AssociateAddressPolicy.LOCAL);
		assertThat(options.connectedChannel()).isTrue();
		assertThat(options.name()).isEqualTo("127.0.0.1:1080");
	}

	@Test
	void toBuilderKeepsEveryOption() {
		Socks5ChannelConfigurer configurer = (channel) -> {
		};
		Socks5AssociationOptions options = Socks5AssociationOptions.builder("127.0.0.1", 1080)
			.credentials(new Socks5Credentials("alice", "secret"))
			.connectTimeout(Duration.ofSeconds(2))
			.handshakeTimeout(Duration.ofSeconds(3))
			.keepAlive(new Socks5KeepAlive(Duration.ofSeconds(5), Duration.ofSeconds(2), 4))
			.relayAddressPolicy(RelayAddressPolicy.fixed(new InetSocketAddress("127.0.0.1", 5000)))
			.associateAddressPolicy(AssociateAddressPolicy.ZEROS)
			.connectedChannel(false)
			.name("corp")
			.channelConfigurer(configurer)
			.build();
		Socks5AssociationOptions copy = options.toBuilder().build();
		assertThat(copy).hasToString(options.toString());
		assertThat(copy.credentials()).isEqualTo(options.credentials());
		assertThat(copy.channelConfigurer()).isSameAs(configurer);
		assertThat(copy.keepAlive()).isEqualTo(new Socks5KeepAlive(Duration.ofSeconds(5), Duration.ofSeconds(2), 4));
		assertThat(options.toBuilder().connectedChannel(true).build().connectedChannel()).isTrue();
		assertThat(options.connectedChannel()).isFalse();
	}

	@Test
	void defaultNameBracketsIpv6() {
		assertThat(Socks5AssociationOptions.builder("::1", 1080).build().name()).isEqualTo("[::1]:1080");
	}

	@Test
	void settersAreApplied() {
		Socks5Credentials credentials = new Socks5Credentials("alice", "s3cret");
		RelayAddressPolicy fixed = RelayAddressPolicy.fixed(new InetSocketAddress("127.0.0.1", 5000));
		Socks5AssociationOptions options = Socks5AssociationOptions.builder("localhost", 1080)
			.credentials(credentials)
			.connectTimeout(Duration.ofMillis(300))
			.handshakeTimeout(Duration.ofSeconds(2))
			.relayAddressPolicy(fixed)
			.associateAddressPolicy(AssociateAddressPolicy.ZEROS)
			.connectedChannel(false)
			.name("primary")
			.build();
		assertThat(options.credentials()).isEqualTo(credentials);
		assertThat(options.connectTimeout()).isEqualTo(Duration.ofMillis(300));
		assertThat(options.handshakeTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(options.relayAddressPolicy()).isEqualTo(fixed);
		assertThat(options.associateAddressPolicy()).isEqualTo(AssociateAddressPolicy.ZEROS);
		assertThat(options.connectedChannel()).isFalse();
		assertThat(options.name()).isEqualTo("primary");
	}

	@Test
	void toStringMasksThePassword() {
		Socks5AssociationOptions options = Socks5AssociationOptions.builder("127.0.0.1", 1080)
			.credentials(new Socks5Credentials("alice", "hunter2-secret"))
			.build();
		assertThat(options.toString()).contains("alice").doesNotContain("hunter2-secret");
	}

	@Test
	void negativeConnectTimeoutIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> Socks5AssociationOptions.builder("127.0.0.1", 1080).connectTimeout(Duration.ofSeconds(-1)))
			.withMessage("connectTimeout: PT-1S (expected: positive)");
	}

	@Test
	void zeroHandshakeTimeoutIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Socks5AssociationOptions.builder("127.0.0.1", 1080).handshakeTimeout(Duration.ZERO))
			.withMessage("handshakeTimeout: PT0S (expected: positive)");
	}

	@Test
	void portOutOfRangeIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5AssociationOptions.builder("127.0.0.1", 0))
			.withMessage("port: 0 (expected: 1-65535)");
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5AssociationOptions.builder("127.0.0.1", 70000))
			.withMessage("port: 70000 (expected: 1-65535)");
	}

	@Test
	void blankHostAndNameAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Socks5AssociationOptions.builder(" ", 1080))
			.withMessageStartingWith("host: ' '");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Socks5AssociationOptions.builder("127.0.0.1", 1080).name(""))
			.withMessageStartingWith("name: ''");
	}

	@Test
	void nullsAreRejected() {
		Socks5AssociationOptionsBuilder builder = Socks5AssociationOptions.builder("127.0.0.1", 1080);
		assertThatNullPointerException().isThrownBy(() -> Socks5AssociationOptions.builder(null, 1080));
		assertThatNullPointerException().isThrownBy(() -> builder.connectTimeout(null))
			.withMessageContaining("connectTimeout");
		assertThatNullPointerException().isThrownBy(() -> builder.relayAddressPolicy(null));
		assertThatNullPointerException().isThrownBy(() -> builder.associateAddressPolicy(null));
		assertThatNullPointerException().isThrownBy(() -> builder.keepAlive(null)).withMessageContaining("keepAlive");
	}

	@Test
	void batchedIoNeedsAConnectedChannel() {
		Socks5AssociationOptionsBuilder builder = Socks5AssociationOptions.builder("proxy.example", 1080)
			.connectedChannel(false)
			.batchedIo(true);
		assertThatIllegalArgumentException().isThrownBy(builder::build)
			.withMessageContaining("batchedIo: true with connectedChannel: false");
	}

	@Test
	void batchedIoIsBuiltWhereItCanRunAndRefusedWithTheReasonElsewhere() {
		Socks5AssociationOptionsBuilder builder = Socks5AssociationOptions.builder("proxy.example", 1080)
			.batchedIo(true);
		String unavailable = NativeSockets.unavailableReason();
		if (unavailable == null) {
			// The build's run on JDK 25, with the JVM options it needs
			assertThat(builder.build().batchedIo()).isTrue();
		}
		else {
			assertThatIllegalStateException().isThrownBy(builder::build).withMessage(unavailable);
		}
	}

	@Test
	void batchedIoIsOnByDefaultOnlyUnderItsPropertyAndOnlyForAConnectedChannel() {
		boolean property = Boolean.getBoolean(Socks5AssociationOptions.BATCHED_IO_PROPERTY);
		Socks5AssociationOptions options = Socks5AssociationOptions.builder("proxy.example", 1080).build();
		assertThat(options.batchedIo()).isEqualTo(property);
		assertThat(options.toString()).contains("batchedIo=" + property);
		assertThat(options.toBuilder().build().batchedIo()).isEqualTo(property);
		assertThat(Socks5AssociationOptions.builder("proxy.example", 1080).connectedChannel(false).build().batchedIo())
			.isFalse();
	}

}
