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

package io.socks5udp.autoconfigure.docker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.socks5udp.autoconfigure.Socks5UdpConnectionDetails;
import io.socks5udp.autoconfigure.testcontainers.DanteContainerLabels;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;

/**
 * {@link DockerComposeConnectionDetailsFactory} that creates
 * {@link Socks5UdpConnectionDetails} from a Dante service of a Docker Compose file (see
 * {@link DanteServicePredicate} for which services are Dante). The service runs on the
 * host's network ({@code network_mode: host}), since the UDP ports Dante relays through
 * cannot be published ahead of time. Host, port and credentials come from the labels that
 * a Testcontainers Dante container carries as well ({@link DanteContainerLabels}); with
 * no port label, the one TCP port the service lists under {@code expose:} is Dante's. The
 * one server these details hold replaces the {@code socks5.udp.servers} of the
 * properties; with no rules it carries all traffic.
 * <p>
 * The labels are read when Boot reports the services ready, so that a wrong one stops the
 * application at startup with a message that names the container and the label.
 *
 * @author socks5-udp authors
 */
class DanteDockerComposeConnectionDetailsFactory
		extends DockerComposeConnectionDetailsFactory<Socks5UdpConnectionDetails> {

	DanteDockerComposeConnectionDetailsFactory() {
		super(new DanteServicePredicate());
	}

	@Override
	protected Socks5UdpConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
		return new DanteDockerComposeConnectionDetails(source.getRunningService());
	}

	/**
	 * {@link Socks5UdpConnectionDetails} read from the labels and ports of a running
	 * Dante service.
	 */
	static final class DanteDockerComposeConnectionDetails extends DockerComposeConnectionDetails
			implements Socks5UdpConnectionDetails {

		private final Map<String, Server> servers;

		DanteDockerComposeConnectionDetails(RunningService service) {
			super(service);
			String container = service.name() + " (image " + service.image() + ")";
			Map<String, String> labels = service.labels();
			if (!labels.containsKey(DanteContainerLabels.PORT)) {
				labels = new HashMap<>(labels);
				labels.put(DanteContainerLabels.PORT, Integer.toString(exposedPort(service, container)));
			}
			this.servers = DanteContainerLabels.servers(labels, service.host(), container);
		}

		private static int exposedPort(RunningService service, String container) {
			List<Integer> ports = service.ports().getAll("tcp").stream().sorted().toList();
			if (ports.size() == 1) {
				return ports.get(0);
			}
			String exposed = ports.isEmpty() ? "exposes no TCP port" : "exposes TCP ports " + ports;
			throw new IllegalStateException("Container " + container + " has no label " + DanteContainerLabels.PORT
					+ " and " + exposed + " (expected: the port Dante listens on, as that label or as the only port"
					+ " under 'expose:' of a service with network_mode: host)");
		}

		@Override
		public Map<String, Server> getServers() {
			return this.servers;
		}

		@Override
		public String toString() {
			return "DanteDockerComposeConnectionDetails[" + DanteContainerLabels.describe(this.servers) + "]";
		}

	}

}
