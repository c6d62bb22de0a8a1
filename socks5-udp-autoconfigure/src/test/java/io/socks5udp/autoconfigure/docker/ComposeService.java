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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;

/**
 * A Docker Compose service as Boot reports it once it runs: its container's name, image,
 * the Docker host, labels and ports. With {@code network_mode: host} Boot reports each
 * port under {@code expose:} as mapped to itself, which is what {@link #of} gives.
 *
 * @param name the container's name, such as {@code sample-app-dante-1}
 * @param image the image
 * @param host the Docker host, {@code 127.0.0.1} for a local daemon
 * @param ports the ports
 * @param labels the labels
 * @author socks5-udp authors
 */
record ComposeService(String name, ImageReference image, String host, ConnectionPorts ports,
		Map<String, String> labels) implements RunningService {

	/**
	 * Return a service on the host's network of a local Docker daemon.
	 * @param image the image, such as {@code socks5-udp/dante:1.4.2}
	 * @param labels the labels
	 * @param exposedTcpPorts the TCP ports under {@code expose:}
	 * @return the service
	 */
	static ComposeService of(String image, Map<String, String> labels, Integer... exposedTcpPorts) {
		return new ComposeService("sample-app-dante-1", ImageReference.of(image), "127.0.0.1",
				new HostNetworkPorts(List.of(exposedTcpPorts)), labels);
	}

	@Override
	public Map<String, @Nullable String> env() {
		return Map.of();
	}

	/**
	 * Ports of a service on the host's network: each exposed TCP port is its own host
	 * port.
	 *
	 * @param tcpPorts the exposed TCP ports
	 */
	record HostNetworkPorts(List<Integer> tcpPorts) implements ConnectionPorts {

		@Override
		public int get(int containerPort) {
			if (!this.tcpPorts.contains(containerPort)) {
				throw new IllegalStateException("No host port mapping found for container port " + containerPort);
			}
			return containerPort;
		}

		@Override
		public List<Integer> getAll() {
			return getAll(null);
		}

		@Override
		public List<Integer> getAll(@Nullable String protocol) {
			return (protocol == null || "tcp".equalsIgnoreCase(protocol)) ? new ArrayList<>(this.tcpPorts) : List.of();
		}

	}

}
