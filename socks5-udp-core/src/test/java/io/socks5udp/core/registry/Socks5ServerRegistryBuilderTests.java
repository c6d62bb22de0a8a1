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
package io.socks5udp.core.registry;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for {@link Socks5ServerRegistryBuilder} and the {@code SOCKS5C_CONFIG}
 * environment variable.
 *
 * @author socks5-udp authors
 */
class Socks5ServerRegistryBuilderTests {

	private static final String VARIABLE = Socks5ServerRegistryBuilder.CONFIG_ENVIRONMENT_VARIABLE;

	@TempDir
	Path directory;

	@Test
	void environmentVariableUnsetAddsNothing() throws Exception {
		Socks5RuleSet rules = Socks5ServerRegistry.builder()
			.environment(Map.of("PATH", "/usr/bin"), this.directory.resolve("default.conf"))
			.text("properties", "10.0.0.0/8 proxy")
			.build();
		assertThat(rules.isDisabled()).isFalse();
		assertThat(rules.rules()).hasSize(1);
		assertThat(rules.lookup("10.1.1.1").server().name()).isEqualTo("proxy:1080");
		assertThat(Socks5ServerRegistry.fromEnvironment(Map.of()).lookup("10.1.1.1").isDirect()).isTrue();
	}

	@Test
	void environmentVariableSetButEmptyDisablesSocks() throws Exception {
		Socks5RuleSet rules = Socks5ServerRegistry.builder()
			.text("properties", "0.0.0.0/0 proxy\n::/0 proxy\n.example.test proxy")
			.environment(Map.of(VARIABLE, ""))
			.build();
		assertThat(rules.isDisabled()).isTrue();
		assertThat(List.of(rules.lookup("10.1.1.1"), rules.lookup("2001:db8::1"), rules.lookup("a.example.test")))
			.allSatisfy((route) -> assertThat(route.isDirect()).isTrue());
		assertThat(catchThrowable(() -> rules.requireServer("10.1.1.1")))
			.hasMessage("no SOCKS5 server for 10.1.1.1: SOCKS is disabled: SOCKS5C_CONFIG is set but empty");
		assertThat(Socks5ServerRegistry.fromEnvironment(Map.of(VARIABLE, "")).lookup("10.1.1.1").isDirect()).isTrue();
	}

	@Test
	void environmentVariableSetReadsTheNamedFile() throws Exception {
		Path file = Files.writeString(this.directory.resolve("socks5c.conf"), "10.0.0.0/8 from-file\n");
		Socks5ServerRegistry registry = Socks5ServerRegistry.fromEnvironment(Map.of(VARIABLE, file.toString()));
		assertThat(registry.lookup("10.1.1.1").server().name()).isEqualTo("from-file:1080");
		assertThat(registry.lookup("10.1.1.1").reason()).contains(file + ":1");
	}

	@Test
	void environmentVariableNamingAMissingFileFallsBackToTheDefaultFile() throws Exception {
		Path fallback = Files.writeString(this.directory.resolve("default.conf"), "10.0.0.0/8 from-default\n");
		Socks5RuleSet rules = Socks5ServerRegistry.builder()
			.environment(Map.of(VARIABLE, this.directory.resolve("missing.conf").toString()), fallback)
			.build();
		assertThat(rules.lookup("10.1.1.1").server().name()).isEqualTo("from-default:1080");
	}

	@Test
	void environmentVariableNamingAMissingFileWithoutDefaultFails() {
		Path missing = this.directory.resolve("missing.conf");
		Path fallback = this.directory.resolve("no-default.conf");
		assertThatExceptionOfType(NoSuchFileException.class)
			.isThrownBy(() -> Socks5ServerRegistry.builder()
				.environment(Map.of(VARIABLE, missing.toString()), fallback)
				.build())
			.withMessageContaining(missing.toString())
			.withMessageContaining(fallback.toString());
	}

	@Test
	void missingFileFails() {
		Path missing = this.directory.resolve("missing.conf");
		assertThatExceptionOfType(NoSuchFileException.class)
			.isThrownBy(() -> Socks5ServerRegistry.builder().file(missing).build())
			.withMessageContaining(missing.toString());
	}

	@Test
	void oneMalformedSourceFailsTheWholeBuild() {
		assertThatExceptionOfType(Socks5ConfigException.class)
			.isThrownBy(() -> Socks5ServerRegistry.builder()
				.text("good.conf", "10.0.0.0/8 proxy")
				.file(TestFiles.resource("malformed-line-3.conf"))
				.build())
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(3));
	}

	@Test
	void rulesSourceIsAskedAgainOnEachBuild() throws Exception {
		String[] server = { "first" };
		Socks5ServerRegistryBuilder builder = Socks5ServerRegistry.builder()
			.source(Socks5RuleSource.rules("properties",
					() -> List.of(Socks5ConfigParser.forFiles().parseRule("properties", 0, "10.0.0.0/8", server[0]))));
		assertThat(builder.build().lookup("10.0.0.1").server().host()).isEqualTo("first");
		server[0] = "second";
		assertThat(builder.build().lookup("10.0.0.1").server().host()).isEqualTo("second");
	}

}
