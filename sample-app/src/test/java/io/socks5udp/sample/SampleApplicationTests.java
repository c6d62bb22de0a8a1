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
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.socks5udp.template.Socks5UdpRoute;
import io.socks5udp.test.relay.EmbeddedSocks5Relay;
import io.socks5udp.test.support.UdpEchoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sample in this JVM as {@code java -jar sample-app.jar} would, and reads what
 * it prints and its exit status.
 *
 * @author socks5-udp authors
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	@Test
	void withoutArgumentsPingsTheEmbeddedEchoServerThroughTheEmbeddedRelay(CapturedOutput output) {
		int status = SampleApplication.run();
		assertThat(status).isZero();
		PingSummaryLine summary = PingSummaryLine.only(output.getOut());
		assertThat(summary.sent()).isEqualTo(1000);
		assertThat(summary.received()).isEqualTo(1000);
		assertThat(summary.lost()).isZero();
		assertThat(summary.latencyP50Micros()).isPositive().isLessThanOrEqualTo(summary.latencyP99Micros());
		assertThat(summary.throughputInFlight()).isEqualTo(32);
		assertThat(summary.throughputRoundTripsPerSecond()).isPositive();
		assertThat(summary.server()).isEqualTo(EmbeddedRelayListener.SERVER);
		assertThat(summary.relay()).startsWith("127.0.0.1:");
		assertThat(output.getErr()).isEmpty();
	}

	@Test
	void countAndPayloadSizeAreHonoured(CapturedOutput output) {
		int status = SampleApplication.run("--sample.count=50", "--sample.payload-size=1400");
		assertThat(status).isZero();
		PingSummaryLine summary = PingSummaryLine.only(output.getOut());
		assertThat(summary.sent()).isEqualTo(50);
		assertThat(summary.received()).isEqualTo(50);
	}

	@Test
	void ipv6TargetGoesThroughTheEmbeddedRelayToo(CapturedOutput output) {
		try (UdpEchoServer echo = UdpEchoServer.startIpv6()) {
			// No warm-up: the echo server then sees the counted pings alone
			int status = SampleApplication.run("--sample.count=50", "--sample.warmup=0s",
					"--sample.target=[::1]:" + echo.port());
			assertThat(status).isZero();
			assertThat(echo.datagramCount()).isEqualTo(50);
		}
		PingSummaryLine summary = PingSummaryLine.only(output.getOut());
		assertThat(summary.received()).isEqualTo(50);
		assertThat(summary.server()).isEqualTo(EmbeddedRelayListener.SERVER);
	}

	@Test
	void longRunShowsProgressOnStandardError(CapturedOutput output) throws IOException {
		try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
			// One ping at a time, each lost after 100ms: at least 1.5 seconds
			int status = SampleApplication.run("--sample.count=15", "--sample.in-flight=1",
					"--sample.echo-timeout=100ms", "--sample.target=127.0.0.1:" + silent.getLocalPort());
			assertThat(status).isOne();
		}
		assertThat(output.getErr().lines()).isNotEmpty()
			.allMatch((line) -> line.matches("progress: sent=\\d+/15 received=0 lost=\\d+"));
		assertThat(PingSummaryLine.only(output.getOut()).lost()).isEqualTo(15);
	}

	@Test
	void payloadTooLargeForTheTargetIsReportedInOneLine(CapturedOutput output) {
		int status = SampleApplication.run("--sample.payload-size=65490", "--sample.target=[::1]:7");
		assertThat(status).isEqualTo(2);
		assertThat(oneErrorLine(output)).isEqualTo("error: sample.payload-size=65490 is invalid, payloadSize: 65490 "
				+ "(expected: 4-65485 to fit in one datagram to [::1]:7) (fix: --sample.payload-size=<at most 65485>)");
	}

	@Test
	void lostPingsMakeExitStatusOne(CapturedOutput output) throws IOException {
		try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
			int status = SampleApplication.run("--sample.count=5", "--sample.echo-timeout=200ms",
					"--sample.target=127.0.0.1:" + silent.getLocalPort());
			assertThat(status).isOne();
		}
		PingSummaryLine summary = PingSummaryLine.only(output.getOut());
		assertThat(summary.sent()).isEqualTo(5);
		assertThat(summary.received()).isZero();
		assertThat(summary.lost()).isEqualTo(5);
		assertThat(summary.latencyP50Micros()).isEqualTo(-1);
		assertThat(summary.throughputRoundTripsPerSecond()).isEqualTo(-1);
		assertThat(summary.server()).isEqualTo(EmbeddedRelayListener.SERVER);
	}

	@Test
	void embeddedFalseWithoutServerAsksForTarget(CapturedOutput output) {
		int status = SampleApplication.run("--sample.embedded=false");
		assertThat(status).isEqualTo(2);
		assertThat(oneErrorLine(output)).startsWith("error: sample.target=null is invalid")
			.endsWith("(fix: --sample.target=...)");
	}

	@Test
	void malformedTargetIsReportedInOneLine(CapturedOutput output) {
		int status = SampleApplication.run("--sample.target=localhost");
		assertThat(status).isEqualTo(2);
		assertThat(oneErrorLine(output)).isEqualTo("error: sample.target=localhost is invalid, 'localhost' "
				+ "(expected: host:port or [IPv6]:port, such as 127.0.0.1:7) (fix: --sample.target=...)");
	}

	@Test
	void malformedRuleIsReportedInOneLine(CapturedOutput output) {
		int status = SampleApplication.run("--socks5.udp.servers.corp.host=127.0.0.1",
				"--socks5.udp.servers.corp.port=1080", "--socks5.udp.rules[0].destination=10.0.0.0/40",
				"--socks5.udp.rules[0].server=corp", "--sample.target=127.0.0.1:7");
		assertThat(status).isEqualTo(2);
		assertThat(oneErrorLine(output))
			.startsWith("error: socks5.udp.rules[0].destination=10.0.0.0/40 is invalid, prefixLength: 40")
			.contains("(fix: --socks5.udp.rules[0].destination=<");
	}

	@Test
	void unreachableServerIsReportedInOneLine(CapturedOutput output) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		int status = SampleApplication.run(serverArguments("127.0.0.1", closedPort, "127.0.0.1:7"));
		assertThat(status).isEqualTo(2);
		assertThat(oneErrorLine(output))
			.startsWith("error: cannot open a UDP association with SOCKS5 server 'corp' at 127.0.0.1:" + closedPort)
			.contains("ConnectException")
			.endsWith("(fix: --socks5.udp.servers.corp.host=... --socks5.udp.servers.corp.port=... of a running "
					+ "SOCKS5 server)");
	}

	@Test
	void wrongPasswordIsReportedInOneLine(CapturedOutput output) throws IOException {
		try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().user("sample", "right").build().start()) {
			int status = SampleApplication.run(append(serverArguments(relay.host(), relay.port(), "127.0.0.1:7"),
					"--socks5.udp.servers.corp.username=sample", "--socks5.udp.servers.corp.password=wrong"));
			assertThat(status).isEqualTo(2);
		}
		assertThat(oneErrorLine(output)).startsWith("error: SOCKS5 server 'corp' at 127.0.0.1:")
			.contains("rejected the username or password: S5_EAUTH")
			.endsWith("(fix: --socks5.udp.servers.corp.username=... --socks5.udp.servers.corp.password=...)")
			.doesNotContain("wrong");
	}

	@Test
	void debugAddsTheStackTrace(CapturedOutput output) {
		int status = SampleApplication.run("--sample.target=localhost", "--debug");
		assertThat(status).isEqualTo(2);
		assertThat(output.getErr()).contains("error: sample.target=localhost is invalid")
			.contains("\tat io.socks5udp.sample.Socks5AddressConverter.convert");
	}

	@Test
	void serverNoDestinationOfTheRunNeedsIsNeverContacted(CapturedOutput output, @TempDir Path folder)
			throws IOException {
		Path conf = Files.writeString(folder.resolve("socks5c.conf"), "127.0.0.0/8 NONE\n0.0.0.0/0 127.0.0.1:1\n");
		try (UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			int status = SampleApplication.run("--socks5.udp.config-file=" + conf, "--sample.count=5",
					"--sample.target=127.0.0.1:" + echo.port());
			assertThat(status).isZero();
		}
		PingSummaryLine summary = PingSummaryLine.only(output.getOut());
		assertThat(summary.received()).isEqualTo(5);
		assertThat(summary.server()).isEqualTo(Socks5UdpRoute.DIRECT_NAME);
		assertThat(output.getErr()).isEmpty();
	}

	@Test
	void deadServerTheTargetRoutesToEndsTheRunAtStartup(CapturedOutput output, @TempDir Path folder)
			throws IOException {
		Path conf = Files.writeString(folder.resolve("socks5c.conf"), "127.0.0.0/8 NONE\n0.0.0.0/0 127.0.0.1:1\n");
		int status = SampleApplication.run("--socks5.udp.config-file=" + conf, "--sample.count=5",
				"--sample.target=192.0.2.1:7");
		assertThat(status).isEqualTo(2);
		assertThat(oneErrorLine(output))
			.startsWith("error: cannot open a UDP association with SOCKS5 server '127.0.0.1:1'");
	}

	static String[] serverArguments(String host, int port, String target) {
		return new String[] { "--socks5.udp.servers.corp.host=" + host, "--socks5.udp.servers.corp.port=" + port,
				"--socks5.udp.rules[0].destination=0.0.0.0/0", "--socks5.udp.rules[0].server=corp",
				"--sample.target=" + target };
	}

	static String[] append(String[] arguments, String... more) {
		String[] all = new String[arguments.length + more.length];
		System.arraycopy(arguments, 0, all, 0, arguments.length);
		System.arraycopy(more, 0, all, arguments.length, more.length);
		return all;
	}

	/**
	 * Return the only line the sample printed, on standard error, after checking that
	 * there is nothing else: no stack trace, no log.
	 */
	private static String oneErrorLine(CapturedOutput output) {
		assertThat(output.getOut()).isEmpty();
		List<String> lines = output.getErr().lines().toList();
		assertThat(lines).hasSize(1);
		return lines.get(0);
	}

}
