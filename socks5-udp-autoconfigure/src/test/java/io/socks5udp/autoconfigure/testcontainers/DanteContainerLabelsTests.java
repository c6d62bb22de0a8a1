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

package io.socks5udp.autoconfigure.testcontainers;

import java.util.Map;

import io.socks5udp.autoconfigure.Socks5UdpConnectionDetails.Server;
import io.socks5udp.test.dante.DanteContainer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link DanteContainerLabels}.
 *
 * @author socks5-udp authors
 */
class DanteContainerLabelsTests {

	@Test
	void labelNamesAreThoseDanteContainerSets() {
		assertThat(DanteContainerLabels.HOST).isEqualTo(DanteContainer.HOST_LABEL);
		assertThat(DanteContainerLabels.PORT).isEqualTo(DanteContainer.PORT_LABEL);
		assertThat(DanteContainerLabels.USERNAME).isEqualTo(DanteContainer.USERNAME_LABEL);
		assertThat(DanteContainerLabels.PASSWORD).isEqualTo(DanteContainer.PASSWORD_LABEL);
		assertThat(DanteContainerLabels.SERVER_NAME).isEqualTo(DanteContainer.SERVER_NAME_LABEL);
	}

	@Test
	void portAloneGivesAServerNamedDanteOnTheContainersHostWithoutAuthentication() {
		Map<String, Server> servers = DanteContainerLabels.servers(Map.of(DanteContainerLabels.PORT, "41080"),
				"localhost", "dante");
		assertThat(servers).containsOnlyKeys("dante");
		Server server = servers.get("dante");
		assertThat(server.getHost()).isEqualTo("localhost");
		assertThat(server.getPort()).isEqualTo(41080);
		assertThat(server.getUsername()).isNull();
		assertThat(server.getPassword()).isNull();
	}

	@Test
	void everyLabelIsRead() {
		Map<String, Server> servers = DanteContainerLabels.servers(Map.of(DanteContainerLabels.HOST, "::1",
				DanteContainerLabels.PORT, "41080", DanteContainerLabels.USERNAME, "alice",
				DanteContainerLabels.PASSWORD, "wonderland-test", DanteContainerLabels.SERVER_NAME, "corp"),
				"localhost", "dante");
		assertThat(servers).containsOnlyKeys("corp");
		Server server = servers.get("corp");
		assertThat(server.getHost()).isEqualTo("::1");
		assertThat(server.getUsername()).isEqualTo("alice");
		assertThat(server.getPassword()).isEqualTo("wonderland-test");
	}

	@Test
	void missingPortLabelIsNamed() {
		assertThatIllegalStateException()
			.isThrownBy(() -> DanteContainerLabels.servers(Map.of(), "localhost", "socks5-udp/dante:1.4.2"))
			.withMessage("Container socks5-udp/dante:1.4.2 has no label io.socks5udp.dante.port (expected: the port"
					+ " its SOCKS5 server listens on, as DanteContainer sets it)");
	}

	@Test
	void portOutOfRangeIsRejected() {
		assertThatIllegalStateException().isThrownBy(
				() -> DanteContainerLabels.servers(Map.of(DanteContainerLabels.PORT, "70000"), "localhost", "dante"))
			.withMessage("Container dante label io.socks5udp.dante.port: '70000' (expected: 1-65535)");
		assertThatIllegalStateException().isThrownBy(
				() -> DanteContainerLabels.servers(Map.of(DanteContainerLabels.PORT, "port"), "localhost", "dante"));
	}

	@Test
	void passwordWithoutUsernameIsRejectedWithoutShowingIt() {
		assertThatIllegalStateException()
			.isThrownBy(() -> DanteContainerLabels.servers(
					Map.of(DanteContainerLabels.PORT, "41080", DanteContainerLabels.PASSWORD, "wonderland-test"),
					"localhost", "dante"))
			.withMessageContaining("has no label io.socks5udp.dante.username")
			.withMessageNotContaining("wonderland-test");
	}

	@Test
	void describeMasksPasswords() {
		String description = DanteContainerLabels
			.describe(Map.of("corp", Server.of("::1", 41080, "alice", "wonderland-test"), "dante",
					Server.of("127.0.0.1", 1080, null, null)));
		assertThat(description).contains("corp=[::1]:41080 (username alice, password ******)")
			.contains("dante=127.0.0.1:1080")
			.doesNotContain("wonderland-test");
	}

}
