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

import io.socks5udp.core.client.Socks5UdpAssociation;

/**
 * An open association and the route of the datagrams it carries, published together so
 * that a sender learns the route of the very association that took its datagram.
 *
 * @param association the open association
 * @param route its route: the server's name and the relay address
 * @author socks5-udp authors
 */
record OpenAssociation(Socks5UdpAssociation association, Socks5UdpRoute route) {

}
