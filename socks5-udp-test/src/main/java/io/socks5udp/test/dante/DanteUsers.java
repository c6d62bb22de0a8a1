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

package io.socks5udp.test.dante;

import io.socks5udp.core.protocol.Socks5Credentials;

/**
 * The local account the tests use for Dante's username method: a throwaway account for
 * tests on loopback, not a secret. {@code .ci/run} creates it on the machine
 * ({@code useradd -M -s /usr/sbin/nologin s5udp}, then {@code chpasswd}); the Dante image
 * holds it too.
 *
 * @author socks5-udp authors
 */
public final class DanteUsers {

	/** Name of the test account. */
	public static final String USERNAME = "s5udp";

	/** Password of the test account. */
	public static final String PASSWORD = "s5udp-local-test";

	private DanteUsers() {
	}

	/**
	 * Return the credentials of the test account.
	 * @return the credentials
	 */
	public static Socks5Credentials credentials() {
		return new Socks5Credentials(USERNAME, PASSWORD);
	}

}
