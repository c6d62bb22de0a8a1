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
 * An embedded SOCKS5 UDP relay (RFC 1928 UDP ASSOCIATE, RFC 1929 username/password) for
 * tests and local development, with fault injection and counters; a JUnit Jupiter
 * extension that starts it around tests; and a main class that runs it on its own.
 * <p>
 * It is a real relay, not a mock: it relays to any destination it is told, so run it on
 * loopback only. It is not meant for production use.
 */
@NullMarked
package io.socks5udp.test.relay;

import org.jspecify.annotations.NullMarked;
