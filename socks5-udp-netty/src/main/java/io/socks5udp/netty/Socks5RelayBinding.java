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
package io.socks5udp.netty;

import java.net.InetSocketAddress;

import io.netty.channel.Channel;
import io.socks5udp.core.protocol.Socks5Address;

/**
 * An association granted by the server: its control connection, BND as replied, and the
 * relay datagrams go to.
 *
 * @param control the control connection; its close ends the association
 * @param bound BND.ADDR and BND.PORT as replied
 * @param relay the relay address chosen from BND
 * @author socks5-udp authors
 */
record Socks5RelayBinding(Channel control, Socks5Address bound, InetSocketAddress relay) {

}
