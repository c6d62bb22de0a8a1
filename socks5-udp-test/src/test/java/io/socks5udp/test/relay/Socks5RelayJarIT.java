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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the standalone relay jar, {@code target/socks5-udp-relay.jar}, run by failsafe
 * once the package phase has built it.
 *
 * @author socks5-udp authors
 */
class Socks5RelayJarIT {

	private static final String JAR_PROPERTY = "socks5udp.relay.jar";

	private static Path jarPath;

	@BeforeAll
	static void findJar() {
		String jar = System.getProperty(JAR_PROPERTY);
		Assumptions.assumeTrue(jar != null,
				"the relay jar is tested by failsafe once built (mvn verify), which sets " + JAR_PROPERTY);
		jarPath = Path.of(jar);
	}

	@Test
	void holdsTheRelayAndTheCoreOnly() throws Exception {
		assertThat(jarPath).isRegularFile();
		try (JarFile jar = new JarFile(jarPath.toFile())) {
			assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
				.isEqualTo(Socks5RelayMain.class.getName());
			List<String> classes = jar.stream()
				.map(JarEntry::getName)
				.filter((name) -> name.endsWith(".class"))
				.toList();
			assertThat(classes).contains("io/socks5udp/test/relay/EmbeddedSocks5Relay.class",
					"io/socks5udp/core/protocol/Socks5UdpHeaderDecoder.class");
			assertThat(classes).allMatch(
					(name) -> name.startsWith("io/socks5udp/test/relay/") || name.startsWith("io/socks5udp/core/"));
			assertThat(classes).noneMatch(
					(name) -> name.contains("Extension") || name.contains("/support/") || name.contains("/dante/"));
		}
		assertThat(Files.size(jarPath)).isLessThan(1024 * 1024);
	}

	@Test
	void relaysUntilTerminatedThenPrintsCountersAndExitsWithZero() throws Exception {
		try (RelayProcess relay = RelayProcess.fromJar(jarPath, "--port", "0", "--bind", "::1");
				UdpEchoServer echo = UdpEchoServer.startIpv6()) {
			String line = relay.readLine();
			Matcher listening = Socks5RelayMainTests.LISTENING.matcher(String.valueOf(line));
			assertThat(listening.matches()).as(line).isTrue();
			assertThat(listening.group(1)).isEqualTo("[::1]");
			try (Socks5UdpAssociation association = Socks5UdpAssociation
				.open(Socks5AssociationOptions.builder("::1", Integer.parseInt(listening.group(2))).build())) {
				assertThat(RelayClients
					.text(RelayClients.roundTrip(association, Socks5Address.of(echo.address()), "from the jar")))
					.isEqualTo("from the jar");
			}
			relay.terminate();
			assertThat(relay.readLine()).startsWith("stopped: ").contains("associations-opened=1");
			assertThat(relay.waitFor()).isZero();
		}
	}

	@Test
	void batchedIoRelaysThroughTheJarOnJava22OrLater() throws Exception {
		// The jar's manifest grants what batched I/O needs: no option on the command line
		Path java = Path.of(System.getProperty("socks5udp.test.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin",
				"java");
		TestEnvironment.require(Files.isExecutable(java), "No JDK 25 at " + java + ": batched I/O cannot run");
		try (RelayProcess relay = RelayProcess.fromJar(java, jarPath, "--port", "0", "--batched-io");
				UdpEchoServer echo = UdpEchoServer.startIpv4()) {
			Matcher listening = Socks5RelayMainTests.LISTENING.matcher(String.valueOf(relay.readLine()));
			assertThat(listening.matches()).isTrue();
			try (Socks5UdpAssociation association = Socks5UdpAssociation
				.open(Socks5AssociationOptions.builder("127.0.0.1", Integer.parseInt(listening.group(2))).build())) {
				for (int i = 0; i < 32; i++) {
					association.send(Socks5Address.of(echo.address()),
							("batched " + i).getBytes(StandardCharsets.UTF_8));
				}
				Set<String> echoed = new HashSet<>();
				for (int i = 0; i < 32; i++) {
					echoed.add(RelayClients.text(association.receive(RelayClients.RECEIVE_TIMEOUT)));
				}
				assertThat(echoed).hasSize(32).allMatch((text) -> text.startsWith("batched "));
			}
			relay.terminate();
			assertThat(relay.readLine()).startsWith("stopped: ")
				.contains("datagrams-to-destinations=32")
				.contains("datagrams-to-clients=32");
			assertThat(relay.waitFor()).isZero();
			// No warning about native access or exports: the manifest granted both
			assertThat(relay.errors()).isEmpty();
		}
	}

	@Test
	void batchedIoWhereItCannotRunExitsWithOneAndSaysWhy() throws Exception {
		Assumptions.assumeTrue(Runtime.version().feature() < 22,
				"this JVM can run batched I/O; batchedIoRelaysThroughTheJarOnJava22OrLater runs it");
		try (RelayProcess relay = RelayProcess.fromJar(jarPath, "--port", "0", "--batched-io")) {
			assertThat(relay.waitFor()).isEqualTo(1);
			assertThat(relay.errors()).contains("Java 22 or later").contains("Java " + Runtime.version().feature());
		}
	}

	@Test
	void badArgumentsPrintOneLineAndExitWithTwo() throws Exception {
		try (RelayProcess relay = RelayProcess.fromJar(jarPath, "--port", "70000")) {
			assertThat(relay.waitFor()).isEqualTo(2);
			assertThat(relay.errors()).isEqualTo("--port: 70000 (expected: 0-65535)" + System.lineSeparator());
		}
	}

}
