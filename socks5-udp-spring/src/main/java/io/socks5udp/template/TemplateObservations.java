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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressText;
import io.socks5udp.observation.DefaultSocks5UdpAssociationObservationConvention;
import io.socks5udp.observation.DefaultSocks5UdpRequestObservationConvention;
import io.socks5udp.observation.Socks5UdpAssociationObservationContext;
import io.socks5udp.observation.Socks5UdpAssociationObservationConvention;
import io.socks5udp.observation.Socks5UdpObservationDocumentation;
import io.socks5udp.observation.Socks5UdpRequestObservationContext;
import io.socks5udp.observation.Socks5UdpRequestObservationContext.Outcome;
import io.socks5udp.observation.Socks5UdpRequestObservationConvention;
import org.jspecify.annotations.Nullable;

/**
 * The observations a template makes, {@link Socks5UdpObservationDocumentation documented}
 * there: of association attempts and of request/reply exchanges. Without an
 * {@link ObservationRegistry} (the default) none is made, and the only cost is one check
 * per attempt or request; plain sends are never observed.
 *
 * @author socks5-udp authors
 */
final class TemplateObservations {

	private static final Socks5UdpAssociationObservationConvention DEFAULT_ASSOCIATION_CONVENTION = new DefaultSocks5UdpAssociationObservationConvention();

	private static final Socks5UdpRequestObservationConvention DEFAULT_REQUEST_CONVENTION = new DefaultSocks5UdpRequestObservationConvention();

	private volatile ObservationRegistry registry = ObservationRegistry.NOOP;

	private volatile @Nullable Socks5UdpAssociationObservationConvention associationConvention;

	private volatile @Nullable Socks5UdpRequestObservationConvention requestConvention;

	void setRegistry(ObservationRegistry registry) {
		this.registry = registry;
	}

	void setAssociationConvention(@Nullable Socks5UdpAssociationObservationConvention convention) {
		this.associationConvention = convention;
	}

	void setRequestConvention(@Nullable Socks5UdpRequestObservationConvention convention) {
		this.requestConvention = convention;
	}

	/**
	 * Start the observation of an attempt to open a server's association.
	 * @param owner the managed association
	 * @param reassociation whether the attempt follows a failure
	 * @return the started observation, or {@code null} without a registry
	 */
	@Nullable Observation associationAttempt(ManagedAssociation owner, boolean reassociation) {
		ObservationRegistry current = this.registry;
		if (current.isNoop()) {
			return null;
		}
		Socks5UdpAssociationObservationContext context = new Socks5UdpAssociationObservationContext(owner.name(),
				owner.serverAddress(), reassociation);
		return Socks5UdpObservationDocumentation.ASSOCIATE
			.observation(this.associationConvention, DEFAULT_ASSOCIATION_CONVENTION, () -> context, current)
			.start();
	}

	static void attemptSucceeded(@Nullable Observation observation, @Nullable InetSocketAddress relayAddress) {
		if (observation == null) {
			return;
		}
		if (relayAddress != null
				&& observation.getContext() instanceof Socks5UdpAssociationObservationContext context) {
			context.setRelayAddress(Socks5AddressText.hostAndPort(relayAddress));
		}
		observation.stop();
	}

	static void attemptFailed(@Nullable Observation observation, Throwable failure) {
		if (observation == null) {
			return;
		}
		if (observation.getContext() instanceof Socks5UdpAssociationObservationContext context) {
			context.setErrorCode(Socks5UdpErrors.code(failure));
		}
		observation.error(failure);
		observation.stop();
	}

	/**
	 * Start the observation of a request/reply exchange.
	 * @param serverName the server the request goes through, or
	 * {@value Socks5UdpRoute#DIRECT_NAME}
	 * @param destination the destination
	 * @return the started observation, or {@code null} without a registry
	 */
	@Nullable Observation request(String serverName, Socks5Address destination) {
		ObservationRegistry current = this.registry;
		if (current.isNoop()) {
			return null;
		}
		Socks5UdpRequestObservationContext context = new Socks5UdpRequestObservationContext(serverName,
				destination.toString());
		return Socks5UdpObservationDocumentation.REQUEST
			.observation(this.requestConvention, DEFAULT_REQUEST_CONVENTION, () -> context, current)
			.start();
	}

	/**
	 * Record which server took a request that went out: the rule's preferred server or,
	 * after a failover, another of its servers.
	 * @param observation the observation, or {@code null} if none was started
	 * @param route the route the request went through
	 */
	static void requestSent(@Nullable Observation observation, Socks5UdpRoute route) {
		if (observation != null && observation.getContext() instanceof Socks5UdpRequestObservationContext context) {
			context.setServerName(route.serverName());
		}
	}

	/**
	 * Stop the observation of a request/reply exchange.
	 * @param observation the observation, or {@code null} if none was started
	 * @param failure why no reply came, or {@code null} if it came
	 */
	static void requestEnded(@Nullable Observation observation, @Nullable Throwable failure) {
		if (observation == null) {
			return;
		}
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		Outcome outcome = outcome(cause);
		if (observation.getContext() instanceof Socks5UdpRequestObservationContext context) {
			context.setOutcome(outcome);
		}
		if (cause != null && outcome != Outcome.CANCELLED) {
			observation.error(cause);
		}
		observation.stop();
	}

	private static Outcome outcome(@Nullable Throwable failure) {
		if (failure == null) {
			return Outcome.SUCCESS;
		}
		if (failure instanceof Socks5UdpReplyTimeoutException) {
			return Outcome.TIMEOUT;
		}
		return (failure instanceof CancellationException) ? Outcome.CANCELLED : Outcome.FAILURE;
	}

}
