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

import io.socks5udp.template.OutageSendPolicy;

/**
 * Behaviour of sends while a server's association is down.
 *
 * @author socks5-udp authors
 */
public class Socks5UdpOutageProperties {

	/**
	 * What a send through a server whose association is down does: 'fail' at once, or
	 * 'wait' up to max-wait for the association to come back. Either way a send that does
	 * not go out is counted as dropped (reason no-association).
	 */
	private OutageSendPolicy sendPolicy = OutageSendPolicy.FAIL;

	/**
	 * Longest time a send waits for its association when send-policy is 'wait'.
	 */
	private Duration maxWait = Duration.ofSeconds(1);

	public OutageSendPolicy getSendPolicy() {
		return this.sendPolicy;
	}

	public void setSendPolicy(OutageSendPolicy sendPolicy) {
		this.sendPolicy = sendPolicy;
	}

	public Duration getMaxWait() {
		return this.maxWait;
	}

	public void setMaxWait(Duration maxWait) {
		this.maxWait = maxWait;
	}

}
