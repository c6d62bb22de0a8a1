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

import java.net.ConnectException;

import io.socks5udp.core.protocol.Socks5AuthenticationException;
import io.socks5udp.template.Socks5UdpStartupException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationContextException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5UdpStartupFailureAnalyzer}.
 *
 * @author socks5-udp authors
 */
class Socks5UdpStartupFailureAnalyzerTests {

	private final Socks5UdpStartupFailureAnalyzer analyzer = new Socks5UdpStartupFailureAnalyzer();

	@Test
	void unreachableServerPointsAtHostAndPortAndFailFast() {
		FailureAnalysis analysis = this.analyzer.analyze(wrapped(
				new Socks5UdpStartupException("corp", "127.0.0.1:1080", new ConnectException("Connection refused"))));
		assertThat(analysis.getDescription()).contains("SOCKS5 server 'corp' at 127.0.0.1:1080")
			.contains("Error: ConnectException (Connection refused)");
		assertThat(analysis.getAction()).contains("socks5.udp.servers.corp.host")
			.contains("socks5.udp.servers.corp.port")
			.contains("socks5.udp.fail-fast=false");
	}

	@Test
	void authenticationFailurePointsAtTheCredentials() {
		FailureAnalysis analysis = this.analyzer.analyze(wrapped(new Socks5UdpStartupException("corp", "127.0.0.1:1080",
				new Socks5AuthenticationException("Server rejected username 'alice'"))));
		assertThat(analysis.getDescription()).contains("Error: S5_EAUTH");
		assertThat(analysis.getAction()).startsWith(
				"Check socks5.udp.servers.corp.username and socks5.udp.servers.corp.password against the server's users");
	}

	private static Throwable wrapped(Socks5UdpStartupException failure) {
		return new ApplicationContextException("Failed to start bean 'socks5UdpTemplate'", failure);
	}

}
