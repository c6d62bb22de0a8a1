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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link Socks5UdpConfigurationException}: the property, its value, what is
 * wrong and the fix.
 *
 * @author socks5-udp authors
 */
class Socks5UdpConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<Socks5UdpConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, Socks5UdpConfigurationException cause) {
		StringBuilder description = new StringBuilder("Invalid SOCKS5 UDP configuration:\n\n");
		description.append("    Property: ").append(cause.property()).append('\n');
		if (cause.value() != null) {
			description.append("    Value: ").append(cause.value()).append('\n');
		}
		description.append("    Reason: ").append(cause.problem()).append('\n');
		return new FailureAnalysis(description.toString(), cause.action(), cause);
	}

}
