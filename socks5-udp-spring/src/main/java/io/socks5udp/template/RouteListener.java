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

import java.nio.ByteBuffer;

import io.socks5udp.core.client.Socks5AssociationListener;
import io.socks5udp.core.client.Socks5DropReason;
import io.socks5udp.core.protocol.Socks5Address;

import org.jspecify.annotations.Nullable;

/**
 * Hands what one association receives to the template's listeners, on that association's
 * route.
 *
 * @param inbound the template's listeners
 * @param route the association's route
 * @author socks5-udp authors
 */
record RouteListener(Socks5UdpDatagramListener inbound, Socks5UdpRoute route) implements Socks5AssociationListener {

	@Override
	public void onDatagram(Socks5Address source, ByteBuffer payload) {
		this.inbound.onDatagram(source, payload, this.route);
	}

	@Override
	public void onDrop(Socks5DropReason reason, @Nullable Socks5Address source) {
		this.inbound.onDrop(reason, source, this.route);
	}

}
