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

import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Tells of the changes of failover groups: logs them, and hands a
 * {@link Socks5UdpFailoverEvent} to the association listeners and the application event
 * publisher.
 *
 * @author socks5-udp authors
 */
final class FailoverEvents {

	private static final Log logger = LogFactory.getLog(FailoverGroup.class);

	private final Object source;

	private final List<ManagedAssociationListener> listeners;

	private volatile @Nullable Consumer<Object> publisher;

	FailoverEvents(Object source, List<ManagedAssociationListener> listeners) {
		this.source = source;
		this.listeners = listeners;
	}

	void publisher(@Nullable Consumer<Object> publisher) {
		this.publisher = publisher;
	}

	void failedOver(FailoverGroup group, ManagedAssociation server, @Nullable ManagedAssociation carrier,
			Throwable cause) {
		logger.warn("Server '" + server.name() + "' (" + server.serverAddress() + ") of rule [" + group.name()
				+ "] failed, " + Socks5UdpErrors.describe(cause) + "; its traffic goes to "
				+ ((carrier != null) ? "'" + carrier.name() + "'" : "no server: every one failed"));
		publish(new Socks5UdpFailoverEvent(this.source, group.name(), server.name(),
				Socks5UdpFailoverEvent.Kind.FAILED_OVER, (carrier != null) ? carrier.name() : null, cause));
	}

	void returned(FailoverGroup group, ManagedAssociation server, @Nullable ManagedAssociation carrier) {
		logger.info("Server '" + server.name() + "' (" + server.serverAddress() + ") of rule [" + group.name()
				+ "] works again and takes its traffic back");
		publish(new Socks5UdpFailoverEvent(this.source, group.name(), server.name(),
				Socks5UdpFailoverEvent.Kind.RETURNED, (carrier != null) ? carrier.name() : null, null));
	}

	private void publish(Socks5UdpFailoverEvent event) {
		for (ManagedAssociationListener listener : this.listeners) {
			listener.failover(event);
		}
		Consumer<Object> publisher = this.publisher;
		if (publisher != null) {
			publisher.accept(event);
		}
	}

}
