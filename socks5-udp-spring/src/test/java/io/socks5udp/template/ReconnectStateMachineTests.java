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

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReconnectStateMachine}, through a template, against the embedded relay
 * and scripted servers on loopback.
 *
 * @author socks5-udp authors
 */
class ReconnectStateMachineTests {

	private static final long TIMEOUT_SECONDS = TemplateFixture.TIMEOUT_SECONDS;

	@RegisterExtension
	final TemplateFixture fixture = new TemplateFixture();

	@Test
	void serverThatClosesEveryAssociationAtOnceGetsNoStormOfAssociates() throws Exception {
		try (ClosingSocks5Server server = ClosingSocks5Server.start()) {
			String name = "127.0.0.1:" + server.port();
			Socks5UdpTemplate template = this.fixture.use(Socks5UdpTemplate
				.builder(Socks5ServerRegistry.builder().text("socks5c.conf", "127.0.0.1/32 " + name).build())
				.server(name, Socks5AssociationOptions.builder("127.0.0.1", server.port()).name(name).build())
				.build());
			template.addAssociationListener(this.fixture.events());
			template.start();
			assertThat(server.awaitAssociates(1, TIMEOUT_SECONDS)).as("the first UDP ASSOCIATE").isTrue();
			this.fixture.events().awaitOpened();
			this.fixture.events().awaitDied();
			// Counts, not times: twelve more within ten seconds of the first is a storm,
			// however slow or fast the machine
			assertThat(server.awaitAssociates(12, 10))
				.as("more than 12 UDP ASSOCIATEs within 10 s of the first (%d so far)", server.associates())
				.isFalse();
		}
	}

}
