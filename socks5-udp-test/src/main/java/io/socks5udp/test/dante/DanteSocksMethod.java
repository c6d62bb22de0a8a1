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

/**
 * The SOCKS methods a {@link DanteConfig} can ask clients for ({@code socksmethod}).
 *
 * @author socks5-udp authors
 */
public enum DanteSocksMethod {

	/** No authentication (SOCKS5 method X'00'). */
	NONE("none"),

	/**
	 * Username and password (RFC 1929, method X'02'), checked by Dante against the
	 * system's users.
	 */
	USERNAME("username");

	private final String keyword;

	DanteSocksMethod(String keyword) {
		this.keyword = keyword;
	}

	/**
	 * Return the keyword of this method in {@code danted.conf}.
	 * @return the keyword, for example {@code username}
	 */
	public String keyword() {
		return this.keyword;
	}

}
