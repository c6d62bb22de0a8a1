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
package io.socks5udp.test.relay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link EmbeddedSocks5Relay} with an independent client: PySocks (Debian's
 * python3-socks), which announces DST 0.0.0.0 and its port in UDP ASSOCIATE.
 *
 * @author socks5-udp authors
 */
class EmbeddedSocks5RelayPySocksTests {

	private static final String SCRIPT = """
			import socket, sys, socks
			host, port, target_port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
			username = sys.argv[4] if len(sys.argv) > 4 else None
			password = sys.argv[5] if len(sys.argv) > 5 else None
			s = socks.socksocket(socket.AF_INET, socket.SOCK_DGRAM)
			s.set_proxy(socks.SOCKS5, host, port, rdns=True, username=username, password=password)
			s.settimeout(10)
			s.bind(('127.0.0.1', 0))
			for target in ('127.0.0.1', 'localhost'):
			    s.sendto(('pysocks to ' + target).encode(), (target, target_port))
			    data, source = s.recvfrom(65535)
			    print(data.decode(), source[0], source[1])
			s.close()
			""";

	@BeforeEach
	void requirePySocks() {
		TestEnvironment.requirePySocks();
	}

	@Test
	void pySocksRoundTripsThroughTheRelay() throws Exception {
		try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().build().start();
				UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			List<String> lines = runPySocks(relay, echo);
			assertThat(lines).containsExactly("pysocks to 127.0.0.1 127.0.0.1 " + echo.port(),
					"pysocks to localhost 127.0.0.1 " + echo.port());
			assertThat(relay.counters().associationsOpened()).isEqualTo(1);
			assertThat(relay.counters().datagramsToClients()).isEqualTo(2);
		}
	}

	@Test
	void pySocksAuthenticatesWithUsernameAndPassword() throws Exception {
		try (EmbeddedSocks5Relay relay = EmbeddedSocks5Relay.builder().user("alice", "secret").build().start();
				UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			List<String> lines = runPySocks(relay, echo, "alice", "secret");
			assertThat(lines).hasSize(2).allMatch((line) -> line.startsWith("pysocks to "));
			assertThat(relay.counters().associationsRefused()).isZero();
		}
	}

	private static List<String> runPySocks(EmbeddedSocks5Relay relay, UdpEchoServer echo, String... credentials)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(TestEnvironment.PYTHON.toString(), "-c", SCRIPT, relay.host(),
				Integer.toString(relay.port()), Integer.toString(echo.port())));
		command.addAll(List.of(credentials));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("PySocks finished within 30 s").isTrue();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.exitValue()).as(output).isZero();
			return output.lines().toList();
		}
		finally {
			process.destroyForcibly();
		}
	}

}
