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

/**
 * Docker Compose service connection for SOCKS5 servers. With spring-boot-docker-compose
 * on the class path, a Dante service of the application's {@code compose.yaml} becomes
 * its server, with no {@code socks5.udp.*} property: <pre class="code">
 * services:
 *   dante:
 *     image: socks5-udp/dante:1.4.2
 *     network_mode: host
 *     expose:
 *       - "11080/tcp"
 *     labels:
 *       io.socks5udp.dante.host: 127.0.0.1
 * </pre> The service must use the host's network: Dante relays each association through a
 * UDP port it picks, which no {@code ports:} entry can publish. The port comes from the
 * {@code io.socks5udp.dante.port} label or the one port under {@code expose:} (which Boot
 * also waits on until Dante accepts connections); the server is named {@code dante}
 * unless {@code io.socks5udp.dante.server-name} says otherwise;
 * {@code io.socks5udp.dante.username} and {@code io.socks5udp.dante.password} log the
 * client in (RFC 1929).
 */
@NullMarked
package io.socks5udp.autoconfigure.docker;

import org.jspecify.annotations.NullMarked;
