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

package io.socks5udp.test.pysocks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import io.socks5udp.core.client.Socks5AssociationOptions;
import io.socks5udp.core.client.Socks5UdpAssociation;
import io.socks5udp.core.protocol.Socks5Address;
import io.socks5udp.core.protocol.Socks5UdpDatagram;
import io.socks5udp.test.dante.DanteConfig;
import io.socks5udp.test.dante.DanteSocksMethod;
import io.socks5udp.test.dante.DanteUsers;
import io.socks5udp.test.dante.LocalDante;
import io.socks5udp.test.support.TestEnvironment;
import io.socks5udp.test.support.UdpEchoServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PySocks and our association client against the same Dante: both must round-trip
 * datagrams through it. Dante's socks rule says {@code from: 0.0.0.0/0}, because PySocks
 * announces the domain name {@code 0} with its port in UDP ASSOCIATE, which a
 * loopback-only rule refuses.
 *
 * @author socks5-udp authors
 */
@TestInstance(Lifecycle.PER_CLASS)
class PySocksDanteTests {

	private static final byte[] PAYLOAD = "through dante".getBytes();

	private LocalDante dante;

	private UdpEchoServer echo;

	private PySocksClient pySocks;

	private TestAbortedException unavailable;

	@BeforeAll
	void startDante(@TempDir Path directory) throws IOException {
		try {
			TestEnvironment.requirePySocks();
			TestEnvironment.requireDanted();
		}
		catch (TestAbortedException ex) {
			// Surefire does not count a class aborted in @BeforeAll: skip every case
			// instead.
			this.unavailable = ex;
			return;
		}
		this.pySocks = PySocksClient.in(directory);
		this.echo = UdpEchoServer.startIpv4();
		this.dante = LocalDante.start(DanteConfig.builder().socksFromAnywhere(true).build());
	}

	@BeforeEach
	void skipWhenPrerequisitesAreMissing() {
		if (this.unavailable != null) {
			throw this.unavailable;
		}
	}

	@AfterAll
	void stopDante() {
		if (this.dante != null) {
			this.dante.close();
		}
		if (this.echo != null) {
			this.echo.close();
		}
	}

	@Test
	void pySocksRoundTripsThroughDante() throws Exception {
		PySocksClient.Result result = this.pySocks.send(this.dante.port(), this.echo.host(), this.echo.port(), PAYLOAD,
				true, null);
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.received()).containsExactly("127.0.0.1", Integer.toString(this.echo.port()),
				HexFormat.of().formatHex(PAYLOAD));
	}

	@Test
	void ourAssociationRoundTripsThroughTheSameDante() throws IOException {
		try (Socks5UdpAssociation association = Socks5UdpAssociation
			.open(Socks5AssociationOptions.builder(this.dante.host(), this.dante.port()).build())) {
			association.send(Socks5Address.of(this.echo.address()), PAYLOAD);
			Socks5UdpDatagram reply = association.receive(Duration.ofSeconds(5));
			assertThat(reply).isNotNull();
			byte[] bytes = new byte[reply.payload().remaining()];
			reply.payload().get(bytes);
			assertThat(bytes).isEqualTo(PAYLOAD);
			assertThat(reply.address()).isEqualTo(Socks5Address.of(this.echo.address()));
		}
	}

	@Test
	void pySocksLogsInWithUsernameAndPassword() throws Exception {
		TestEnvironment.requireTestUser();
		try (LocalDante usernameDante = LocalDante
			.start(DanteConfig.builder().socksFromAnywhere(true).socksMethod(DanteSocksMethod.USERNAME).build())) {
			PySocksClient.Result result = this.pySocks.send(usernameDante.port(), this.echo.host(), this.echo.port(),
					PAYLOAD, true, DanteUsers.credentials());
			assertThat(result.exitCode()).as(result.output()).isZero();
			assertThat(result.received()).element(2).isEqualTo(HexFormat.of().formatHex(PAYLOAD));
		}
	}

	@Test
	void pySocksIsRefusedByALoopbackOnlySocksRule() throws Exception {
		try (LocalDante loopbackOnly = LocalDante.start()) {
			PySocksClient.Result result = this.pySocks.send(loopbackOnly.port(), this.echo.host(), this.echo.port(),
					PAYLOAD, true, null);
			assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
			assertThat(result.output()).contains("0x02");
			assertThat(result.received()).isEmpty();
		}
	}

}
