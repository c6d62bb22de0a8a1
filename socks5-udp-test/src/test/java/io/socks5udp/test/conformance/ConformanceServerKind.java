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

package io.socks5udp.test.conformance;

/**
 * The kinds of server the conformance cases need.
 *
 * @author socks5-udp authors
 */
enum ConformanceServerKind {

	/** Relays UDP for clients that choose no authentication. */
	NO_AUTH,

	/**
	 * Relays UDP for clients that log in with
	 * {@link io.socks5udp.test.dante.DanteUsers#credentials() the test account}; refuses
	 * every other login.
	 */
	USERNAME_PASSWORD,

	/**
	 * Accepts clients without authentication but refuses UDP ASSOCIATE by its rule set.
	 */
	UDP_ASSOCIATE_REFUSED

}
