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
 * Not API: Linux socket calls that move many datagrams per system call ({@code recvmmsg},
 * {@code sendmmsg}) through the JDK's foreign function API (Java 22 and later), shared by
 * the embedded relay's batched I/O and an association's. May change in any release.
 */
@NullMarked
package io.socks5udp.core.nativeio;

import org.jspecify.annotations.NullMarked;
