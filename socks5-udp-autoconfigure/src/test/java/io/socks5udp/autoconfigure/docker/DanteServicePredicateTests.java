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

import io.socks5udp.autoconfigure.testcontainers.DanteContainerLabels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DanteServicePredicate}.
 *
 * @author socks5-udp authors
 */
class DanteServicePredicateTests {

	private final DanteServicePredicate predicate = new DanteServicePredicate();

	@ParameterizedTest
	@ValueSource(strings = { "socks5-udp/dante", "socks5-udp/dante:1.4.2", "vimagick/dante:latest", "dante", "danted",
			"registry.example.com:5000/team/dante-server:2", "example/socks_dante@sha256:0123abcd",
			"Example/Dante.Proxy" })
	void namesThatNameDante(String name) {
		assertThat(DanteServicePredicate.namesDante(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "redis", "library/postgres:16", "comandante-app", "pedantic", "dante/socks-proxy" })
	void namesThatDoNot(String name) {
		assertThat(DanteServicePredicate.namesDante(name)).isFalse();
	}

	@Test
	void acceptsADanteImage() {
		assertThat(this.predicate
			.test(DockerComposeConnectionSources.of(ComposeService.of("socks5-udp/dante:1.4.2", Map.of(), 11080))))
			.isTrue();
	}

	@Test
	void rejectsAnotherImageWithoutDanteLabels() {
		assertThat(this.predicate
			.test(DockerComposeConnectionSources.of(ComposeService.of("redis:7", Map.of("app", "cache"), 6379))))
			.isFalse();
	}

	@Test
	void acceptsAnyImageWithADanteLabel() {
		assertThat(this.predicate.test(DockerComposeConnectionSources
			.of(ComposeService.of("mycorp/socks-gateway", Map.of(DanteContainerLabels.SERVER_NAME, "corp"), 1080))))
			.isTrue();
	}

	@Test
	void followsTheServiceConnectionLabelOverImageAndLabels() {
		assertThat(this.predicate.test(DockerComposeConnectionSources.of(ComposeService.of("mycorp/socks-gateway",
				Map.of(DanteServicePredicate.SERVICE_CONNECTION_LABEL, "socks5-udp/dante"), 1080))))
			.isTrue();
		assertThat(this.predicate.test(DockerComposeConnectionSources.of(ComposeService.of("socks5-udp/dante",
				Map.of(DanteServicePredicate.SERVICE_CONNECTION_LABEL, "other", DanteContainerLabels.PORT, "1080")))))
			.isFalse();
	}

}
