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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.registry.Socks5ServerRegistry;

import org.springframework.util.Assert;

/**
 * Builder of a {@link Socks5UdpTemplate}: its servers and their options, reconnect
 * backoff, outage policy, customizers and lifecycle. Obtained from
 * {@link Socks5UdpTemplate#builder(Socks5ServerRegistry)}.
 *
 * @author socks5-udp authors
 */
public final class Socks5UdpTemplateBuilder {

	final Socks5ServerRegistry registry;

	final Map<String, Socks5AssociationOptions> servers = new LinkedHashMap<>();

	final List<Socks5AssociationOptionsCustomizer> optionsCustomizers = new ArrayList<>();

	final List<Socks5UdpChannelCustomizer> channelCustomizers = new ArrayList<>();

	ReconnectBackoff backoff = ReconnectBackoff.DEFAULT;

	OutageSendPolicy sendPolicy = OutageSendPolicy.FAIL;

	Duration maxWait = Duration.ofSeconds(1);

	boolean associateOnStartup = true;

	boolean failFast;

	int phase = Socks5UdpTemplate.DEFAULT_PHASE;

	Socks5UdpTemplateBuilder(Socks5ServerRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
	}

	/**
	 * Set the options of the associations with a server. A server that the registry
	 * routes to without options here gets an association with default options on first
	 * use. The options customizers apply to both.
	 * @param name the server's logical name, as routes name it
	 * @param options the options
	 * @return this builder
	 */
	public Socks5UdpTemplateBuilder server(String name, Socks5AssociationOptions options) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(options, "'options' must not be null");
		this.servers.put(name, options);
		return this;
	}

	/**
	 * Set the backoff between attempts to re-establish a dead association.
	 * @param backoff the backoff
	 * @return this builder
	 */
	public Socks5UdpTemplateBuilder reconnectBackoff(ReconnectBackoff backoff) {
		Assert.notNull(backoff, "'backoff' must not be null");
		this.backoff = backoff;
		return this;
	}

	/**
	 * Set what sends do while their server's association is down.
	 * @param sendPolicy fail at once or wait
	 * @param maxWait the longest wait with {@link OutageSendPolicy#WAIT}
	 * @return this builder
	 */
	public Socks5UdpTemplateBuilder outage(OutageSendPolicy sendPolicy, Duration maxWait) {
		Assert.notNull(sendPolicy, "'sendPolicy' must not be null");
		Assert.isTrue(maxWait != null && !maxWait.isNegative(), () -> "maxWait: " + maxWait + " (expected: >= 0)");
		this.sendPolicy = sendPolicy;
		this.maxWait = maxWait;
		return this;
	}

	/**
	 * Set whether associations open when the template starts (default) or on first use.
	 * @param associateOnStartup whether to open associations at start
	 * @return this builder
	 */
	public Socks5UdpTemplateBuilder associateOnStartup(boolean associateOnStartup) {
		this.associateOnStartup = associateOnStartup;
		return this;
	}

	/**
	 * Set whether {@link Socks5UdpTemplate#start()} fails when an association cannot be
	 * opened (default {@code false}: retry in the background).
	 * @param failFast whether to fail at start
	 * @return this builder
	 */
	public Socks5UdpTemplateBuilder failFast(boolean failFast) {
		this.failFast = failFast;
		return this;
	}

	/**
	 * Add customizers of the options of every server: those set with
	 * {@link #server(String, Socks5AssociationOptions)} and the defaults of servers the
	 * registry routes to later.
	 * @param customizers the customizers, applied in order
	 * @return this builder
	 */
	public Socks5UdpTemplateBuilder optionsCustomizers(List<? extends Socks5AssociationOptionsCustomizer> customizers) {
		Assert.notNull(customizers, "'customizers' must not be null");
		this.optionsCustomizers.addAll(customizers);
		return this;
	}

	/**
	 * Add customizers of the UDP channels: the direct route's, and that of every
	 * association with any server, configured or first routed to later.
	 * @param customizers the customizers, applied in order
	 * @return this builder
	 */
	public Socks5UdpTemplateBuilder channelCustomizers(List<? extends Socks5UdpChannelCustomizer> customizers) {
		Assert.notNull(customizers, "'customizers' must not be null");
		this.channelCustomizers.addAll(customizers);
		return this;
	}

	/**
	 * Set the lifecycle phase (default {@link Socks5UdpTemplate#DEFAULT_PHASE}).
	 * @param phase the phase
	 * @return this builder
	 */
	public Socks5UdpTemplateBuilder phase(int phase) {
		this.phase = phase;
		return this;
	}

	/**
	 * Build the template. No I/O happens until it starts.
	 * @return the template
	 */
	public Socks5UdpTemplate build() {
		return new Socks5UdpTemplate(this);
	}

}
