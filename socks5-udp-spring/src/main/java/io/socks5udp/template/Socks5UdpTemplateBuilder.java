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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	/**
	 * The default time an association that is not warm may carry nothing before it is
	 * closed: 5 minutes.
	 */
	public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

	/**
	 * How long a server that failed is passed over by rules with alternatives by default
	 * before it is tried again.
	 */
	public static final Duration DEFAULT_FAILOVER_RETRY_AFTER = Duration.ofSeconds(10);

	final Socks5ServerRegistry registry;

	final Map<String, Socks5AssociationOptions> servers = new LinkedHashMap<>();

	final List<Socks5AssociationOptionsCustomizer> optionsCustomizers = new ArrayList<>();

	final List<Socks5UdpChannelCustomizer> channelCustomizers = new ArrayList<>();

	ReconnectBackoff backoff = ReconnectBackoff.DEFAULT;

	OutageSendPolicy sendPolicy = OutageSendPolicy.FAIL;

	Duration maxWait = Duration.ofSeconds(1);

	final Set<String> warmServers = new LinkedHashSet<>();

	boolean allWarm;

	Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;

	Duration failoverRetryAfter = DEFAULT_FAILOVER_RETRY_AFTER;

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
	 * Set whether every server set with {@link #server(String, Socks5AssociationOptions)}
	 * is warm.
	 * @param associateOnStartup whether every configured server is warm
	 * @return this builder
	 * @deprecated associations open on first use unless their server is warm; use
	 * {@link #warmServers(Collection)} for the servers that must be associated at start
	 */
	@Deprecated(since = "0.2.0")
	public Socks5UdpTemplateBuilder associateOnStartup(boolean associateOnStartup) {
		this.allWarm = associateOnStartup;
		return this;
	}

	/**
	 * Mark servers warm: their associations open when the template starts, are
	 * re-established whether or not anything uses them, and are never closed for being
	 * idle. Every other server is associated on the first send (or request) routed to it.
	 * Each name must be that of a server set with
	 * {@link #server(String, Socks5AssociationOptions)}.
	 * @param names the servers' logical names
	 * @return this builder
	 */
	public Socks5UdpTemplateBuilder warmServers(Collection<String> names) {
		Assert.notNull(names, "'names' must not be null");
		Assert.noNullElements(names, "'names' must not contain null elements");
		this.warmServers.addAll(names);
		return this;
	}

	/**
	 * Set how long an association that is not warm may carry nothing (no datagram sent,
	 * received or refused) before it is closed; the next send opens one again. Zero keeps
	 * associations open once opened.
	 * @param idleTimeout the idle timeout (default {@link #DEFAULT_IDLE_TIMEOUT})
	 * @return this builder
	 */
	public Socks5UdpTemplateBuilder idleTimeout(Duration idleTimeout) {
		Assert.isTrue(idleTimeout != null && !idleTimeout.isNegative(),
				() -> "idleTimeout: " + idleTimeout + " (expected: >= 0)");
		this.idleTimeout = idleTimeout;
		return this;
	}

	/**
	 * Set how long a server that failed is passed over by the rules that name it with
	 * alternatives (Dante's {@code badexpire}): their traffic goes to the next working
	 * server meanwhile. When the time is up, the server is tried again in the background,
	 * and takes the traffic back once its association is open.
	 * @param retryAfter the time, positive (default
	 * {@link #DEFAULT_FAILOVER_RETRY_AFTER})
	 * @return this builder
	 */
	public Socks5UdpTemplateBuilder failoverRetryAfter(Duration retryAfter) {
		Assert.isTrue(retryAfter != null && !retryAfter.isNegative() && !retryAfter.isZero(),
				() -> "retryAfter: " + retryAfter + " (expected: positive)");
		this.failoverRetryAfter = retryAfter;
		return this;
	}

	/**
	 * Set whether {@link Socks5UdpTemplate#start()} fails when the association with a
	 * warm server cannot be opened (default {@code false}: retry in the background).
	 * Servers that are not warm are not contacted at start.
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
	 * @throws IllegalArgumentException if a warm server is not one set with
	 * {@link #server(String, Socks5AssociationOptions)}
	 */
	public Socks5UdpTemplate build() {
		for (String name : this.warmServers) {
			Assert.isTrue(this.servers.containsKey(name), () -> "warm server '" + name
					+ "' is not configured (expected one of " + this.servers.keySet() + ")");
		}
		return new Socks5UdpTemplate(this);
	}

}
