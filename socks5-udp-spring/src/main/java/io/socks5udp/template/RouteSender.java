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
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.registry.Socks5ServerSelection;
import io.socks5udp.core.registry.Socks5ServerEndpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Sends each datagram on the route the registry chose for it: the direct route, the
 * association with the server the route names, or for a route with alternatives, the
 * association with the server its {@link FailoverGroup failover group} chooses (the next
 * one when the chosen one refuses the datagram after a failed attempt). A request of
 * {@code sendAndReceive} is registered with the {@link PendingReplies} before it goes
 * out, so that no reply can slip past it. Requests are {@link TemplateObservations
 * observed} where the template has an observation registry.
 *
 * @param direct the direct route
 * @param pool the associations with the servers
 * @param pendingReplies the requests waiting for their replies
 * @param observations the observations of requests
 * @author socks5-udp authors
 */
record RouteSender(DirectRoute direct, AssociationPool pool, PendingReplies pendingReplies,
		TemplateObservations observations) {

	Socks5UdpRoute send(Socks5ServerSelection route, Socks5Address destination, byte[] payload, int offset,
			int length) {
		if (route.isDirect()) {
			this.direct.send(destination, this.direct.resolve(destination), ByteBuffer.wrap(payload, offset, length));
			return Socks5UdpRoute.DIRECT;
		}
		if (route.servers().size() == 1) {
			return this.pool.association(server(route)).send(destination, payload, offset, length);
		}
		FailoverGroup group = this.pool.group(route);
		for (int tries = 0;; tries++) {
			ManagedAssociation server = group.choose(destination, route.isSpread());
			if (server == null) {
				return group.preferred().send(destination, payload, offset, length);
			}
			try {
				return server.send(destination, payload, offset, length, group.outage());
			}
			catch (Socks5UdpServerUnavailableException ex) {
				failedOver(group, server, ex, tries);
			}
		}
	}

	Socks5UdpRoute send(Socks5ServerSelection route, Socks5Address destination, ByteBuffer payload) {
		if (route.isDirect()) {
			this.direct.send(destination, this.direct.resolve(destination), payload);
			return Socks5UdpRoute.DIRECT;
		}
		if (route.servers().size() == 1) {
			return this.pool.association(server(route)).send(destination, payload);
		}
		FailoverGroup group = this.pool.group(route);
		for (int tries = 0;; tries++) {
			ManagedAssociation server = group.choose(destination, route.isSpread());
			if (server == null) {
				return group.preferred().send(destination, payload);
			}
			try {
				return server.send(destination, payload, group.outage());
			}
			catch (Socks5UdpServerUnavailableException ex) {
				failedOver(group, server, ex, tries);
			}
		}
	}

	/**
	 * Learn that a server of a group refused a datagram: rethrow the refusal unless the
	 * next server may take the datagram, which then counts it, sent or dropped, instead
	 * of this one.
	 */
	private static void failedOver(FailoverGroup group, ManagedAssociation server,
			Socks5UdpServerUnavailableException refusal, int tries) {
		if (!group.refused(server, refusal) || tries + 1 >= group.size()) {
			throw refusal;
		}
		server.sentElsewhere();
	}

	/**
	 * Send a request and wait for its reply.
	 */
	Socks5UdpReply request(Socks5ServerSelection route, Socks5Address destination, byte[] payload, Duration timeout) {
		Observation observation = this.observations.request(serverName(route), destination);
		try {
			SentRequest sent = sendRequest(route, destination, payload, timeout);
			TemplateObservations.requestSent(observation, sent.route());
			Socks5UdpReply reply = this.pendingReplies.await(sent.request(), sent.route(), timeout);
			TemplateObservations.requestEnded(observation, null);
			return reply;
		}
		catch (RuntimeException ex) {
			TemplateObservations.requestEnded(observation, ex);
			throw ex;
		}
	}

	/**
	 * Send a request; its reply completes the future, or the timeout fails it.
	 */
	CompletableFuture<Socks5UdpReply> requestAsync(Socks5ServerSelection route, Socks5Address destination,
			byte[] payload, Duration timeout) {
		Observation observation = this.observations.request(serverName(route), destination);
		SentRequest sent;
		try {
			sent = sendRequest(route, destination, payload, timeout);
			TemplateObservations.requestSent(observation, sent.route());
		}
		catch (RuntimeException ex) {
			TemplateObservations.requestEnded(observation, ex);
			throw ex;
		}
		CompletableFuture<Socks5UdpReply> reply = sent.request().reply();
		if (observation != null) {
			reply.whenComplete((answer, failure) -> TemplateObservations.requestEnded(observation, failure));
		}
		// The timer goes as soon as the reply is in, so that an answered request holds
		// nothing until its timeout; an expired one fails off the JDK's timer thread
		CompletableFuture<Void> deadline = new CompletableFuture<Void>().orTimeout(timeout.toNanos(),
				TimeUnit.NANOSECONDS);
		reply.whenComplete((answer, failure) -> deadline.complete(null));
		deadline.exceptionallyAsync((expired) -> {
			reply.completeExceptionally(new Socks5UdpReplyTimeoutException(destination, sent.route(), timeout));
			return null;
		});
		return reply;
	}

	/**
	 * Register a request for its reply, then send it: no reply can slip past it.
	 */
	private SentRequest sendRequest(Socks5ServerSelection route, Socks5Address destination, byte[] payload,
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
		else if (route.servers().size() == 1) {
			return sendRequest(this.pool.association(server(route)), null, destination, payload);
		}
		else {
			FailoverGroup group = this.pool.group(route);
			for (int tries = 0;; tries++) {
				ManagedAssociation server = group.choose(destination, route.isSpread());
				if (server == null) {
					return sendRequest(group.preferred(), null, destination, payload);
				}
				try {
					return sendRequest(server, group.outage(), destination, payload);
				}
				catch (Socks5UdpServerUnavailableException ex) {
					failedOver(group, server, ex, tries);
				}
			}
		}
		return new SentRequest(request, used);
	}

	/**
	 * Register a request for its reply from a server, then send it through the server.
	 */
	private SentRequest sendRequest(ManagedAssociation association, @Nullable OutagePolicy outage,
			Socks5Address destination, byte[] payload) {
		PendingReplies.Pending request = this.pendingReplies.register(association.name(), destination, null);
		try {
			Socks5UdpRoute used = (outage != null) ? association.send(destination, payload, 0, payload.length, outage)
					: association.send(destination, payload, 0, payload.length);
			return new SentRequest(request, used);
		}
		catch (RuntimeException ex) {
			this.pendingReplies.remove(request);
			throw ex;
		}
	}

	private record SentRequest(PendingReplies.Pending request, Socks5UdpRoute route) {
	}

	private static String serverName(Socks5ServerSelection route) {
		return route.isDirect() ? Socks5UdpRoute.DIRECT_NAME : server(route).name();
	}

	private static Socks5ServerEndpoint server(Socks5ServerSelection route) {
		// Only a direct route names no server, and callers handle direct routes first
		return Objects.requireNonNull(route.server());
	}

}
