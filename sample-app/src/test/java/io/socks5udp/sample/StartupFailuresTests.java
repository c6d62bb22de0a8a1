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

package io.socks5udp.sample;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;

import io.socks5udp.autoconfigure.Socks5UdpConfigurationException;
import io.socks5udp.core.protocol.Socks5AuthenticationException;
import io.socks5udp.core.protocol.Socks5NoAcceptableMethodException;
import io.socks5udp.template.Socks5UdpStartupException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StartupFailures}.
 *
 * @author socks5-udp authors
 */
class StartupFailuresTests {

	@Test
	void configurationMistakeNamesPropertyAndValue() {
		Socks5UdpConfigurationException mistake = new Socks5UdpConfigurationException("socks5.udp.servers.corp.port",
				"70000", "port: 70000 (expected: 1-65535)", "Set socks5.udp.servers.corp.port to a port such as 1080.",
				null);
		assertThat(StartupFailures.describe(new BeanCreationException("socks5UdpTemplate", "failed", mistake)))
			.isEqualTo("error: socks5.udp.servers.corp.port=70000 is invalid, port: 70000 (expected: 1-65535) "
					+ "(fix: --socks5.udp.servers.corp.port=<a port such as 1080>)");
	}

	@Test
	void configurationMistakeWithLongerAdviceKeepsIt() {
		Socks5UdpConfigurationException mistake = new Socks5UdpConfigurationException("socks5.udp.config-file",
				"/nowhere", "cannot read '/nowhere'", "Make the file readable. Or remove it.", null);
		assertThat(StartupFailures.describe(mistake)).isEqualTo("error: socks5.udp.config-file=/nowhere is invalid, "
				+ "cannot read '/nowhere' (fix: --socks5.udp.config-file=...; Make the file readable. Or remove it.)");
	}

	@Test
	void rejectedPasswordPointsAtTheCredentials() {
		Socks5UdpStartupException failure = new Socks5UdpStartupException("corp", "127.0.0.1:1080",
				new Socks5AuthenticationException("authentication failed (status 0x01)"));
		assertThat(StartupFailures.describe(failure))
			.startsWith("error: SOCKS5 server 'corp' at 127.0.0.1:1080 rejected the username or password: S5_EAUTH")
			.endsWith("(fix: --socks5.udp.servers.corp.username=... --socks5.udp.servers.corp.password=...)");
	}

	@Test
	void serverWantingCredentialsPointsAtTheCredentials() {
		Socks5UdpStartupException failure = new Socks5UdpStartupException("corp", "127.0.0.1:1080",
				new Socks5NoAcceptableMethodException("no acceptable method"));
		assertThat(StartupFailures.describe(failure))
			.startsWith("error: SOCKS5 server 'corp' at 127.0.0.1:1080 accepts none of the authentication methods")
			.endsWith("(fix: --socks5.udp.servers.corp.username=... --socks5.udp.servers.corp.password=...)");
	}

	@Test
	void unreachableServerPointsAtHostAndPort() {
		Socks5UdpStartupException failure = new Socks5UdpStartupException("corp", "127.0.0.1:1",
				new ConnectException("Connection refused"));
		assertThat(StartupFailures.describe(failure))
			.isEqualTo("error: cannot open a UDP association with SOCKS5 server 'corp' at 127.0.0.1:1: "
					+ "ConnectException (Connection refused) (fix: --socks5.udp.servers.corp.host=... "
					+ "--socks5.udp.servers.corp.port=... of a running SOCKS5 server)");
	}

	@Test
	void anyOtherFailureSuggestsDebug() {
		assertThat(StartupFailures.describe(new IllegalStateException("outer", new IllegalStateException("inner"))))
			.isEqualTo("error: java.lang.IllegalStateException: inner (fix: run with --debug to see where it failed)");
	}

	@Test
	void reportPrintsOneLineAndReturnsTwo() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		int status = StartupFailures.report(new IllegalStateException("boom"), false, err);
		assertThat(status).isEqualTo(2);
		assertThat(bytes.toString(StandardCharsets.UTF_8)).hasLineCount(1).startsWith("error: ");
	}

	@Test
	void reportWithDebugAddsTheStackTrace() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		StartupFailures.report(new IllegalStateException("boom"), true, err);
		assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("\tat io.socks5udp.sample.StartupFailuresTests");
	}

}
