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

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.micrometer.observation.ObservationRegistry;
import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.core.registry.Socks5ServerSelection;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.observation.Socks5UdpAssociationObservationConvention;
import io.socks5udp.observation.Socks5UdpObservationDocumentation;
import io.socks5udp.observation.Socks5UdpRequestObservationConvention;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Sends and receives UDP datagrams, each through the SOCKS5 server that the
 * {@link Socks5ServerRegistry registry} chooses for its destination, or directly.
 * <p>
 * One {@link ManagedAssociation association} per server is shared by every destination
 * and thread it carries; it opens on the first send routed to its server (or when the
 * template {@link #start() starts}, if the server is warm), is re-established with
 * backoff when it dies while in use, and is closed when idle unless warm. A server no
 * destination is routed to is never contacted. Destinations the registry sends
 * {@code NONE} go through one plain UDP channel, the direct route. Every public method is
 * thread-safe.
 * <p>
 * Replies arrive on the receive thread of each route and go to the
 * {@link #addListener(Socks5UdpDatagramListener) listeners}, unless a
 * {@link #sendAndReceive(Socks5Address, byte[], Duration) sendAndReceive} call is waiting
 * for them.
 * <p>
 * Host names given as {@code String} or as unresolved {@link InetSocketAddress} travel to
 * the server as domain names, resolved by the server (and matched by name fragment
 * rules); only the direct route resolves names locally. Host text is parsed once per host
 * and port and kept in a small bounded cache, so that sending again to the same host
 * allocates nothing.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpTemplate implements Socks5UdpOperations, SmartLifecycle, ApplicationEventPublisherAware {

	/**
	 * The default lifecycle phase: before Spring Integration endpoints and web servers
	 * start, after they stop.
	 */
	public static final int DEFAULT_PHASE = Integer.MAX_VALUE / 2 - 1024;

	private final Socks5ServerRegistry registry;

	private final PendingReplies pendingReplies = new PendingReplies();

	private final DestinationCache destinations = new DestinationCache();

	private final ListenerDispatch dispatch = new ListenerDispatch(this.pendingReplies);

	private final DirectRoute direct;

	private final TemplateObservations observations = new TemplateObservations();

	private final AssociationPool pool;

	private final RouteSender sender;

	private final boolean failFast;

	private final int phase;

	Socks5UdpTemplate(Socks5UdpTemplateBuilder builder) {
		this.registry = builder.registry;
		this.failFast = builder.failFast;
		this.phase = builder.phase;
		List<Socks5UdpChannelCustomizer> channelCustomizers = List.copyOf(builder.channelCustomizers);
		this.direct = new DirectRoute(this.dispatch, channelCustomizers);
		AssociationSettings settings = new AssociationSettings(builder.backoff,
				new OutagePolicy(builder.sendPolicy, builder.maxWait), AssociationOpener.DEFAULT, builder.idleTimeout,
				this.observations);
		this.pool = new AssociationPool(builder.servers, settings, List.copyOf(builder.optionsCustomizers),
				channelCustomizers, this.dispatch, builder.failoverRetryAfter, this);
		this.pool.warm(builder.allWarm ? builder.servers.keySet() : builder.warmServers);
		this.sender = new RouteSender(this.direct, this.pool, this.pendingReplies, this.observations);
	}

	/**
	 * Return a builder of a template that routes with the given registry.
	 * @param registry the registry that chooses a server, or none, per destination
	 * @return the builder
	 */
	public static Socks5UdpTemplateBuilder builder(Socks5ServerRegistry registry) {
		return new Socks5UdpTemplateBuilder(registry);
	}

	@Override
	public Socks5UdpRoute send(String host, int port, byte[] payload) {
		return send(this.destinations.address(host, port), payload);
	}

	@Override
	public Socks5UdpRoute send(String host, int port, ByteBuffer payload) {
		return send(this.destinations.address(host, port), payload);
	}

	@Override
	public Socks5UdpRoute send(InetSocketAddress destination, byte[] payload) {
		Assert.notNull(destination, "'destination' must not be null");
		Assert.notNull(payload, "'payload' must not be null");
		return this.sender.send(this.registry.lookup(destination), Socks5Address.of(destination), payload, 0,
				payload.length);
	}

	@Override
	public Socks5UdpRoute send(InetSocketAddress destination, ByteBuffer payload) {
		Assert.notNull(destination, "'destination' must not be null");
		Assert.notNull(payload, "'payload' must not be null");
		return this.sender.send(this.registry.lookup(destination), Socks5Address.of(destination), payload);
	}

	@Override
	public Socks5UdpRoute send(Socks5Address destination, byte[] payload) {
		Assert.notNull(payload, "'payload' must not be null");
		return send(destination, payload, 0, payload.length);
	}

	@Override
	public Socks5UdpRoute send(Socks5Address destination, byte[] payload, int offset, int length) {
		Assert.notNull(destination, "'destination' must not be null");
		Assert.notNull(payload, "'payload' must not be null");
		Objects.checkFromIndexSize(offset, length, payload.length);
		return this.sender.send(this.registry.lookup(destination), destination, payload, offset, length);
	}

	@Override
	public Socks5UdpRoute send(Socks5Address destination, ByteBuffer payload) {
		Assert.notNull(destination, "'destination' must not be null");
		Assert.notNull(payload, "'payload' must not be null");
		return this.sender.send(this.registry.lookup(destination), destination, payload);
	}

	@Override
	public Socks5UdpDatagram sendAndReceive(String host, int port, byte[] payload, Duration timeout) {
		return sendAndReceive(this.destinations.address(host, port), payload, timeout);
	}

	@Override
	public Socks5UdpDatagram sendAndReceive(InetSocketAddress destination, byte[] payload, Duration timeout) {
		Assert.notNull(destination, "'destination' must not be null");
		return this.sender.request(this.registry.lookup(destination), Socks5Address.of(destination), payload, timeout)
			.datagram();
	}

	@Override
	public Socks5UdpDatagram sendAndReceive(Socks5Address destination, byte[] payload, Duration timeout) {
		Assert.notNull(destination, "'destination' must not be null");
		return this.sender.request(this.registry.lookup(destination), destination, payload, timeout).datagram();
	}

	// Request/reply that tells the route of the reply, and sends under a route policy:
	// one registry lookup each, whatever the policy

	@Override
	public Socks5UdpRoute send(Socks5Address destination, ByteBuffer payload, Socks5UdpRoutePolicy policy) {
		Assert.notNull(destination, "'destination' must not be null");
		Assert.notNull(payload, "'payload' must not be null");
		return this.sender.send(routeFor(destination, policy), destination, payload);
	}

	@Override
	public Socks5UdpReply request(Socks5Address destination, byte[] payload, Duration timeout,
			Socks5UdpRoutePolicy policy) {
		Assert.notNull(destination, "'destination' must not be null");
		return this.sender.request(routeFor(destination, policy), destination, payload, timeout);
	}

	@Override
	public CompletableFuture<Socks5UdpReply> requestAsync(Socks5Address destination, byte[] payload, Duration timeout,
			Socks5UdpRoutePolicy policy) {
		Assert.notNull(destination, "'destination' must not be null");
		try {
			return this.sender.requestAsync(routeFor(destination, policy), destination, payload, timeout);
		}
		catch (Socks5UdpException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private Socks5ServerSelection routeFor(Socks5Address destination, Socks5UdpRoutePolicy policy) {
		Assert.notNull(policy, "'policy' must not be null");
		return policy.check(this.registry.lookup(destination), destination);
	}

	@Override
	public Socks5UdpListenerRegistration addListener(Socks5UdpDatagramListener listener) {
		Assert.notNull(listener, "'listener' must not be null");
		return this.dispatch.add(listener);
	}

	/**
	 * Add a listener of association life events (opened, failed, died), for metrics.
	 * @param listener the listener
	 */
	public void addAssociationListener(ManagedAssociationListener listener) {
		Assert.notNull(listener, "'listener' must not be null");
		this.pool.addListener(listener);
	}

	/**
	 * Set the registry of the {@link Socks5UdpObservationDocumentation observations} of
	 * association attempts and request/reply exchanges. Without one (the default,
	 * {@link ObservationRegistry#NOOP}) nothing is observed. Plain sends are never
	 * observed. Set it before the template starts.
	 * @param registry the observation registry
	 */
	public void setObservationRegistry(ObservationRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.observations.setRegistry(registry);
	}

	/**
	 * Set the convention of the observations of association attempts, in place of the
	 * default one.
	 * @param convention the convention, or {@code null} for the default
	 */
	public void setAssociationObservationConvention(@Nullable Socks5UdpAssociationObservationConvention convention) {
		this.observations.setAssociationConvention(convention);
	}

	/**
	 * Set the convention of the observations of request/reply exchanges, in place of the
	 * default one.
	 * @param convention the convention, or {@code null} for the default
	 */
	public void setRequestObservationConvention(@Nullable Socks5UdpRequestObservationConvention convention) {
		this.observations.setRequestConvention(convention);
	}

	/**
	 * Return the managed associations by server name: one per configured server, and one
	 * per other server the registry has routed to.
	 * @return the associations, in the order they were added
	 */
	public Map<String, ManagedAssociation> associations() {
		return this.pool.associations();
	}

	/**
	 * Return the state of every rule with alternatives that has carried traffic: which of
	 * its servers carries it, and why the others do not. Does no I/O.
	 * @return the states by rule, named by their servers in order, separated by commas
	 */
	public Map<String, Socks5UdpFailoverStatus> failoverStatus() {
		Map<String, Socks5UdpFailoverStatus> status = new LinkedHashMap<>();
		this.pool.groups().forEach((name, group) -> status.put(name, group.status()));
		return status;
	}

	/**
	 * Publish a {@link Socks5UdpFailoverEvent} to this publisher on every change of a
	 * rule with alternatives, as well as to the association listeners.
	 * @param publisher the publisher
	 */
	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher publisher) {
		Assert.notNull(publisher, "'publisher' must not be null");
		this.pool.failoverEvents().publisher(publisher::publishEvent);
	}

	/**
	 * Make a server warm, as {@link Socks5UdpTemplateBuilder#warmServers} does: its
	 * association opens when the template starts (and is checked by fail-fast), or at
	 * once if it runs, is re-established whether or not anything uses it, and is never
	 * closed for being idle. For a server that a component will need, such as the one its
	 * destination routes to or one an inbound adapter listens on; call it before the
	 * template starts for fail-fast to check it.
	 * @param server the server, as a route names it
	 * @return the server's association
	 */
	public ManagedAssociation warm(Socks5ServerEndpoint server) {
		Assert.notNull(server, "'server' must not be null");
		return this.pool.warm(server);
	}

	/**
	 * Make a server the template knows by name warm, as
	 * {@link #warm(Socks5ServerEndpoint)} does: one set on the builder, or one the
	 * registry has routed to. For a component that names the servers it needs, such as an
	 * inbound adapter that listens on them.
	 * @param serverName the server's logical name
	 * @return the server's association, or {@code null} if the template knows no server
	 * of that name (it is then associated on first use, as any other)
	 */
	public @Nullable ManagedAssociation warm(String serverName) {
		Assert.hasText(serverName, "'serverName' must not be empty");
		ManagedAssociation association = this.pool.associations().get(serverName);
		if (association == null) {
			return null;
		}
		Socks5AssociationOptions options = association.options();
		return this.pool.warm(Socks5ServerEndpoint.of(serverName, options.host(), options.port()));
	}

	/**
	 * Return the traffic of the direct route.
	 * @return the direct traffic
	 */
	public Socks5UdpTraffic directTraffic() {
		return this.direct.traffic();
	}

	/**
	 * Return the local address of the direct route's channel, which destinations reached
	 * directly see as the source.
	 * @return the address, or {@code null} before the first direct send
	 */
	public @Nullable InetSocketAddress directLocalAddress() {
		return this.direct.localAddress();
	}

	/**
	 * Return the registry that routes this template's datagrams.
	 * @return the registry
	 */
	public Socks5ServerRegistry registry() {
		return this.registry;
	}

	/**
	 * Start the template: open the associations with the warm servers; every other
	 * association opens on first use. Without fail-fast, this returns at once and
	 * unreachable warm servers are retried in the background; with fail-fast, it waits
	 * for each warm server's first attempt and throws if one fails.
	 * @throws Socks5UdpStartupException if fail-fast is on and the association with a
	 * warm server cannot be opened
	 */
	@Override
	public void start() {
		this.direct.start();
		try {
			this.pool.start(this.failFast);
		}
		catch (Socks5UdpStartupException ex) {
			this.direct.stop();
			throw ex;
		}
	}

	/**
	 * Stop the template: close every association and the direct channel. Sends fail until
	 * it starts again.
	 */
	@Override
	public void stop() {
		this.pool.stop();
		this.direct.stop();
	}

	@Override
	public boolean isRunning() {
		return this.pool.isRunning();
	}

	@Override
	public int getPhase() {
		return this.phase;
	}

}
