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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the build's {@code spring-boot:process-aot} execution made: the generated sources
 * and hints, their classes in the executable jar, and a run of that jar on the JVM with
 * {@code -Dspring.aot.enabled=true}, which uses them in place of the configuration
 * classes (and fails to start without them).
 *
 * @author socks5-udp authors
 */
class SampleApplicationAotIT {

	private static final Path JAR = Path.of(System.getProperty("sample.jar", "target/sample-app.jar"));

	private static final Path GENERATED = Path.of("target/spring-aot/main");

	private static final String INITIALIZER = "io/socks5udp/sample/SampleApplication__ApplicationContextInitializer";

	@Test
	void buildGeneratedTheContextInitializerAndHints() {
		assertThat(GENERATED.resolve("sources/" + INITIALIZER + ".java")).isRegularFile();
		assertThat(
				GENERATED.resolve("resources/META-INF/native-image/io.socks5udp/sample-app/reachability-metadata.json"))
			.isRegularFile();
	}

	@Test
	void jarHoldsTheGeneratedClasses() throws IOException {
		try (JarFile jar = new JarFile(JAR.toFile())) {
			assertThat(jar.getEntry("BOOT-INF/classes/" + INITIALIZER + ".class")).isNotNull();
		}
	}

	@Test
	void jarRunsWithTheGeneratedInitializer(@TempDir Path output) throws IOException, InterruptedException {
		Path out = output.resolve("stdout");
		Path err = output.resolve("stderr");
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-Dspring.aot.enabled=true", "-jar", JAR.toString(),
				"--sample.count=100")
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		boolean exited = process.waitFor(2, TimeUnit.MINUTES);
		if (!exited) {
			process.destroyForcibly();
		}
		assertThat(exited).as("exited within 2 minutes").isTrue();
		String stdout = Files.readString(out, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(Files.readString(err, StandardCharsets.UTF_8)).isZero();
		PingSummaryLine summary = PingSummaryLine.only(stdout);
		assertThat(summary.sent()).isEqualTo(100);
		assertThat(summary.received()).isEqualTo(100);
		assertThat(summary.server()).isEqualTo("embedded");
	}

}
