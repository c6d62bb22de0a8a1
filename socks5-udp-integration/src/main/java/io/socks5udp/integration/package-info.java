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
 * Spring Integration support: relayed datagrams as messages. Inbound channel adapter,
 * outbound channel adapter and outbound gateway on top of
 * {@link io.socks5udp.template.Socks5UdpOperations} (a
 * {@link io.socks5udp.template.Socks5UdpTemplate}, or a mock or decorator of one), with
 * the {@link Socks5Udp} Java DSL factory, modelled on the ip module's {@code Udp} so that
 * a flow written for plain UDP switches to a SOCKS5 relay by changing its endpoints.
 */
@NullMarked
package io.socks5udp.integration;

import org.jspecify.annotations.NullMarked;
