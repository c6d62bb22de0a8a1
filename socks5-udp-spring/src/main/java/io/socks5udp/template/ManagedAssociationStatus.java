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

import java.net.InetSocketAddress;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A consistent snapshot of a {@link ManagedAssociation}'s state, as health indicators
 * report it.
 *
 * @param serverName the logical name of the server
 * @param serverAddress the server's {@code host:port}
 * @param state the state
 * @param since when the association entered this state
 * @param relayAddress the relay address while {@link ManagedAssociation.State#UP UP},
 * else {@code null}
 * @param openedAt when the current association opened, or {@code null} unless up
 * @param lastError the last failure, or {@code null} if there has been none since the
 * association was last up
 * @param failedAttempts the number of failed attempts since the association was last up
 * @param nextAttemptAt when the next attempt is due while
 * {@link ManagedAssociation.State#DOWN DOWN}, else {@code null}
 * @author socks5-udp authors
 */
public record ManagedAssociationStatus(String serverName, String serverAddress, ManagedAssociation.State state,
		Instant since, @Nullable InetSocketAddress relayAddress, @Nullable Instant openedAt,
		@Nullable Throwable lastError, int failedAttempts, @Nullable Instant nextAttemptAt) {

}
