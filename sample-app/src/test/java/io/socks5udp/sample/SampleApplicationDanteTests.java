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

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.socks5udp.test.dante.DanteConfig;
import io.socks5udp.test.dante.DanteSocksMethod;
import io.socks5udp.test.dante.DanteUsers;
import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample against Dante, configured by properties as a user would: it uses that server
 * and that target, and starts nothing embedded.
 *
 * @author socks5-udp authors
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationDanteTests {

	@BeforeAll
	static void requireDante() {
		TestEnvironment.requireDanted();
	}

	@Test
	void pingsTheTargetThroughTheConfiguredDante(CapturedOutput output) throws IOException {
		try (LocalDante dante = LocalDante.start(); UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			// No warm-up: the echo server then sees the counted pings alone
			ConfigurableApplicationContext context = SampleApplication.application()
				.run(SampleApplicationTests.append(SampleApplicationTests.serverArguments(dante.host(), dante.port(),
						echo.host() + ":" + echo.port()), "--sample.warmup=0s"));
			assertThat(context.getBeanProvider(EmbeddedSocks5Relay.class).getIfAvailable()).isNull();
			assertThat(context.getBeanProvider(UdpEchoServer.class).getIfAvailable()).isNull();
			assertThat(SpringApplication.exit(context)).isZero();
			assertThat(echo.datagramCount()).isEqualTo(1000);
		}
		PingSummaryLine summary = PingSummaryLine.only(output.getOut());
		assertThat(summary.sent()).isEqualTo(1000);
		assertThat(summary.received()).isEqualTo(1000);
		assertThat(summary.lost()).isZero();
		assertThat(summary.server()).isEqualTo("corp");
		assertThat(summary.relay()).startsWith("127.0.0.1:");
		assertThat(summary.carried()).isEqualTo("corp:1000");
	}

	@Test
	void summarySaysWhichServersCarriedThePingsAcrossAFailover(CapturedOutput output) throws Exception {
		try (LocalDante first = LocalDante.start();
				LocalDante second = LocalDante.start();
				UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			String[] arguments = { "--socks5.udp.servers.first.host=" + first.host(),
					"--socks5.udp.servers.first.port=" + first.port(),
					"--socks5.udp.servers.second.host=" + second.host(),
					"--socks5.udp.servers.second.port=" + second.port(), "--socks5.udp.rules[0].destination=0.0.0.0/0",
					"--socks5.udp.rules[0].servers=first,second", "--socks5.udp.failover.retry-after=1m",
					"--socks5.udp.outage.send-policy=wait", "--socks5.udp.outage.max-wait=5s",
					"--sample.target=" + echo.host() + ":" + echo.port(), "--sample.warmup=0s",
					"--sample.count=20000" };
			CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> SampleApplication.run(arguments));
			Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> echo.datagramCount() >= 500);
			first.kill();
			assertThat(exit.get(120, TimeUnit.SECONDS)).isIn(0, 1);
		}
		PingSummaryLine summary = PingSummaryLine.only(output.getOut());
		assertThat(summary.sent()).isEqualTo(20000);
		assertThat(summary.received() + summary.lost()).isEqualTo(20000);
		// Only the pings in flight when the first server died are lost
		assertThat(summary.lost()).isLessThanOrEqualTo(64);
		assertThat(summary.server()).isEqualTo("second");
		Matcher carried = Pattern.compile("first:(\\d+),second:(\\d+)").matcher(summary.carried());
		assertThat(carried.matches()).as(summary.carried()).isTrue();
		assertThat(Long.parseLong(carried.group(1))).isGreaterThanOrEqualTo(500);
		assertThat(Long.parseLong(carried.group(1)) + Long.parseLong(carried.group(2))).isEqualTo(summary.received());
	}

	@Test
	void embeddedTrueRoutesThroughTheEmbeddedRelayAlthoughDanteIsConfigured(CapturedOutput output) throws IOException {
		try (LocalDante dante = LocalDante.start(); UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			String[] arguments = SampleApplicationTests.append(
					SampleApplicationTests.serverArguments(dante.host(), dante.port(), echo.host() + ":" + echo.port()),
					"--sample.embedded=true", "--sample.count=100", "--sample.warmup=0s");
			assertThat(SampleApplication.run(arguments)).isZero();
			assertThat(echo.datagramCount()).isEqualTo(100);
		}
		PingSummaryLine summary = PingSummaryLine.only(output.getOut());
		assertThat(summary.received()).isEqualTo(100);
		assertThat(summary.server()).isEqualTo(EmbeddedRelayListener.SERVER);
	}

	@Test
	void wrongPasswordForDanteIsReportedInOneLine(CapturedOutput output) throws IOException {
		TestEnvironment.requireTestUser();
		DanteConfig config = DanteConfig.builder().socksMethod(DanteSocksMethod.USERNAME).build();
		try (LocalDante dante = LocalDante.start(config)) {
			String[] arguments = SampleApplicationTests.append(
					SampleApplicationTests.serverArguments(dante.host(), dante.port(), "127.0.0.1:7"),
					"--socks5.udp.servers.corp.username=" + DanteUsers.USERNAME,
					"--socks5.udp.servers.corp.password=not-" + DanteUsers.PASSWORD);
			assertThat(SampleApplication.run(arguments)).isEqualTo(2);
		}
		assertThat(output.getOut()).isEmpty();
		assertThat(output.getErr().lines().toList()).singleElement()
			.asString()
			.startsWith("error: SOCKS5 server 'corp' at 127.0.0.1:")
			.contains("rejected the username or password: S5_EAUTH")
			.endsWith("(fix: --socks5.udp.servers.corp.username=... --socks5.udp.servers.corp.password=...)");
	}

}
