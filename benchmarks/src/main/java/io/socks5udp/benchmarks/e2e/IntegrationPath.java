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
package io.socks5udp.benchmarks.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

import io.socks5udp.integration.Socks5Udp;
import io.socks5udp.template.Socks5UdpTemplate;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.GenericMessage;

/**
 * Path (e): a Spring Integration flow, a {@code byte[]} message to the outbound channel
 * adapter, the echo from the inbound channel adapter, through the relay.
 *
 * @author socks5-udp authors
 */
public final class IntegrationPath implements RoundTripPath {

	private final InetSocketAddress server;

	private final InetSocketAddress target;

	private AnnotationConfigApplicationContext context;

	private Socks5UdpTemplate template;

	private MessageChannel requests;

	/**
	 * Create the path.
	 * @param server the SOCKS5 server
	 * @param target the echo target
	 */
	public IntegrationPath(InetSocketAddress server, InetSocketAddress target) {
		this.server = server;
		this.target = target;
	}

	@Override
	public String name() {
		return "e-integration";
	}

	@Override
	public void open(Consumer<ByteBuffer> sink) throws IOException {
		this.template = HarnessTemplates.startTemplate(this.server);
		this.context = new AnnotationConfigApplicationContext(Config.class);
		IntegrationFlowContext flows = this.context.getBean(IntegrationFlowContext.class);
		DirectChannel requests = new DirectChannel();
		flows
			.registration(IntegrationFlow.from(requests)
				.handle(Socks5Udp.outboundAdapter(this.template, this.target.getHostString(), this.target.getPort()))
				.get())
			.register();
		flows
			.registration(IntegrationFlow.from(Socks5Udp.inboundAdapter(this.template))
				.handle((message) -> sink.accept(ByteBuffer.wrap((byte[]) message.getPayload())))
				.get())
			.register();
		this.requests = requests;
	}

	@Override
	public void send(ByteBuffer payload) {
		byte[] bytes = new byte[payload.remaining()];
		payload.get(bytes);
		this.requests.send(new GenericMessage<>(bytes));
	}

	@Override
	public String[] threadNamePrefixes() {
		return new String[] { "socks5-udp-" };
	}

	@Override
	public void close() {
		this.context.close();
		this.template.stop();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class Config {

	}

}
