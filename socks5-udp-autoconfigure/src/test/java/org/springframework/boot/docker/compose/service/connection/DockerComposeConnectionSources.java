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

package org.springframework.boot.docker.compose.service.connection;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.core.env.StandardEnvironment;

/**
 * Creates a {@link DockerComposeConnectionSource} for a service, as Boot does once Docker
 * Compose reports it running. In Boot's package because the source's constructor is
 * package-private: Boot makes sources only from the output of the Compose CLI, and the
 * factory tests give it the services that output would describe.
 *
 * @author socks5-udp authors
 */
public final class DockerComposeConnectionSources {

	private DockerComposeConnectionSources() {
	}

	/**
	 * Return the source Boot would give a connection details factory for the service.
	 * @param service the running service
	 * @return the source
	 */
	public static DockerComposeConnectionSource of(RunningService service) {
		return new DockerComposeConnectionSource(service, new StandardEnvironment());
	}

}
