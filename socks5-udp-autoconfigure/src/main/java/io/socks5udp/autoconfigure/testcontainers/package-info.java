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
 * {@code @ServiceConnection} support for SOCKS5 servers in tests. With
 * spring-boot-testcontainers and socks5-udp-test on the test class path, a Dante
 * container becomes the server of a {@code @SpringBootTest}, with no {@code socks5.udp.*}
 * property: <pre class="code">
 * &#064;Testcontainers
 * &#064;SpringBootTest
 * class MyTests {
 *
 *     &#064;Container
 *     &#064;ServiceConnection
 *     static DanteContainer dante = new DanteContainer();
 *
 * }
 * </pre> The server is named {@code dante} ({@code DanteContainer.withServerName(...)}
 * chooses another name), so {@code socks5.udp.servers.dante.*} settings such as timeouts
 * still apply; it replaces the servers of the properties, and with no rule it carries all
 * traffic. With {@code withUsernameAuthentication()} the client logs in as the user added
 * last with {@code withUser(...)}.
 * <p>
 * The embedded relay of socks5-udp-test is no container, but it plugs in the same way
 * through a bean of connection details, which the properties then give way to:
 * <pre class="code">
 * &#064;Bean(destroyMethod = "close")
 * EmbeddedSocks5Relay relay() throws IOException {
 *     return EmbeddedSocks5Relay.builder().build().start();
 * }
 *
 * &#064;Bean
 * Socks5UdpConnectionDetails relayConnectionDetails(EmbeddedSocks5Relay relay) {
 *     return () -&gt; Map.of("relay", Server.of(relay.host(), relay.port(), null, null));
 * }
 * </pre>
 */
@NullMarked
package io.socks5udp.autoconfigure.testcontainers;

import org.jspecify.annotations.NullMarked;
