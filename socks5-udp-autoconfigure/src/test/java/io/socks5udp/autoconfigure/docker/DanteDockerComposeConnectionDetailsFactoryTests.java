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

package io.socks5udp.autoconfigure.docker;

import java.util.Map;

import io.socks5udp.autoconfigure.Socks5UdpConnectionDetails;
import io.socks5udp.autoconfigure.Socks5UdpConnectionDetails.Server;
import io.socks5udp.autoconfigure.testcontainers.DanteContainerLabels;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link DanteDockerComposeConnectionDetailsFactory}, given the services that
 * Docker Compose would report running; {@link DanteDockerComposeTests} runs the Compose
 * CLI.
 *
 * @author socks5-udp authors
 */
class DanteDockerComposeConnectionDetailsFactoryTests {

	private static final String IMAGE = "socks5-udp/dante:1.4.2";

	private static final String PASSWORD = "compose-test-password-7d1e";

	private final DanteDockerComposeConnectionDetailsFactory factory = new DanteDockerComposeConnectionDetailsFactory();

	@Test
	void springBootFindsTheFactoryForADanteService() {
		// What Boot's listener does with each running service once Compose is up
		Map<Class<?>, ConnectionDetails> details = new ConnectionDetailsFactories(getClass().getClassLoader())
			.getConnectionDetails(DockerComposeConnectionSources
				.of(ComposeService.of(IMAGE, Map.of(DanteContainerLabels.PORT, "11080"))), false);
		assertThat(details).containsOnlyKeys(Socks5UdpConnectionDetails.class);
		assertThat(details.get(Socks5UdpConnectionDetails.class))
			.isInstanceOf(DanteDockerComposeConnectionDetailsFactory.DanteDockerComposeConnectionDetails.class);
	}

	@Test
	void springBootGivesNoDetailsForAServiceThatIsNoDante() {
		Map<Class<?>, ConnectionDetails> details = new ConnectionDetailsFactories(getClass().getClassLoader())
			.getConnectionDetails(DockerComposeConnectionSources.of(ComposeService.of("redis:7", Map.of(), 6379)),
					false);
		assertThat(details).doesNotContainKey(Socks5UdpConnectionDetails.class);
	}

	@Test
	void portLabelGivesAServerNamedDanteOnTheDockerHostWithoutAuthentication() {
		Map<String, Server> servers = details(ComposeService.of(IMAGE, Map.of(DanteContainerLabels.PORT, "11080")))
			.getServers();
		assertThat(servers).containsOnlyKeys("dante");
		Server server = servers.get("dante");
		assertThat(server.getHost()).isEqualTo("127.0.0.1");
		assertThat(server.getPort()).isEqualTo(11080);
		assertThat(server.getUsername()).isNull();
		assertThat(server.getPassword()).isNull();
	}

	@Test
	void theOneExposedPortIsDantesWhenNoLabelNamesIt() {
		Server server = details(ComposeService.of(IMAGE, Map.of(), 11080)).getServers().get("dante");
		assertThat(server.getHost()).isEqualTo("127.0.0.1");
		assertThat(server.getPort()).isEqualTo(11080);
	}

	@Test
	void portLabelWinsOverExposedPorts() {
		Server server = details(ComposeService.of(IMAGE, Map.of(DanteContainerLabels.PORT, "11080"), 8080, 9090))
			.getServers()
			.get("dante");
		assertThat(server.getPort()).isEqualTo(11080);
	}

	@Test
	void everyLabelIsRead() {
		Map<String, Server> servers = details(ComposeService.of(IMAGE,
				Map.of(DanteContainerLabels.HOST, "::1", DanteContainerLabels.PORT, "11080",
						DanteContainerLabels.USERNAME, "s5udp", DanteContainerLabels.PASSWORD, PASSWORD,
						DanteContainerLabels.SERVER_NAME, "corp")))
			.getServers();
		assertThat(servers).containsOnlyKeys("corp");
		Server server = servers.get("corp");
		assertThat(server.getHost()).isEqualTo("::1");
		assertThat(server.getPort()).isEqualTo(11080);
		assertThat(server.getUsername()).isEqualTo("s5udp");
		assertThat(server.getPassword()).isEqualTo(PASSWORD);
	}

	@Test
	void toStringMasksThePassword() {
		Socks5UdpConnectionDetails details = details(ComposeService.of(IMAGE,
				Map.of(DanteContainerLabels.USERNAME, "s5udp", DanteContainerLabels.PASSWORD, PASSWORD), 11080));
		assertThat(details).hasToString(
				"DanteDockerComposeConnectionDetails[dante=127.0.0.1:11080 (username s5udp, password ******)]");
		assertThat(details.getServers().get("dante")).asString().doesNotContain(PASSWORD);
	}

