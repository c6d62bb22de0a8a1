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

import io.socks5udp.core.protocol.Socks5Errno;
import io.socks5udp.template.Socks5UdpErrors;
import io.socks5udp.template.Socks5UdpStartupException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link Socks5UdpStartupException}: with {@code socks5.udp.fail-fast}, a
 * server could not be associated with at startup.
 *
 * @author socks5-udp authors
 */
class Socks5UdpStartupFailureAnalyzer extends AbstractFailureAnalyzer<Socks5UdpStartupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, Socks5UdpStartupException cause) {
		String prefix = "socks5.udp.servers." + cause.serverName() + ".";
		String description = "Could not open a UDP association with SOCKS5 server '" + cause.serverName() + "' at "
				+ cause.serverAddress() + " at startup:\n\n    Error: " + Socks5UdpErrors.describe(cause.getCause())
				+ "\n";
		String check = (cause.errno() == Socks5Errno.S5_EAUTH || cause.errno() == Socks5Errno.S5_ENOMETHOD)
				? "Check " + prefix + "username and " + prefix + "password against the server's users"
				: "Check that the server is running and reachable at " + cause.serverAddress() + " (" + prefix
						+ "host and " + prefix + "port)";
		return new FailureAnalysis(description, check
				+ ", or set socks5.udp.fail-fast=false to start anyway and keep re-associating in the background.",
				cause);
	}

}
