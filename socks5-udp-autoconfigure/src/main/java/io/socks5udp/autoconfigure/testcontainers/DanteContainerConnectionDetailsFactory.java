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

package io.socks5udp.autoconfigure.testcontainers;

import java.util.Map;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.socks5udp.autoconfigure.Socks5UdpConnectionDetails;
import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.Container;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.util.ClassUtils;

/**
 * {@link ContainerConnectionDetailsFactory} that creates
 * {@link Socks5UdpConnectionDetails} from a
 * {@link ServiceConnection @ServiceConnection}-annotated Dante container: a
 * {@code io.socks5udp.test.dante.DanteContainer} (whatever the connection name), or any
 * container of the {@value #IMAGE_NAME} image. The container runs on the host's network,
 * so there is no mapped port: host, port and credentials come from the container's labels
 * ({@link DanteContainerLabels}), which {@code DanteContainer} sets. The one server these
 * details hold replaces the {@code socks5.udp.servers} of the properties; with no rules
 * it carries all traffic.
 *
 * @author socks5-udp authors
 */
class DanteContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<Container<?>, Socks5UdpConnectionDetails> {

	/** Repository of the Dante image, the connection name it gets by default. */
	static final String IMAGE_NAME = "socks5-udp/dante";

	/** Class of the Dante container in socks5-udp-test, which may be absent. */
	static final String DANTE_CONTAINER_CLASS = "io.socks5udp.test.dante.DanteContainer";

	DanteContainerConnectionDetailsFactory() {
		super(IMAGE_NAME);
	}

	@Override
	protected boolean sourceAccepts(ContainerConnectionSource<Container<?>> source, Class<?> requiredContainerType,
			Class<?> requiredConnectionDetailsType) {
		if (super.sourceAccepts(source, requiredContainerType, requiredConnectionDetailsType)) {
			return true;
		}
		ClassLoader classLoader = getClass().getClassLoader();
		if (!ClassUtils.isPresent(DANTE_CONTAINER_CLASS, classLoader)) {
			return false;
		}
		// By type, so that a DanteContainer of another image or with another name still
		// connects.
		Class<?> danteContainer = ClassUtils.resolveClassName(DANTE_CONTAINER_CLASS, classLoader);
		return source.accepts(ANY_CONNECTION_NAME, danteContainer, requiredConnectionDetailsType);
	}

	@Override
	protected Socks5UdpConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
		return new DanteContainerConnectionDetails(source);
	}

	/**
	 * {@link Socks5UdpConnectionDetails} read from the labels of a started Dante
	 * container.
	 */
	static final class DanteContainerConnectionDetails extends ContainerConnectionDetails<Container<?>>
			implements Socks5UdpConnectionDetails {

		private volatile @Nullable Map<String, Server> lastRead;

		DanteContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
			super(source);
		}

		@Override
		public Map<String, Server> getServers() {
			Container<?> container = getContainer();
			InspectContainerResponse info = container.getContainerInfo();
			Map<String, String> labels = (info != null && info.getConfig() != null
					&& info.getConfig().getLabels() != null) ? info.getConfig().getLabels() : Map.of();
			Map<String, Server> servers = DanteContainerLabels.servers(labels, container.getHost(),
					container.getDockerImageName());
			this.lastRead = servers;
			return servers;
		}

		@Override
		public String toString() {
			Map<String, Server> servers = this.lastRead;
			return "DanteContainerConnectionDetails["
					+ ((servers != null) ? DanteContainerLabels.describe(servers) : "for " + getOrigin()) + "]";
		}

	}

}
