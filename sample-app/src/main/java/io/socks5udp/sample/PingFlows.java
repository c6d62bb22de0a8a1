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

package io.socks5udp.sample;

import java.time.Duration;
import java.util.Objects;

import io.socks5udp.integration.Socks5Udp;
import io.socks5udp.integration.Socks5UdpHeaders;
import io.socks5udp.template.Socks5UdpTemplate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.messaging.MessageChannel;
import org.springframework.util.ErrorHandler;

/**
 * The Spring Integration flows of the sample: pings sent to the {@value #PINGS} channel
 * leave through an outbound adapter, echoes come back through an inbound adapter. Both
 * adapters use the starter's {@link Socks5UdpTemplate}, whose rules choose the SOCKS5
 * server for {@code sample.target}.
 *
 * @author socks5-udp authors
 */
@Configuration(proxyBeanMethods = false)
class PingFlows {

	private static final Log logger = LogFactory.getLog(PingFlows.class);

	/**
	 * Name of the channel that takes the pings to send.
	 */
	static final String PINGS = "pings";

	/**
	 * How many of the latest round-trip times the percentiles cover when the sample keeps
	 * running.
	 */
	private static final int ROUND_TRIPS_KEPT = 10_000;

	/**
	 * How many round-trip times a run keeps at most (8 MB): the percentiles of a longer
	 * run cover its latest pings.
	 */
	private static final int MAX_ROUND_TRIPS_KEPT_IN_A_RUN = 1_000_000;

	@Bean(PINGS)
	MessageChannel pings() {
		return new DirectChannel();
	}

	@Bean
	PingTracker pingTracker(SampleProperties properties) {
		int kept = properties.isKeepRunning() ? ROUND_TRIPS_KEPT
				: Math.min(properties.getCount(), MAX_ROUND_TRIPS_KEPT_IN_A_RUN);
		return new PingTracker(properties.getPayloadSize(), properties.getEchoTimeout(), kept);
	}

	@Bean
	IntegrationFlow outboundPings(Socks5UdpTemplate template, SampleProperties properties) {
		return IntegrationFlow.from(PINGS)
			// @NotNull, so validated when bound
			.handle(Socks5Udp.outboundAdapter(template).destination(Objects.requireNonNull(properties.getTarget())))
			.get();
	}

	@Bean
	IntegrationFlow inboundEchoes(Socks5UdpTemplate template, PingTracker tracker) {
		return IntegrationFlow.from(Socks5Udp.inboundAdapter(template))
			.handle((message) -> tracker.echoed((byte[]) message.getPayload(),
					message.getHeaders().get(Socks5UdpHeaders.SERVER_NAME, String.class)))
			.get();
	}

	/**
	 * Keeps pinging at {@code sample.rate} when the sample keeps running.
	 */
	@Bean
	@ConditionalOnBooleanProperty("sample.keep-running")
	IntegrationFlow steadyPings(PingTracker tracker, SampleProperties properties) {
		Duration period = Duration.ofNanos((long) (1_000_000_000 / properties.getRate()));
		// A ping that cannot be sent is lost: one line each, not a stack trace
		ErrorHandler notSent = (ex) -> logger
			.warn("A ping could not be sent: " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		return IntegrationFlow
			.fromSupplier(tracker::nextPing,
					(endpoint) -> endpoint.poller(Pollers.fixedRate(period).errorHandler(notSent)))
			.channel(PINGS)
			.get();
	}

}
