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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5AssociationOptionsBuilder;
import io.socks5udp.core.client.Socks5ChannelConfigurer;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import io.socks5udp.core.registry.Socks5ServerSelection;

import org.jspecify.annotations.Nullable;

/**
 * The managed associations of a template, one per server, and their lifecycle: the
 * configured servers from the start, every other server the registry routes to from its
 * first use; the threads that open and re-open them while the template runs, and the
 * periodic check that closes those idle for the idle timeout. Every server's options get
 * the same customizations, whenever its association is added.
 *
 * @author socks5-udp authors
 */
final class AssociationPool {

	/**
	 * The longest period between two idle checks: an association closes at most this long
	 * after its idle timeout.
	 */
	private static final Duration MAX_IDLE_CHECK_PERIOD = Duration.ofSeconds(1);

	private static final int MAX_SELECTIONS = 4096;

	private final AssociationSettings settings;

	private final List<Socks5AssociationOptionsCustomizer> optionsCustomizers;

	private final List<Socks5UdpChannelCustomizer> channelCustomizers;

	private final Socks5UdpDatagramListener inbound;

	private final List<ManagedAssociationListener> listeners = new CopyOnWriteArrayList<>();

	private final Object monitor = new Object();

	// Rules with the same servers in the same order share a group
	private final Map<List<Socks5ServerEndpoint>, FailoverGroup> groups = new ConcurrentHashMap<>();

	// By selection, whose identity hash is cheaper than a list's
	private final Map<Socks5ServerSelection, FailoverGroup> groupsBySelection = new ConcurrentHashMap<>();

	private final FailoverEvents failoverEvents;

	private final Duration failoverRetryAfter;

	private volatile Map<String, ManagedAssociation> associations;

	private volatile boolean running;

	private @Nullable ScheduledExecutorService scheduler;

	private @Nullable ExecutorService openExecutor;

	AssociationPool(Map<String, Socks5AssociationOptions> servers, AssociationSettings settings,
			List<Socks5AssociationOptionsCustomizer> optionsCustomizers,
			List<Socks5UdpChannelCustomizer> channelCustomizers, Socks5UdpDatagramListener inbound,
			Duration failoverRetryAfter, Object eventSource) {
		this.settings = settings;
		this.failoverRetryAfter = failoverRetryAfter;
		this.failoverEvents = new FailoverEvents(eventSource, this.listeners);
		this.optionsCustomizers = optionsCustomizers;
		this.channelCustomizers = channelCustomizers;
		this.inbound = inbound;
		Map<String, ManagedAssociation> managed = new LinkedHashMap<>();
		servers.forEach((name, options) -> managed.put(name, create(name, options)));
		this.associations = Collections.unmodifiableMap(managed);
	}

	private ManagedAssociation create(String name, Socks5AssociationOptions options) {
		return new ManagedAssociation(name, customized(name, options), this.settings, this.inbound, this.listeners);
	}

	Map<String, ManagedAssociation> associations() {
		return this.associations;
	}

	/**
	 * Mark servers warm, before the pool starts.
	 * @param names the names of configured servers
	 */
	void warm(Iterable<String> names) {
		for (String name : names) {
			Objects.requireNonNull(this.associations.get(name), () -> "no server named " + name).warm();
		}
	}

	/**
	 * Mark a server warm, adding its association if it has none: before the pool starts,
	 * it is opened (and checked by fail-fast) with the others; after, at once.
	 * @param server the server
	 * @return its association
	 */
	ManagedAssociation warm(Socks5ServerEndpoint server) {
		ManagedAssociation association = association(server);
		association.warm();
		synchronized (this.monitor) {
			if (this.running) {
				association.openIfIdle();
			}
		}
		return association;
	}

