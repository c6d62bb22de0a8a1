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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.socks5udp.template.TemplateFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ListenerDispatch}: what a listener throws stays with that listener,
 * and a failure that ends a receive loop never goes unnoticed.
 *
 * @author socks5-udp authors
 */
class ListenerDispatchTests {

	@RegisterExtension
	final TemplateFixture fixture = new TemplateFixture();

	@Test
	void listenerThatOverflowsItsStackDoesNotStopDelivery() throws Exception {
		Socks5UdpTemplate template = this.fixture.use(this.fixture.warmBuilder("127.0.0.1/32 relay").build());
		template.addListener((source, payload, route) -> {
			throw new StackOverflowError("listener recursed too deep");
		});
		template.addListener(this.fixture::record);
		template.addAssociationListener(this.fixture.events());
		template.start();
		this.fixture.events().awaitOpened();
		for (String text : new String[] { "first", "second" }) {
			template.send("127.0.0.1", this.fixture.echo().port(), bytes(text));
			assertThat(this.fixture.awaitReceived().text()).isEqualTo(text);
		}
		assertThat(template.associations().get("relay").state()).isEqualTo(ManagedAssociation.State.UP);
	}

	@Test
	void listenerThatFailsAnAssertionDoesNotStopTheListenersAfterIt() throws Exception {
		Socks5UdpTemplate template = this.fixture.use(this.fixture.builder("127.0.0.1/32 relay").build());
		template.addListener((source, payload, route) -> {
			throw new AssertionError("listener assertion");
		});
		template.addListener(this.fixture::record);
		template.start();
		template.send("127.0.0.1", this.fixture.echo().port(), bytes("after the assertion"));
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("after the assertion");
	}

	@Test
	void fatalErrorInAListenerEndsTheAssociationWhichIsReestablished() throws Exception {
		Socks5UdpTemplate template = this.fixture.use(this.fixture.warmBuilder("127.0.0.1/32 relay").build());
		AtomicBoolean failOnce = new AtomicBoolean(true);
		template.addListener((source, payload, route) -> {
			if (failOnce.getAndSet(false)) {
				throw new OutOfMemoryError("simulated in a listener");
			}
		});
		template.addListener(this.fixture::record);
		template.addAssociationListener(this.fixture.events());
		template.start();
		this.fixture.events().awaitOpened();
		template.send("127.0.0.1", this.fixture.echo().port(), bytes("fatal"));
		assertThat(this.fixture.events().awaitDied()).isInstanceOf(Socks5AssociationClosedException.class)
			.hasRootCauseInstanceOf(OutOfMemoryError.class);
		assertThat(this.fixture.awaitOpenedAgain()).isTrue();
		template.send("127.0.0.1", this.fixture.echo().port(), bytes("after"));
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("after");
	}

	@Test
	void fatalErrorInAListenerOnTheDirectRouteReopensItsChannel() throws Exception {
		Socks5UdpTemplate template = this.fixture.use(this.fixture.builder().build());
		AtomicBoolean failOnce = new AtomicBoolean(true);
		template.addListener((source, payload, route) -> {
			if (failOnce.getAndSet(false)) {
				throw new OutOfMemoryError("simulated in a listener");
			}
		});
		template.addListener(this.fixture::record);
		template.start();
		template.send("127.0.0.1", this.fixture.echo().port(), bytes("fatal"));
		// The error ends the receive thread uncaught, as it should: it is not a failure
		// of this wait (Awaitility would otherwise rethrow it here if the thread ends
		// while the wait runs)
		Awaitility.await()
			.dontCatchUncaughtExceptions()
			.atMost(Duration.ofSeconds(TemplateFixture.TIMEOUT_SECONDS))
			.until(() -> template.directLocalAddress() == null);
		template.send("127.0.0.1", this.fixture.echo().port(), bytes("after"));
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("after");
	}

	@Test
	void removedListenerGetsNothingAndAFailingListenerDoesNotStopOthers() throws Exception {
		Socks5UdpTemplateBuilder builder = this.fixture.builder("127.0.0.1/32 relay");
		Socks5UdpTemplate template = this.fixture.use(builder.build());
		BlockingQueue<String> removedGot = new LinkedBlockingQueue<>();
		Socks5UdpListenerRegistration removed = template.addListener((source, payload, route) -> removedGot.add("x"));
		template.addListener((source, payload, route) -> {
			payload.get();
			throw new IllegalStateException("listener bug");
		});
		template.addListener(this.fixture::record);
		template.start();
		removed.remove();
		// Idempotent: a second call removes nothing else
		removed.remove();
		template.send("127.0.0.1", this.fixture.echo().port(), bytes("still delivered"));
		assertThat(this.fixture.awaitReceived().text()).isEqualTo("still delivered");
		assertThat(removedGot).isEmpty();
	}

}
