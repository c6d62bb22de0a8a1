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
 * Cross-process harness: each client (a plain C client, this project's core client,
 * template and Spring Integration adapters) runs as its own process against one external
 * echo target through one relay process (this project's standalone relay, Dante), with
 * the CPU of the client process and of the relay process per round trip.
 */
@NullMarked
package io.socks5udp.benchmarks.xproc;

import org.jspecify.annotations.NullMarked;