	@Test
	void serviceOfAnotherImageIsIgnored() {
		assertThat(this.factory
			.getConnectionDetails(DockerComposeConnectionSources.of(ComposeService.of("redis:7", Map.of(), 6379))))
			.isNull();
	}

	@Test
	void serviceOfAnotherImageWithDanteLabelsIsDante() {
		Socks5UdpConnectionDetails details = this.factory.getConnectionDetails(DockerComposeConnectionSources
			.of(ComposeService.of("mycorp/socks-gateway:3", Map.of(DanteContainerLabels.PORT, "11080"))));
		assertThat(details).isNotNull();
		assertThat(details.getServers().get("dante").getPort()).isEqualTo(11080);
	}

	@Test
	void serviceConnectionLabelNamingDanteMakesAnyImageDante() {
		Socks5UdpConnectionDetails details = this.factory
			.getConnectionDetails(DockerComposeConnectionSources.of(ComposeService.of("mycorp/socks-gateway:3",
					Map.of(DanteServicePredicate.SERVICE_CONNECTION_LABEL, "dante"), 11080)));
		assertThat(details).isNotNull();
		assertThat(details.getServers().get("dante").getPort()).isEqualTo(11080);
	}

	@Test
	void serviceConnectionLabelNamingAnotherServiceWinsOverTheImage() {
		assertThat(this.factory.getConnectionDetails(DockerComposeConnectionSources.of(ComposeService.of(IMAGE,
				Map.of(DanteServicePredicate.SERVICE_CONNECTION_LABEL, "redis", DanteContainerLabels.PORT, "11080")))))
			.isNull();
	}

	@Test
	void portOutOfRangeNamesTheContainerAndTheLabel() {
		assertThatIllegalStateException()
			.isThrownBy(() -> details(ComposeService.of(IMAGE, Map.of(DanteContainerLabels.PORT, "70000"))))
			.withMessage(
					"Container sample-app-dante-1 (image docker.io/socks5-udp/dante:1.4.2) label io.socks5udp.dante.port:"
							+ " '70000' (expected: 1-65535)");
	}

	@Test
	void portThatIsNoNumberIsRejected() {
		assertThatIllegalStateException()
			.isThrownBy(() -> details(ComposeService.of(IMAGE, Map.of(DanteContainerLabels.PORT, "socks"), 11080)))
			.withMessageContaining("label io.socks5udp.dante.port: 'socks' (expected: 1-65535)");
	}

	@Test
	void noPortLabelAndNothingExposedIsRejected() {
		assertThatIllegalStateException().isThrownBy(() -> details(ComposeService.of(IMAGE, Map.of())))
			.withMessage("Container sample-app-dante-1 (image docker.io/socks5-udp/dante:1.4.2) has no label"
					+ " io.socks5udp.dante.port and exposes no TCP port (expected: the port Dante listens on, as that"
					+ " label or as the only port under 'expose:' of a service with network_mode: host)");
	}

	@Test
	void noPortLabelAndSeveralExposedPortsIsRejected() {
		assertThatIllegalStateException().isThrownBy(() -> details(ComposeService.of(IMAGE, Map.of(), 9090, 8080)))
			.withMessageContaining("has no label io.socks5udp.dante.port and exposes TCP ports [8080, 9090]");
	}

	@Test
	void passwordWithoutUsernameIsRejectedWithoutShowingIt() {
		assertThatIllegalStateException()
			.isThrownBy(() -> details(ComposeService.of(IMAGE, Map.of(DanteContainerLabels.PASSWORD, PASSWORD), 11080)))
			.withMessageContaining("has no label io.socks5udp.dante.username")
			.withMessageNotContaining(PASSWORD);
	}

	@Test
	void usernameWithoutPasswordIsRejected() {
		assertThatIllegalStateException()
			.isThrownBy(() -> details(ComposeService.of(IMAGE, Map.of(DanteContainerLabels.USERNAME, "s5udp"), 11080)))
			.withMessageContaining("has no label io.socks5udp.dante.password");
	}

	private Socks5UdpConnectionDetails details(RunningService service) {
		Socks5UdpConnectionDetails details = this.factory
			.getConnectionDetails(DockerComposeConnectionSources.of(service));
		assertThat(details).isNotNull();
		return details;
	}

}
