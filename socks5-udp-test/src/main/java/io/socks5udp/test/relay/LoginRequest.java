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

/**
 * A username/password request (RFC 1929) as the relay received it: the raw bytes, which
 * RFC 1929 does not give a character set.
 *
 * @param username the UNAME bytes
 * @param password the PASSWD bytes
 * @author socks5-udp authors
 */
record LoginRequest(byte[] username, byte[] password) {

	@Override
	public String toString() {
		return "LoginRequest[username=" + this.username.length + " bytes, password=******]";
	}

}
