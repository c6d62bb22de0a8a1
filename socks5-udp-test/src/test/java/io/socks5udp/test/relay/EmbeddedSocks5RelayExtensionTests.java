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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5Credentials;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Tests for {@link EmbeddedSocks5RelayExtension} and {@link WithEmbeddedSocks5Relay}:
 * test classes run through the JUnit Platform test kit, which record the relays they got.
 *
 * @author socks5-udp authors
 */
class EmbeddedSocks5RelayExtensionTests {

	static final List<EmbeddedSocks5Relay> seen = new CopyOnWriteArrayList<>();

	@BeforeEach
	void clear() {
		seen.clear();
	}

	@Test
	void declaredRelayRunsAroundTheClassAndIsInjected() {
		run(DeclaredRelay.class).assertStatistics((stats) -> stats.started(4).succeeded(4));
		assertThat(seen).hasSize(4).allSatisfy((relay) -> assertThat(relay).isSameAs(seen.get(0)));
		assertThat(seen.get(0).isRunning()).isFalse();
		assertThat(seen.get(0).users()).containsOnlyKeys("alice");
	}

	@Test
	void declaredRelayListensOnTheGivenAddress() {
		run(DeclaredIpv6Relay.class).assertStatistics((stats) -> stats.succeeded(1));
		assertThat(seen.get(0).host()).isEqualTo("::1");
	}

	@Test
	void extendWithAloneGivesTheDefaults() {
		run(ExtendedWithDefaults.class).assertStatistics((stats) -> stats.succeeded(1));
		assertThat(seen.get(0).host()).isEqualTo("127.0.0.1");
		assertThat(seen.get(0).users()).isEmpty();
	}

	@Test
	void staticRegisteredRelayRunsAroundTheClass() {
		run(StaticRegisteredRelay.class).assertStatistics((stats) -> stats.started(2).succeeded(2));
		assertThat(seen).hasSize(2);
		assertThat(seen.get(0)).isSameAs(seen.get(1));
		assertThat(seen.get(0).isRunning()).isFalse();
		assertThat(seen.get(0).users()).containsOnlyKeys("bob");
	}

	@Test
	void instanceRegisteredRelayRunsAroundEachTest() {
		run(InstanceRegisteredRelay.class).assertStatistics((stats) -> stats.started(2).succeeded(2));
		assertThat(seen).hasSize(2);
		assertThat(seen.get(0)).isNotSameAs(seen.get(1));
		assertThat(seen).noneMatch(EmbeddedSocks5Relay::isRunning);
	}

	@Test
	void relayIsOnlyAvailableDuringTests() {
		EmbeddedSocks5RelayExtension extension = EmbeddedSocks5RelayExtension.create();
		assertThatIllegalStateException().isThrownBy(extension::relay)
			.withMessage("relay: not running (expected: used during a test)");
		assertThatIllegalStateException().isThrownBy(() -> new EmbeddedSocks5RelayExtension().user("a", "b"));
	}

	private static Events run(Class<?> testClass) {
		Events events = EngineTestKit.engine("junit-jupiter")
			.configurationParameter(OnlyThroughTestKit.PARAMETER, "true")
			.selectors(selectClass(testClass))
			.execute()
			.testEvents();
		events.failed().stream().forEach((event) -> event.getPayload(Throwable.class).ifPresent((ex) -> {
			throw new AssertionError("test of " + testClass.getSimpleName() + " failed", ex);
		}));
		return events;
	}

	@OnlyThroughTestKit
	@WithEmbeddedSocks5Relay(users = "alice:secret")
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class DeclaredRelay {

		@Test
		@Order(1)
		void relaysForAUser(EmbeddedSocks5Relay relay) throws Exception {
			seen.add(relay);
			try (UdpEchoServer echo = UdpEchoServer.startIpv4();
					Socks5UdpAssociation association = RelayClients.open(relay,
							(options) -> options.credentials(new Socks5Credentials("alice", "secret")))) {
				assertThat(RelayClients.text(
						RelayClients.roundTrip(association, Socks5Address.of(echo.address()), "through the extension")))
					.isEqualTo("through the extension");
			}
			relay.faults().stallHandshake(true);
		}

		@Test
		@Order(2)
		void findsFaultsSwitchedOffAfterEachTest(EmbeddedSocks5Relay relay) {
			seen.add(relay);
			assertThat(relay.faults().isStallHandshake()).isFalse();
			assertThat(relay.counters().associationsOpened()).isEqualTo(1);
		}

		@Nested
		class Inner {

			@Test
			void sharesTheOuterRelay(EmbeddedSocks5Relay relay) {
				seen.add(relay);
				assertThat(relay.isRunning()).isTrue();
			}

			@Test
			void sharesItAgain(EmbeddedSocks5Relay relay) {
				seen.add(relay);
			}

		}

	}

	@OnlyThroughTestKit
	@WithEmbeddedSocks5Relay(bind = "::1")
	static class DeclaredIpv6Relay {

		@Test
		void listens(EmbeddedSocks5Relay relay) {
			seen.add(relay);
			assertThat(relay.isRunning()).isTrue();
		}

	}

	@OnlyThroughTestKit
	@ExtendWith(EmbeddedSocks5RelayExtension.class)
	static class ExtendedWithDefaults {

		@Test
		void listens(EmbeddedSocks5Relay relay) {
			seen.add(relay);
		}

	}

	@OnlyThroughTestKit
	static class StaticRegisteredRelay {

		@RegisterExtension
		static EmbeddedSocks5RelayExtension extension = EmbeddedSocks5RelayExtension.create().user("bob", "pw");

		@Test
		void injectsTheSameRelayAsTheField(EmbeddedSocks5Relay relay) {
			seen.add(relay);
			assertThat(relay).isSameAs(extension.relay());
		}

		@Test
		void keepsItForTheNextTest(EmbeddedSocks5Relay relay) {
			seen.add(relay);
			assertThat(relay.isRunning()).isTrue();
		}

	}

	@OnlyThroughTestKit
	static class InstanceRegisteredRelay {

		@RegisterExtension
		EmbeddedSocks5RelayExtension extension = EmbeddedSocks5RelayExtension.create();

		@Test
		void getsOne() {
			seen.add(this.extension.relay());
			assertThat(this.extension.relay().isRunning()).isTrue();
		}

		@Test
		void getsAnother() {
			seen.add(this.extension.relay());
		}

	}

}
