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

package io.socks5udp.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.observation.Socks5UdpTelemetryNames;
import io.socks5udp.template.ManagedAssociation;
import io.socks5udp.template.ManagedAssociationListener;
import io.socks5udp.template.Socks5UdpErrors;
import io.socks5udp.template.Socks5UdpFailoverEvent;
import io.socks5udp.template.Socks5UdpRoute;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.template.Socks5UdpTraffic;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Micrometer meters of a {@link Socks5UdpTemplate}, each tagged with the {@code server}
 * ({@value Socks5UdpRoute#DIRECT_NAME} for the direct route). A server's meters are
 * registered at its first association attempt (on its first use, or at start if it is
 * warm), so that a server nothing has needed has none; the direct route's are registered
 * at once. Names as {@link Socks5UdpTelemetryNames} keeps them:
 * <ul>
 * <li>{@code socks5.udp.datagrams.sent}, {@code socks5.udp.datagrams.received};
 * {@code socks5.udp.sent}, {@code socks5.udp.received} (payload, base unit bytes);</li>
 * <li>{@code socks5.udp.datagrams.dropped}, tagged {@code reason}:
 * {@code foreign-source}, {@code malformed}, {@code fragment}, {@code oversize},
 * {@code no-association};</li>
 * <li>{@code socks5.udp.associations.active}: 1 while the server's association is up,
 * else 0;</li>
 * <li>{@code socks5.udp.handshake}: time to connect and complete the handshake, tagged
 * {@code outcome} ({@code success} or {@code failure});</li>
 * <li>{@code socks5.udp.reconnects}: attempts to re-establish an association, tagged
 * {@code outcome} and {@code error} (the {@code S5_*} name or exception class of a
 * failure, {@code none} on success).</li>
 * </ul>
 *
 * @author socks5-udp authors
 */
public class Socks5UdpMetrics implements MeterBinder, ManagedAssociationListener {

	private final Socks5UdpTemplate template;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	// The servers that have had an association attempt since this was created
	private final Set<String> attempted = ConcurrentHashMap.newKeySet();

	/**
	 * Create the meters of a template; they report once {@link #bindTo bound}.
	 * @param template the template
	 */
	public Socks5UdpMetrics(Socks5UdpTemplate template) {
		Assert.notNull(template, "'template' must not be null");
		this.template = template;
		template.addAssociationListener(this);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		// Added first: an association attempted from here on is bound by attempting(),
		// one
		// attempted before is bound below; one in between is bound twice, which registers
		// nothing new
		this.registries.add(registry);
		for (ManagedAssociation association : this.template.associations().values()) {
			if (this.attempted.contains(association.name()) || hasBeenNeeded(association)) {
				bindAssociation(registry, association);
			}
		}
		bindTraffic(registry, Socks5UdpRoute.DIRECT_NAME, this.template.directTraffic());
	}

	private static boolean hasBeenNeeded(ManagedAssociation association) {
		ManagedAssociation.State state = association.state();
		return state == ManagedAssociation.State.CONNECTING || state == ManagedAssociation.State.UP
				|| state == ManagedAssociation.State.DOWN;
	}

	/**
	 * Bind the meters of the association's server, on its first attempt: before it
	 * connects, so that they count its first datagram as soon as it goes.
	 */
	@Override
	public void attempting(ManagedAssociation association) {
		if (this.attempted.add(association.name())) {
			for (MeterRegistry registry : this.registries) {
				bindAssociation(registry, association);
			}
		}
	}

	private static void bindAssociation(MeterRegistry registry, ManagedAssociation association) {
		bindTraffic(registry, association.name(), association.traffic());
		Gauge.builder(Socks5UdpTelemetryNames.ASSOCIATIONS_ACTIVE, association, Socks5UdpMetrics::active)
			.tag(Socks5UdpTelemetryNames.SERVER, association.name())
			.description("Whether the server's association is up (1) or not (0)")
			.register(registry);
	}

	private static double active(ManagedAssociation association) {
		return (association.state() == ManagedAssociation.State.UP) ? 1 : 0;
	}

	private static void bindTraffic(MeterRegistry registry, String server, Socks5UdpTraffic traffic) {
		counter(registry, Socks5UdpTelemetryNames.DATAGRAMS_SENT, server, traffic, Socks5UdpTraffic::datagramsSent,
				"Datagrams sent", null);
		counter(registry, Socks5UdpTelemetryNames.DATAGRAMS_RECEIVED, server, traffic,
				Socks5UdpTraffic::datagramsReceived, "Datagrams received", null);
		counter(registry, Socks5UdpTelemetryNames.SENT, server, traffic, Socks5UdpTraffic::bytesSent,
				"Payload bytes sent", BaseUnits.BYTES);
		counter(registry, Socks5UdpTelemetryNames.RECEIVED, server, traffic, Socks5UdpTraffic::bytesReceived,
				"Payload bytes received", BaseUnits.BYTES);
		for (Socks5DropReason reason : Socks5DropReason.values()) {
			FunctionCounter.builder(Socks5UdpTelemetryNames.DATAGRAMS_DROPPED, traffic, (t) -> t.dropped(reason))
				.tag(Socks5UdpTelemetryNames.SERVER, server)
				.tag(Socks5UdpTelemetryNames.REASON, reason.tag())
				.description("Datagrams dropped instead of being sent or delivered")
				.register(registry);
		}
	}

	private static void counter(MeterRegistry registry, String name, String server, Socks5UdpTraffic traffic,
			ToDoubleFunction<Socks5UdpTraffic> value, String description, @Nullable String baseUnit) {
		FunctionCounter.builder(name, traffic, value)
			.tag(Socks5UdpTelemetryNames.SERVER, server)
			.description(description)
			.baseUnit(baseUnit)
			.register(registry);
	}

	@Override
	public void opened(ManagedAssociation association, Duration handshake, boolean reconnect) {
		for (MeterRegistry registry : this.registries) {
			handshakeTimer(registry, association, Socks5UdpTelemetryNames.SUCCESS).record(handshake);
			if (reconnect) {
				reconnects(registry, association, Socks5UdpTelemetryNames.SUCCESS, Socks5UdpTelemetryNames.NONE)
					.increment();
			}
		}
	}

	@Override
	public void openFailed(ManagedAssociation association, Duration elapsed, Throwable failure, boolean reconnect) {
		String error = Socks5UdpErrors.code(failure);
		for (MeterRegistry registry : this.registries) {
			handshakeTimer(registry, association, Socks5UdpTelemetryNames.FAILURE).record(elapsed);
			if (reconnect) {
				reconnects(registry, association, Socks5UdpTelemetryNames.FAILURE, error).increment();
			}
		}
	}

	private static Timer handshakeTimer(MeterRegistry registry, ManagedAssociation association, String outcome) {
		return Timer.builder(Socks5UdpTelemetryNames.HANDSHAKE)
			.tag(Socks5UdpTelemetryNames.SERVER, association.name())
			.tag(Socks5UdpTelemetryNames.OUTCOME, outcome)
			.description("Time to connect to the server and complete the UDP ASSOCIATE handshake")
			.register(registry);
	}

	private static Counter reconnects(MeterRegistry registry, ManagedAssociation association, String outcome,
			String error) {
		return Counter.builder(Socks5UdpTelemetryNames.RECONNECTS)
			.tag(Socks5UdpTelemetryNames.SERVER, association.name())
			.tag(Socks5UdpTelemetryNames.OUTCOME, outcome)
			.tag(Socks5UdpTelemetryNames.ERROR, error)
			.description("Attempts to re-establish an association after a failure")
			.register(registry);
	}

	/**
	 * Count a failover of a rule with alternatives away from a server
	 * ({@code socks5.udp.failovers}), or the server's return
	 * ({@code socks5.udp.failover.returns}), tagged with the server and the rule.
	 * @param event the change
	 */
	@Override
	public void failover(Socks5UdpFailoverEvent event) {
		boolean returned = event.getKind() == Socks5UdpFailoverEvent.Kind.RETURNED;
		for (MeterRegistry registry : this.registries) {
			Counter.builder(returned ? Socks5UdpTelemetryNames.FAILOVER_RETURNS : Socks5UdpTelemetryNames.FAILOVERS)
				.tag(Socks5UdpTelemetryNames.SERVER, event.getServer())
				.tag(Socks5UdpTelemetryNames.RULE, event.getRule())
				.description(returned ? "Times a server took a rule's traffic back after a failure"
						: "Times a rule's traffic moved away from a failed server to its next one")
				.register(registry)
				.increment();
		}
	}

}