	void addListener(ManagedAssociationListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * Return the association with a server, added on its first use.
	 * @param server the server a route names
	 * @return the association
	 */
	ManagedAssociation association(Socks5ServerEndpoint server) {
		ManagedAssociation association = this.associations.get(server.name());
		return (association != null) ? association : add(server);
	}

	/**
	 * Return the failover group of a selection with alternatives, added on its first use.
	 * @param selection the selection, naming two or more servers
	 * @return the group
	 */
	FailoverGroup group(Socks5ServerSelection selection) {
		FailoverGroup group = this.groupsBySelection.get(selection);
		if (group != null) {
			return group;
		}
		group = this.groups.computeIfAbsent(selection.servers(), (servers) -> {
			List<ManagedAssociation> members = new ArrayList<>();
			servers.forEach((server) -> members.add(association(server)));
			return new FailoverGroup(members, this.failoverRetryAfter, this.failoverEvents);
		});
		if (this.groupsBySelection.size() > MAX_SELECTIONS) {
			// Reloads make new selections: forget the old ones now and then
			this.groupsBySelection.clear();
		}
		this.groupsBySelection.put(selection, group);
		return group;
	}

	/**
	 * Return the failover groups: one per list of servers a rule with alternatives has
	 * routed to.
	 * @return the groups by name
	 */
	Map<String, FailoverGroup> groups() {
		Map<String, FailoverGroup> groups = new LinkedHashMap<>();
		this.groups.values().forEach((group) -> groups.put(group.name(), group));
		return groups;
	}

	FailoverEvents failoverEvents() {
		return this.failoverEvents;
	}

	private ManagedAssociation add(Socks5ServerEndpoint server) {
		ManagedAssociation association;
		synchronized (this.monitor) {
			association = this.associations.get(server.name());
			if (association != null) {
				return association;
			}
			Socks5AssociationOptions options = Socks5AssociationOptions.builder(server.host(), server.port())
				.name(server.name())
				.build();
			association = create(server.name(), options);
			Map<String, ManagedAssociation> managed = new LinkedHashMap<>(this.associations);
			managed.put(server.name(), association);
			this.associations = Collections.unmodifiableMap(managed);
			// Listeners learn of it before it can open, so that no event of it precedes
			// its addition
			for (ManagedAssociationListener listener : this.listeners) {
				listener.added(association);
			}
			if (this.scheduler != null) {
				// Both set and cleared together, under the monitor
				association.start(this.scheduler, Objects.requireNonNull(this.openExecutor), false);
			}
		}
		return association;
	}

	/**
	 * Apply the options customizers to a server's options, then the channel customizers
	 * to the UDP channel of every association with it, after whatever channel configurer
	 * its options have by then.
	 */
	private Socks5AssociationOptions customized(String name, Socks5AssociationOptions configured) {
		Socks5AssociationOptions options = configured;
		if (!this.optionsCustomizers.isEmpty()) {
			Socks5AssociationOptionsBuilder builder = configured.toBuilder();
			this.optionsCustomizers.forEach((customizer) -> customizer.customize(name, builder));
			options = builder.build();
		}
		if (this.channelCustomizers.isEmpty()) {
			return options;
		}
		Socks5ChannelConfigurer own = options.channelConfigurer();
		return options.toBuilder().channelConfigurer((channel) -> {
			if (own != null) {
				own.configure(channel);
			}
			for (Socks5UdpChannelCustomizer customizer : this.channelCustomizers) {
				customizer.customize(channel);
			}
		}).build();
	}

	/**
	 * Start the associations: open the warm ones now, the others on first use. With
	 * fail-fast, wait for each warm one's first attempt.
	 * @param failFast whether a failed first attempt of a warm association fails the
	 * start
	 * @throws Socks5UdpStartupException if fail-fast is on and a warm association cannot
	 * be opened; the pool is stopped again
	 */
	void start(boolean failFast) {
		synchronized (this.monitor) {
			if (this.running) {
				return;
			}
			this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("socks5-udp-reconnect"));
			this.openExecutor = Executors.newCachedThreadPool(daemonThreads("socks5-udp-associate-"));
			Map<ManagedAssociation, CompletableFuture<@Nullable Throwable>> firstAttempts = new LinkedHashMap<>();
			for (ManagedAssociation association : this.associations.values()) {
				boolean warm = association.isWarm();
				CompletableFuture<@Nullable Throwable> first = association.start(this.scheduler, this.openExecutor,
						warm, failFast);
				if (warm) {
					firstAttempts.put(association, first);
				}
			}
			scheduleIdleChecks();
			this.running = true;
			if (failFast) {
				awaitFirstAttempts(firstAttempts);
			}
		}
	}

	private void scheduleIdleChecks() {
		Duration timeout = this.settings.idleTimeout();
		if (timeout.isZero()) {
			return;
		}
		Duration quarter = timeout.dividedBy(4);
		long period = Math.max(1,
				((quarter.compareTo(MAX_IDLE_CHECK_PERIOD) < 0) ? quarter : MAX_IDLE_CHECK_PERIOD).toMillis());
		// Only called from start(), once the scheduler exists
		Objects.requireNonNull(this.scheduler).scheduleWithFixedDelay(() -> {
			for (ManagedAssociation association : this.associations.values()) {
				association.closeIfIdle();
			}
		}, period, period, TimeUnit.MILLISECONDS);
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
	 * Stop every association and the threads that open them.
	 */
	void stop() {
		synchronized (this.monitor) {
			if (this.scheduler == null) {
				return;
			}
			this.running = false;
			for (ManagedAssociation association : this.associations.values()) {
				association.stop();
			}
			this.scheduler.shutdownNow();
			Objects.requireNonNull(this.openExecutor).shutdownNow();
			this.scheduler = null;
			this.openExecutor = null;
		}
	}

	boolean isRunning() {
		return this.running;
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix);
			thread.setDaemon(true);
			return thread;
		};
	}

}
