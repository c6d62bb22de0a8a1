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

package io.socks5udp.integration;

import java.net.InetSocketAddress;

import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.template.Socks5UdpRoute;
import io.socks5udp.template.Socks5UdpTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.ErrorMessage;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link Socks5UdpDatagramDroppedException} and the way an inbound adapter
 * reports drops to its error channel. Nothing here sends: the template is never started.
 *
 * @author socks5-udp authors
 */
@SpringJUnitConfig
class Socks5UdpDatagramDroppedExceptionTests {

	private static final Socks5UdpRoute ROUTE = new Socks5UdpRoute("corp", new InetSocketAddress("127.0.0.1", 40000));

	private final Socks5UdpTemplate template = Socks5UdpTemplate.builder(Socks5ServerRegistry.direct()).build();

	@Autowired
	private BeanFactory beanFactory;

	@Test
	void messageNamesTheReasonTheServerAndTheSource() {
		Socks5UdpDatagramDroppedException drop = new Socks5UdpDatagramDroppedException(Socks5DropReason.FRAGMENT,
				"corp", Socks5Address.of("127.0.0.1", 53));
		assertThat(drop)
			.hasMessage("Datagram dropped (fragment) on the association with server 'corp', source 127.0.0.1:53");
		assertThat(drop.getReason()).isEqualTo(Socks5DropReason.FRAGMENT);
		assertThat(drop.getServerName()).isEqualTo("corp");
		assertThat(drop.getSource()).isEqualTo(Socks5Address.of("127.0.0.1", 53));
	}

	@Test
	void messageWithoutSource() {
		assertThat(new Socks5UdpDatagramDroppedException(Socks5DropReason.MALFORMED, "corp", null))
			.hasMessage("Datagram dropped (malformed) on the association with server 'corp'");
	}

	@Test
	void adapterSendsDropsToItsErrorChannel() {
		QueueChannel errors = new QueueChannel();
		Socks5UdpInboundChannelAdapter adapter = adapter(errors);
		adapter.dropped(Socks5DropReason.FRAGMENT, Socks5Address.of("127.0.0.1", 53), ROUTE);
		Message<?> error = errors.receive(0);
		assertThat(error).isInstanceOf(ErrorMessage.class);
		assertThat(error.getPayload()).isInstanceOfSatisfying(Socks5UdpDatagramDroppedException.class,
				(drop) -> assertThat(drop.getReason()).isEqualTo(Socks5DropReason.FRAGMENT));
	}

	@Test
	void adapterIgnoresDropsOnRoutesItDoesNotReceiveFrom() {
		QueueChannel errors = new QueueChannel();
		Socks5UdpInboundChannelAdapter adapter = adapter(errors, "other");
		adapter.dropped(Socks5DropReason.MALFORMED, null, ROUTE);
		assertThat(errors.getQueueSize()).isZero();
	}

	@Test
	void adapterWithoutErrorChannelSwallowsDrops() {
		Socks5UdpInboundChannelAdapter adapter = adapter(null);
		assertThatNoException().isThrownBy(() -> adapter.dropped(Socks5DropReason.MALFORMED, null, ROUTE));
	}

	private Socks5UdpInboundChannelAdapter adapter(QueueChannel errors, String... serverNames) {
		Socks5UdpInboundChannelAdapter adapter = new Socks5UdpInboundChannelAdapter(this.template);
		adapter.setServerNames(serverNames);
		adapter.setOutputChannel(new QueueChannel());
		if (errors != null) {
			adapter.setErrorChannel(errors);
		}
		adapter.setBeanFactory(this.beanFactory);
		adapter.afterPropertiesSet();
		return adapter;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class Config {

	}

}
