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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.socks5udp.core.protocol.Socks5Errno;
import io.socks5udp.core.protocol.Socks5ReplyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.socks5udp.template.TemplateFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link OutagePolicy}: what sends do while their server has no association,
 * through a template against the embedded relay.
 *
 * @author socks5-udp authors
 */
class OutagePolicyTests {

	private static final long TIMEOUT_SECONDS = TemplateFixture.TIMEOUT_SECONDS;

	@RegisterExtension
	final TemplateFixture fixture = new TemplateFixture();

	@Test
	void waitPolicyHoldsSendsUntilTheAssociationIsBack() throws Exception {
		this.fixture.start(this.fixture.warmBuilder("127.0.0.1/32 relay")
			.outage(OutageSendPolicy.WAIT, Duration.ofSeconds(TIMEOUT_SECONDS)));
		this.fixture.events().awaitOpened();
		this.fixture.relay().faults().replyCode(Socks5ReplyCode.GENERAL_FAILURE);
		this.fixture.relay().closeControlConnections();
		this.fixture.events().awaitDied();
		this.fixture.events().awaitFailed();
		CompletableFuture<Socks5UdpRoute> send = CompletableFuture
			.supplyAsync(() -> this.fixture.template().send("127.0.0.1", this.fixture.echo().port(), bytes("held")));
		this.fixture.relay().faults().reset();
		assertThat(send.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).serverName()).isEqualTo("relay");
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("held");
	}

	@Test
	void waitPolicyGivesUpAfterTheMaximumWait() throws Exception {
		this.fixture.start(
				this.fixture.warmBuilder("127.0.0.1/32 relay").outage(OutageSendPolicy.WAIT, Duration.ofMillis(200)));
		this.fixture.events().awaitOpened();
		this.fixture.relay().faults().replyCode(Socks5ReplyCode.CONNECTION_NOT_ALLOWED);
		this.fixture.relay().closeControlConnections();
		this.fixture.events().awaitDied();
		this.fixture.events().awaitFailed();
		assertThatExceptionOfType(Socks5UdpServerUnavailableException.class)
			.isThrownBy(() -> this.fixture.template().send("127.0.0.1", this.fixture.echo().port(), bytes("late")))
			.withMessageContaining("no association after waiting")
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Socks5Errno.S5_EPERM));
	}

}
