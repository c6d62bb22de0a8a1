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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the executable jar that the build made, with no arguments, as a user would:
 * {@code java -jar sample-app/target/sample-app.jar}.
 *
 * @author socks5-udp authors
 */
class SampleApplicationIT {

	private static final Path JAR = Path.of(System.getProperty("sample.jar", "target/sample-app.jar"));

	@Test
	void jarWithoutArgumentsPrintsTheSummaryAndExitsWithZero(@TempDir Path output)
			throws IOException, InterruptedException {
		assertThat(JAR).isRegularFile();
		Path out = output.resolve("stdout");
		Path err = output.resolve("stderr");
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-jar", JAR.toString()).redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		boolean exited = process.waitFor(2, TimeUnit.MINUTES);
		if (!exited) {
			process.destroyForcibly();
		}
		assertThat(exited).as("exited within 2 minutes").isTrue();
		assertThat(process.exitValue()).as(Files.readString(err, StandardCharsets.UTF_8)).isZero();
		PingSummaryLine summary = PingSummaryLine.only(Files.readString(out, StandardCharsets.UTF_8));
		assertThat(summary.sent()).isEqualTo(1000);
		assertThat(summary.received()).isEqualTo(1000);
		assertThat(summary.lost()).isZero();
		assertThat(summary.server()).isEqualTo("embedded");
		assertThat(summary.relay()).matches("127\\.0\\.0\\.1:\\d+");
	}

}
