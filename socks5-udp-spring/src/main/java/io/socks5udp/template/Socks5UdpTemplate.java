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

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5ChannelConfigurer;
import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AssociationClosedException;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.core.registry.Socks5Route;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Sends and receives UDP datagrams, each through the SOCKS5 server that the
 * {@link Socks5ServerRegistry registry} chooses for its destination, or directly.
 * <p>
 * One {@link ManagedAssociation association} per server is shared by every destination
 * and thread it carries; it opens when the template {@link #start() starts} (or on first
 * use) and is re-established with backoff when it dies. Destinations the registry sends
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
 * rules); only the direct route resolves names locally.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpTemplate implements Socks5UdpOperations, SmartLifecycle {

	/**
	 * The default lifecycle phase: before Spring Integration endpoints and web servers
	 * start, after they stop.
	 */
	public static final int DEFAULT_PHASE = Integer.MAX_VALUE / 2 - 1024;

	private static final Log logger = LogFactory.getLog(Socks5UdpTemplate.class);

	private final Socks5ServerRegistry registry;

	private final Function<Map.Entry<String, Socks5AssociationOptions>, ManagedAssociation> associationFactory;

	private volatile Map<String, ManagedAssociation> associations;

	private final DirectRoute direct;

	private final PendingReplies pendingReplies = new PendingReplies();

	/**
	 * Copy-on-write by hand: walking an array allocates nothing, while the iterator of a
	 * {@code CopyOnWriteArrayList} costs 24 bytes per datagram wherever the JIT does not
	 * scalar-replace it.
	 */
	private volatile Socks5UdpDatagramListener[] listeners = new Socks5UdpDatagramListener[0];

	private final Object listenersMonitor = new Object();

	private final Socks5UdpDatagramListener inbound = new Socks5UdpDatagramListener() {

		@Override
		public void onDatagram(Socks5Address source, ByteBuffer payload, Socks5UdpRoute route) {
			dispatch(source, payload, route);
		}

		@Override
		public void onDrop(Socks5DropReason reason, @Nullable Socks5Address source, Socks5UdpRoute route) {
			dispatchDrop(reason, source, route);
		}

	};

	private final List<ManagedAssociationListener> associationListeners = new CopyOnWriteArrayList<>();

	private final boolean associateOnStartup;

	private final boolean failFast;

	private final int phase;

	private final Object lifecycleMonitor = new Object();

	private volatile boolean running;

	private @Nullable ScheduledExecutorService scheduler;

	private @Nullable ExecutorService openExecutor;

	private Socks5UdpTemplate(Builder builder) {
		this.registry = builder.registry;
		this.associateOnStartup = builder.associateOnStartup;
		this.failFast = builder.failFast;
		this.phase = builder.phase;
		this.direct = new DirectRoute(this::dispatch, List.copyOf(builder.channelCustomizers));
		ReconnectBackoff backoff = builder.backoff;
		OutageSendPolicy sendPolicy = builder.sendPolicy;
		Duration maxWait = builder.maxWait;
		AssociationOpener opener = builder.opener;
		this.associationFactory = (server) -> new ManagedAssociation(server.getKey(), server.getValue(), backoff,
				sendPolicy, maxWait, opener, this.inbound, this.associationListeners);
		Map<String, ManagedAssociation> managed = new LinkedHashMap<>();
		List<Socks5UdpChannelCustomizer> customizers = List.copyOf(builder.channelCustomizers);
		builder.servers.forEach((name, options) -> managed.put(name,
				this.associationFactory.apply(Map.entry(name, withCustomizers(options, customizers)))));
		this.associations = Collections.unmodifiableMap(managed);
	}

	/**
	 * Return a builder of a template that routes with the given registry.
	 * @param registry the registry that chooses a server, or none, per destination
	 * @return the builder
	 */
	public static Builder builder(Socks5ServerRegistry registry) {
		return new Builder(registry);
	}

	@Override
	public Socks5UdpRoute send(String host, int port, byte[] payload) {
		return send(Socks5Address.of(host, port), payload);
	}

	@Override
	public Socks5UdpRoute send(String host, int port, ByteBuffer payload) {
		return send(Socks5Address.of(host, port), payload);
	}

	@Override
	public Socks5UdpRoute send(InetSocketAddress destination, byte[] payload) {
		Assert.notNull(destination, "'destination' must not be null");
		Assert.notNull(payload, "'payload' must not be null");
		return send(this.registry.lookup(destination), Socks5Address.of(destination), payload, 0, payload.length);
	}

	@Override
	public Socks5UdpRoute send(InetSocketAddress destination, ByteBuffer payload) {
		Assert.notNull(destination, "'destination' must not be null");
		Assert.notNull(payload, "'payload' must not be null");
		return send(this.registry.lookup(destination), Socks5Address.of(destination), payload);
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
		return send(this.registry.lookup(destination), destination, payload, offset, length);
	}

	private Socks5UdpRoute send(Socks5Route route, Socks5Address destination, byte[] payload, int offset, int length) {
		if (route.isDirect()) {
			this.direct.send(destination, this.direct.resolve(destination), ByteBuffer.wrap(payload, offset, length));
			return Socks5UdpRoute.DIRECT;
		}
		ManagedAssociation association = association(route);
		association.send(destination, payload, offset, length);
		return routeOf(association);
	}

	@Override
	public Socks5UdpRoute send(Socks5Address destination, ByteBuffer payload) {
		Assert.notNull(destination, "'destination' must not be null");
		Assert.notNull(payload, "'payload' must not be null");
		return send(this.registry.lookup(destination), destination, payload);
	}

	private Socks5UdpRoute send(Socks5Route route, Socks5Address destination, ByteBuffer payload) {
		if (route.isDirect()) {
			this.direct.send(destination, this.direct.resolve(destination), payload);
			return Socks5UdpRoute.DIRECT;
		}
		ManagedAssociation association = association(route);
		association.send(destination, payload);
		return routeOf(association);
	}

	@Override
	public Socks5UdpDatagram sendAndReceive(String host, int port, byte[] payload, Duration timeout) {
		return sendAndReceive(Socks5Address.of(host, port), payload, timeout);
	}

	@Override
	public Socks5UdpDatagram sendAndReceive(InetSocketAddress destination, byte[] payload, Duration timeout) {
		Assert.notNull(destination, "'destination' must not be null");
		return sendAndReceive(this.registry.lookup(destination), Socks5Address.of(destination), payload, timeout);
	}

	@Override
	public Socks5UdpDatagram sendAndReceive(Socks5Address destination, byte[] payload, Duration timeout) {
		Assert.notNull(destination, "'destination' must not be null");
		return sendAndReceive(this.registry.lookup(destination), destination, payload, timeout);
	}

	private Socks5UdpDatagram sendAndReceive(Socks5Route route, Socks5Address destination, byte[] payload,
			Duration timeout) {
		Assert.notNull(payload, "'payload' must not be null");
		Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(),
				() -> "timeout: " + timeout + " (expected: positive)");
		PendingReplies.Pending request;
		Socks5UdpRoute used;
		if (route.isDirect()) {
			InetSocketAddress target = this.direct.resolve(destination);
			request = this.pendingReplies.register(Socks5UdpRoute.DIRECT_NAME, destination, target);
			used = Socks5UdpRoute.DIRECT;
			try {
				this.direct.send(destination, target, ByteBuffer.wrap(payload));
			}
			catch (RuntimeException ex) {
				this.pendingReplies.remove(request);
				throw ex;
			}
		}
		else {
			ManagedAssociation association = association(route);
			request = this.pendingReplies.register(association.name(), destination, null);
			try {
				association.send(destination, payload, 0, payload.length);
			}
			catch (RuntimeException ex) {
				this.pendingReplies.remove(request);
				throw ex;
			}
			used = routeOf(association);
		}
		return awaitReply(request, destination, used, timeout);
	}

	private Socks5UdpDatagram awaitReply(PendingReplies.Pending request, Socks5Address destination,
			Socks5UdpRoute route, Duration timeout) {
		try {
			return request.reply().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new Socks5UdpReplyTimeoutException(destination, route, timeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Socks5UdpException("Interrupted while waiting for a reply from " + destination,
					new InterruptedIOException("Interrupted"));
		}
		catch (ExecutionException ex) {
			throw new Socks5UdpException("No reply from " + destination,
					new Socks5AssociationClosedException("Request abandoned", ex.getCause()));
		}
		finally {
			this.pendingReplies.remove(request);
		}
	}

	@Override
	public Socks5UdpListenerRegistration addListener(Socks5UdpDatagramListener listener) {
		Assert.notNull(listener, "'listener' must not be null");
		// The listener itself, not a method reference, so that its onDrop is kept
		synchronized (this.listenersMonitor) {
			Socks5UdpDatagramListener[] current = this.listeners;
			Socks5UdpDatagramListener[] added = Arrays.copyOf(current, current.length + 1);
			added[current.length] = listener;
			this.listeners = added;
		}
		return () -> removeListener(listener);
	}

	private void removeListener(Socks5UdpDatagramListener listener) {
		synchronized (this.listenersMonitor) {
			Socks5UdpDatagramListener[] current = this.listeners;
			for (int i = 0; i < current.length; i++) {
				if (current[i] == listener) {
					Socks5UdpDatagramListener[] removed = new Socks5UdpDatagramListener[current.length - 1];
					System.arraycopy(current, 0, removed, 0, i);
					System.arraycopy(current, i + 1, removed, i, current.length - i - 1);
					this.listeners = removed;
					return;
				}
			}
		}
	}

	/**
	 * Add a listener of association life events (opened, failed, died), for metrics.
	 * @param listener the listener
	 */
	public void addAssociationListener(ManagedAssociationListener listener) {
		Assert.notNull(listener, "'listener' must not be null");
		this.associationListeners.add(listener);
	}

	/**
	 * Return the managed associations by server name: one per configured server, and one
	 * per other server the registry has routed to.
	 * @return the associations, in the order they were added
	 */
	public Map<String, ManagedAssociation> associations() {
		return this.associations;
	}

	/**
	 * Return the traffic of the direct route.
	 * @return the direct traffic
	 */
	public Socks5UdpTraffic directTraffic() {
		return this.direct;
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
	 * Start the template: open the associations (unless they open on first use). Without
	 * fail-fast, this returns at once and unreachable servers are retried in the
	 * background; with fail-fast, it waits for each first attempt and throws if one
	 * fails.
	 * @throws Socks5UdpStartupException if fail-fast is on and an association cannot be
	 * opened
	 */
	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("socks5-udp-reconnect"));
			this.openExecutor = Executors.newCachedThreadPool(daemonThreads("socks5-udp-associate-"));
			this.direct.start();
			Map<ManagedAssociation, CompletableFuture<@Nullable Throwable>> firstAttempts = new LinkedHashMap<>();
			for (ManagedAssociation association : this.associations.values()) {
				firstAttempts.put(association,
						association.start(this.scheduler, this.openExecutor, this.associateOnStartup, this.failFast));
			}
			this.running = true;
			if (this.failFast && this.associateOnStartup) {
				awaitFirstAttempts(firstAttempts);
			}
		}
	}

	private void awaitFirstAttempts(Map<ManagedAssociation, CompletableFuture<@Nullable Throwable>> firstAttempts) {
		for (Map.Entry<ManagedAssociation, CompletableFuture<@Nullable Throwable>> entry : firstAttempts.entrySet()) {
			ManagedAssociation association = entry.getKey();
			Socks5AssociationOptions options = association.options();
			Duration bound = options.connectTimeout().plus(options.handshakeTimeout()).plusSeconds(1);
			Throwable failure;
			try {
				failure = entry.getValue().get(bound.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException | ExecutionException ex) {
				failure = ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failure = ex;
			}
			if (failure != null) {
				stop();
				IOException cause = (failure instanceof IOException io) ? io
						: new IOException(failure.getMessage(), failure);
				throw new Socks5UdpStartupException(association.name(), association.serverAddress(), cause);
			}
		}
	}

	/**
	 * Stop the template: close every association and the direct channel. Sends fail until
	 * it starts again.
	 */
	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			if (this.scheduler == null) {
				return;
			}
			this.running = false;
			for (ManagedAssociation association : this.associations.values()) {
				association.stop();
			}
			this.direct.stop();
			this.scheduler.shutdownNow();
			// Set and cleared together with the scheduler
			Objects.requireNonNull(this.openExecutor).shutdownNow();
			this.scheduler = null;
			this.openExecutor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return this.phase;
	}

	private ManagedAssociation association(Socks5Route route) {
		// Only routes that are not direct get here
		Socks5ServerEndpoint server = Objects.requireNonNull(route.server());
		ManagedAssociation association = this.associations.get(server.name());
		return (association != null) ? association : addAssociation(server);
	}

	private ManagedAssociation addAssociation(Socks5ServerEndpoint server) {
		synchronized (this.lifecycleMonitor) {
			ManagedAssociation association = this.associations.get(server.name());
			if (association != null) {
				return association;
			}
			Socks5AssociationOptions options = Socks5AssociationOptions.builder(server.host(), server.port())
				.name(server.name())
				.build();
			association = this.associationFactory.apply(Map.entry(server.name(), options));
			Map<String, ManagedAssociation> managed = new LinkedHashMap<>(this.associations);
			managed.put(server.name(), association);
			this.associations = Collections.unmodifiableMap(managed);
			if (this.scheduler != null) {
				association.start(this.scheduler, Objects.requireNonNull(this.openExecutor), false);
			}
			return association;
		}
	}

	/**
	 * Apply the channel customizers to the UDP channel of every association of a server,
	 * after whatever channel configurer its options already have.
	 */
	private static Socks5AssociationOptions withCustomizers(Socks5AssociationOptions options,
			List<Socks5UdpChannelCustomizer> customizers) {
		if (customizers.isEmpty()) {
			return options;
		}
		Socks5ChannelConfigurer own = options.channelConfigurer();
		return options.toBuilder().channelConfigurer((channel) -> {
			if (own != null) {
				own.configure(channel);
			}
			for (Socks5UdpChannelCustomizer customizer : customizers) {
				customizer.customize(channel);
			}
		}).build();
	}

	private static Socks5UdpRoute routeOf(ManagedAssociation association) {
		Socks5UdpRoute route = association.route();
		return (route != null) ? route : new Socks5UdpRoute(association.name(), null);
	}

	private void dispatchDrop(Socks5DropReason reason, @Nullable Socks5Address source, Socks5UdpRoute route) {
		for (Socks5UdpDatagramListener listener : this.listeners) {
			try {
				listener.onDrop(reason, source, route);
			}
			catch (RuntimeException ex) {
				logger.warn("Listener failed on a dropped datagram (" + reason.tag() + ") via " + route.describe(), ex);
			}
		}
	}

	private void dispatch(Socks5Address source, ByteBuffer payload, Socks5UdpRoute route) {
		if (this.pendingReplies.offer(source, payload, route)) {
			return;
		}
		int position = payload.position();
		int limit = payload.limit();
		for (Socks5UdpDatagramListener listener : this.listeners) {
			try {
				listener.onDatagram(source, payload, route);
			}
			catch (RuntimeException ex) {
				logger.warn("Listener failed on a datagram from " + source + " via " + route.describe(), ex);
			}
			payload.limit(limit).position(position);
		}
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix);
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * Builder of {@link Socks5UdpTemplate}.
	 */
	public static final class Builder {

		private final Socks5ServerRegistry registry;

		private final Map<String, Socks5AssociationOptions> servers = new LinkedHashMap<>();

		private final List<Socks5UdpChannelCustomizer> channelCustomizers = new ArrayList<>();

		private ReconnectBackoff backoff = ReconnectBackoff.DEFAULT;

		private OutageSendPolicy sendPolicy = OutageSendPolicy.FAIL;

		private Duration maxWait = Duration.ofSeconds(1);

		private boolean associateOnStartup = true;

		private boolean failFast;

		private int phase = DEFAULT_PHASE;

		private AssociationOpener opener = AssociationOpener.DEFAULT;

		private Builder(Socks5ServerRegistry registry) {
			Assert.notNull(registry, "'registry' must not be null");
			this.registry = registry;
		}

		/**
		 * Set the options of the associations with a server. A server that the registry
		 * routes to without options here gets an association with default options on
		 * first use.
		 * @param name the server's logical name, as routes name it
		 * @param options the options
		 * @return this builder
		 */
		public Builder server(String name, Socks5AssociationOptions options) {
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
		public Builder reconnectBackoff(ReconnectBackoff backoff) {
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
		public Builder outage(OutageSendPolicy sendPolicy, Duration maxWait) {
			Assert.notNull(sendPolicy, "'sendPolicy' must not be null");
			Assert.isTrue(maxWait != null && !maxWait.isNegative(), () -> "maxWait: " + maxWait + " (expected: >= 0)");
			this.sendPolicy = sendPolicy;
			this.maxWait = maxWait;
			return this;
		}

		/**
		 * Set whether associations open when the template starts (default) or on first
		 * use.
		 * @param associateOnStartup whether to open associations at start
		 * @return this builder
		 */
		public Builder associateOnStartup(boolean associateOnStartup) {
			this.associateOnStartup = associateOnStartup;
			return this;
		}

		/**
		 * Set whether {@link Socks5UdpTemplate#start()} fails when an association cannot
		 * be opened (default {@code false}: retry in the background).
		 * @param failFast whether to fail at start
		 * @return this builder
		 */
		public Builder failFast(boolean failFast) {
			this.failFast = failFast;
			return this;
		}

		/**
		 * Add customizers of the direct route's UDP channel.
		 * @param customizers the customizers, applied in order
		 * @return this builder
		 */
		public Builder channelCustomizers(List<? extends Socks5UdpChannelCustomizer> customizers) {
			Assert.notNull(customizers, "'customizers' must not be null");
			this.channelCustomizers.addAll(customizers);
			return this;
		}

		/**
		 * Set the lifecycle phase (default {@link Socks5UdpTemplate#DEFAULT_PHASE}).
		 * @param phase the phase
		 * @return this builder
		 */
		public Builder phase(int phase) {
			this.phase = phase;
			return this;
		}

		Builder opener(AssociationOpener opener) {
			this.opener = opener;
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

}
