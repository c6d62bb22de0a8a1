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
package io.socks5udp.test.relay;

import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5AddressType;
import org.jspecify.annotations.Nullable;

/**
 * A command request (RFC 1928 section 4) as the relay received it.
 *
 * @param command the CMD byte
 * @param addressType the ATYP of DST.ADDR
 * @param destination DST.ADDR and DST.PORT, or {@code null} when the address type is
 * unknown
 * @author socks5-udp authors
 */
record CommandRequest(byte command, Socks5AddressType addressType, @Nullable Socks5Address destination) {

}
