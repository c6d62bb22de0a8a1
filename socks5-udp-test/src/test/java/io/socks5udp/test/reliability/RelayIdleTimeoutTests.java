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
package io.socks5udp.test.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import io.socks5udp.test.dante.DanteConfig;
import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A relay that ends idle associations (Dante's {@code timeout.io.udp}) closes their
 * control connection: the association notices the end by itself, and a new association to
 * the same server works. Re-associating on demand is the template's job; here only the
 * detection and the new association are checked.
 *
 * @author socks5-udp authors
 */
@Timeout(60)
class RelayIdleTimeoutTests {

	private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);

	@Test
	void idleAssociationEndedByDanteIsDetectedAndANewOneWorks() throws IOException {
		TestEnvironment.requireDanted();
		DanteConfig config = DanteConfig.builder().udpIoTimeout(IDLE_TIMEOUT).build();
		try (LocalDante dante = LocalDante.start(config); UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			String name = AssociationThreads.uniqueName("idle");
			try (Socks5UdpAssociation idle = open(dante, name)) {
				RelayPortTests.assertRoundTrip(idle, echo);
				CompletableFuture<Throwable> end = idle.closeFuture();
				assertThat(end).succeedsWithin(Duration.ofSeconds(10))
					.isInstanceOf(Socks5AssociationClosedException.class);
				assertThat(idle.isOpen()).isFalse();
				AssociationThreads.assertGone(name);
			}
			try (Socks5UdpAssociation renewed = open(dante, AssociationThreads.uniqueName("after-idle"))) {
				RelayPortTests.assertRoundTrip(renewed, echo);
				assertThat(renewed.isOpen()).isTrue();
			}
		}
	}

	private static Socks5UdpAssociation open(LocalDante dante, String name) throws IOException {
		return Socks5UdpAssociation
			.open(Socks5AssociationOptions.builder(dante.host(), dante.port()).name(name).build());
	}

}
