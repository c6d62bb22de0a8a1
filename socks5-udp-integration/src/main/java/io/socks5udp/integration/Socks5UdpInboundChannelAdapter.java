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

package io.socks5udp.integration;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.template.Socks5UdpDatagramListener;
import io.socks5udp.template.Socks5UdpListenerRegistration;
import io.socks5udp.template.Socks5UdpOperations;
import io.socks5udp.template.Socks5UdpRoute;
import io.socks5udp.template.Socks5UdpTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.messaging.Message;
import org.springframework.util.Assert;

/**
 * Inbound channel adapter: every datagram that arrives through the routes of a
 * {@link Socks5UdpOperations} (all of them, or those of the servers named) becomes a
 * {@code Message<byte[]>} with the {@link org.springframework.integration.ip.IpHeaders}
 * of the remote source and the {@link Socks5UdpHeaders}. The SOCKS5 counterpart of the ip
 * module's {@code UnicastReceivingChannelAdapter}.
 * <p>
 * Messages are sent on the template's receive thread unless a task executor is set; a
 * slow flow should start with an executor or queue channel so that it does not hold up
 * the route. Once registered with the template, the adapter publishes a
 * {@link Socks5UdpInboundChannelAdapterListeningEvent}. A dropped datagram reported to
 * the adapter becomes an {@link org.springframework.messaging.support.ErrorMessage} on
 * the error channel, when one is set, with a {@link Socks5UdpDatagramDroppedException}
 * payload that names the reason.
 * <p>
 * The servers an adapter {@link #setServerNames(String...) names} are made warm on a
 * {@link Socks5UdpTemplate}: associated when the template starts (and checked by its
 * fail-fast) if the adapter starts automatically, or at once when the adapter starts
 * later, rather than on the first datagram sent through them. An adapter that receives
 * from every route warms none.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpInboundChannelAdapter extends MessageProducerSupport implements ApplicationEventPublisherAware {

	private final Socks5UdpOperations template;

	private volatile List<String> serverNames = List.of();

	private volatile @Nullable Executor taskExecutor;

	private @Nullable ApplicationEventPublisher applicationEventPublisher;

	private volatile @Nullable Socks5UdpListenerRegistration registration;

	/**
	 * Create an adapter for the datagrams received through a template.
	 * @param template the template whose routes the datagrams come through
	 */
	public Socks5UdpInboundChannelAdapter(Socks5UdpOperations template) {
		Assert.notNull(template, "'template' must not be null");
		this.template = template;
	}

	/**
	 * Receive only the datagrams relayed by these servers; by default the adapter
	 * receives from every route, the direct one ({@value Socks5UdpRoute#DIRECT_NAME})
	 * included.
	 * @param serverNames the logical server names, {@value Socks5UdpRoute#DIRECT_NAME}
	 * for the direct route; none for all routes
	 */
	public void setServerNames(String... serverNames) {
		Assert.notNull(serverNames, "'serverNames' must not be null");
		Assert.noNullElements(serverNames, "'serverNames' must not contain null elements");
		this.serverNames = List.copyOf(Arrays.asList(serverNames));
	}

	/**
	 * Return the names of the servers this adapter receives from.
	 * @return the server names, empty for all routes
	 */
	public List<String> getServerNames() {
		return this.serverNames;
	}

	/**
	 * Send the messages on this executor instead of the template's receive thread. The
	 * payload is copied on the receive thread first.
	 * @param taskExecutor the executor, or {@code null} to send on the receive thread
	 */
	public void setTaskExecutor(@Nullable Executor taskExecutor) {
		this.taskExecutor = taskExecutor;
	}

	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher applicationEventPublisher) {
		this.applicationEventPublisher = applicationEventPublisher;
	}

	/**
	 * Return whether the adapter is registered with the template and receives datagrams.
	 * @return whether the adapter is listening
	 */
	public boolean isListening() {
		return this.registration != null;
	}

	@Override
	public String getComponentType() {
		return "socks5udp:inbound-channel-adapter";
	}

	@Override
	protected void onInit() {
		super.onInit();
		// Before the template starts (its phase is earlier), so that it associates these
		// servers at start and fail-fast checks them
		if (isAutoStartup()) {
			warmServers();
		}
	}

	@Override
	protected void doStart() {
		warmServers();
		this.registration = this.template.addListener(new Listener());
		ApplicationEventPublisher publisher = this.applicationEventPublisher;
		if (publisher != null) {
			publisher.publishEvent(new Socks5UdpInboundChannelAdapterListeningEvent(this, this.serverNames));
		}
	}

	@Override
	protected void doStop() {
		Socks5UdpListenerRegistration current = this.registration;
		this.registration = null;
		if (current != null) {
			current.remove();
		}
		super.doStop();
	}

	private void warmServers() {
		if (!(this.template instanceof Socks5UdpTemplate socks5UdpTemplate)) {
			return;
		}
		for (String name : this.serverNames) {
			if (!Socks5UdpRoute.DIRECT_NAME.equals(name) && socks5UdpTemplate.warm(name) == null) {
				logger.info(() -> "No server named '" + name + "' in the template: it is associated on first use");
			}
		}
	}

	private boolean accepts(Socks5UdpRoute route) {
		List<String> names = this.serverNames;
		return names.isEmpty() || names.contains(route.serverName());
	}

	/**
	 * Report a datagram that the template dropped before it could become a message: an
	 * {@link org.springframework.messaging.support.ErrorMessage} with a
	 * {@link Socks5UdpDatagramDroppedException} goes to the error channel, if one is set
	 * and the route is one this adapter receives from.
	 * @param reason why the datagram was dropped
	 * @param source the remote source, or {@code null} when it is not known
	 * @param route the route the datagram came through
	 */
	void dropped(Socks5DropReason reason, @Nullable Socks5Address source, Socks5UdpRoute route) {
		if (!accepts(route)) {
			return;
		}
		Socks5UdpDatagramDroppedException drop = new Socks5UdpDatagramDroppedException(reason, route.serverName(),
				source);
		if (!sendErrorMessageIfNecessary(null, drop)) {
			logger.debug(drop::getMessage);
		}
	}

	private void deliver(Message<byte[]> message) {
		Executor executor = this.taskExecutor;
		if (executor != null) {
			executor.execute(() -> sendMessage(message));
		}
		else {
			sendMessage(message);
		}
	}

	/**
	 * The adapter's template listener.
	 */
	private final class Listener implements Socks5UdpDatagramListener {

		@Override
		public void onDatagram(Socks5Address source, ByteBuffer payload, Socks5UdpRoute route) {
			if (accepts(route)) {
				deliver(Socks5UdpInboundMessages.toMessage(getMessageBuilderFactory(), source, payload, route));
			}
		}

		@Override
		public void onDrop(Socks5DropReason reason, @Nullable Socks5Address source, Socks5UdpRoute route) {
			dropped(reason, source, route);
		}

	}

}
