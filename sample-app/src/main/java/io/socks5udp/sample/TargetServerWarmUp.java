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

package io.socks5udp.sample;

import java.util.Objects;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.registry.Socks5ServerSelection;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.template.Socks5UdpTemplateCustomizer;

/**
 * Makes the server that {@code sample.target} routes to warm, so that the template
 * associates with it at startup and fail-fast ends a run whose server is unreachable
 * before the first ping, in one line with status 2. Every other server the rules name is
 * left alone: associations open on demand, and nothing this run sends needs them.
 *
 * @author socks5-udp authors
 */
class TargetServerWarmUp implements Socks5UdpTemplateCustomizer {

	private final SampleProperties properties;

	TargetServerWarmUp(SampleProperties properties) {
		this.properties = properties;
	}

	@Override
	public void customize(Socks5UdpTemplate template) {
		Socks5Address target = this.properties.getTarget();
		if (target == null) {
			return;
		}
		Socks5ServerSelection route = template.registry().lookup(target);
		if (!route.isDirect()) {
			template.warm(Objects.requireNonNull(route.server()));
		}
	}

}
