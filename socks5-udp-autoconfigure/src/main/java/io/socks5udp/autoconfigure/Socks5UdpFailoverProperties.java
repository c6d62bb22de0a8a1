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

package io.socks5udp.autoconfigure;

import java.time.Duration;

import io.socks5udp.template.Socks5UdpTemplateBuilder;

/**
 * Failover between the servers of a rule that names several
 * ({@code socks5.udp.rules[n].servers}, or socks5c.conf records with the same
 * destination).
 *
 * @author socks5-udp authors
 */
public class Socks5UdpFailoverProperties {

	/**
	 * How long a server that failed (could not associate, or died and could not
	 * re-associate once) is passed over by the rules that name it with alternatives, as
	 * Dante's badexpire; then it is tried again in the background and takes its traffic
	 * back once associated.
	 */
	private Duration retryAfter = Socks5UdpTemplateBuilder.DEFAULT_FAILOVER_RETRY_AFTER;

	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	public void setRetryAfter(Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

}
