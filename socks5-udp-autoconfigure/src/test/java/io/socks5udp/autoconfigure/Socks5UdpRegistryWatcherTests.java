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

package io.socks5udp.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.socks5udp.autoconfigure.health.Socks5UdpHealthContributorAutoConfiguration;
import io.socks5udp.autoconfigure.metrics.Socks5UdpMetricsAutoConfiguration;
import io.socks5udp.core.registry.ReloadableSocks5ServerRegistry;
import io.socks5udp.core.registry.Socks5ReloadStatus;
import io.socks5udp.core.registry.Socks5ServerRegistry;
import io.socks5udp.health.Socks5UdpRegistryHealthIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link Socks5UdpRegistryWatcher} and the beans of
 * {@code socks5.udp.watch-config-file}: an edit of the watched socks5c.conf file changes
 * the routes of the running application, and an edit that would send everything direct or
 * does not parse keeps the rules in use and shows in the log, the health and the meters.
 *
 * @author socks5-udp authors
 */
@ExtendWith(OutputCaptureExtension.class)
class Socks5UdpRegistryWatcherTests {

	private static final Duration RELOAD = Duration.ofSeconds(30);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(Socks5UdpAutoConfiguration.class,
				Socks5UdpHealthContributorAutoConfiguration.class, Socks5UdpMetricsAutoConfiguration.class,
				MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class))
		.withPropertyValues("socks5.udp.associate-on-startup=false", "socks5.udp.use-socks5c-config=false",
				"socks5.udp.servers.corp.host=127.0.0.1", "socks5.udp.servers.corp.port=1080");

	@Test
	void editsOfTheWatchedFileChangeRoutesAndBadEditsKeepTheRulesInUse(@TempDir Path directory, CapturedOutput output)
			throws Exception {
		Path file = directory.resolve("socks5c.conf");
		write(file, "10.0.0.0/8 corp\n");
		this.contextRunner
			.withPropertyValues("socks5.udp.config-file=file:" + file, "socks5.udp.watch-config-file=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ReloadableSocks5ServerRegistry.class);
				ReloadableSocks5ServerRegistry registry = context.getBean(ReloadableSocks5ServerRegistry.class);
				assertThat(context.getBean(Socks5ServerRegistry.class)).isSameAs(registry);
				assertThat(registry.isWatching()).isTrue();
				assertThat(registry.lookup("10.1.2.3").isDirect()).isFalse();
				assertThat(registry.lookup("192.0.2.1").isDirect()).isTrue();

				write(file, "10.0.0.0/8 corp\n192.0.2.0/24 corp\n");
				await().atMost(RELOAD).until(() -> !registry.lookup("192.0.2.1").isDirect());
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(
						meters.get("socks5.udp.registry.reloads").tag("outcome", "success").functionCounter().count())
					.isEqualTo(1);

				// A truncated file would send everything direct: refused, rules kept
				write(file, "# emptied by mistake\n");
				await().atMost(RELOAD)
					.until(() -> registry.reloadStatus().outcome() == Socks5ReloadStatus.Outcome.FAILED);
				assertThat(registry.lookup("192.0.2.1").isDirect()).isFalse();
				assertThat(registry.lookup("10.1.2.3").isDirect()).isFalse();
				assertThat(
						meters.get("socks5.udp.registry.reloads").tag("outcome", "failure").functionCounter().count())
					.isEqualTo(1);
				assertThat(meters.get("socks5.udp.registry.rules").gauge().value()).isEqualTo(2);
				Health health = context.getBean(Socks5UdpRegistryHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("lastReload", "FAILED")
					.containsEntry("rules", 2)
					.containsKey("failure");
				// The watcher logs the failure after it publishes the status: wait for
				// the line
				await().atMost(RELOAD)
					.untilAsserted(() -> assertThat(output.getAll()).contains("Reloading SOCKS5 rules from",
							"failed; the 2 rules in use stay"));

				// A line that does not parse: refused as well
				write(file, "10.0.0.0/8 corp\n192.0.2.0/33 corp\n");
				await().atMost(RELOAD).until(() -> registry.reloadStatus().consecutiveFailures() == 2);
				assertThat(registry.lookup("192.0.2.1").isDirect()).isFalse();
			});
	}

	@Test
	void watchingWithoutAFileFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("socks5.udp.watch-config-file=true").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(Socks5UdpConfigurationException.class)
				.hasMessageContaining("socks5.udp.watch-config-file");
		});
	}

	@Test
	void noWatchingByDefault(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("socks5c.conf");
		write(file, "10.0.0.0/8 corp\n");
		this.contextRunner.withPropertyValues("socks5.udp.config-file=file:" + file)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ReloadableSocks5ServerRegistry.class)
				.doesNotHaveBean(Socks5UdpRegistryWatcher.class)
				.doesNotHaveBean(Socks5UdpRegistryHealthIndicator.class));
	}

	private static void write(Path file, String text) throws Exception {
		Path next = file.resolveSibling(file.getFileName() + ".next");
		Files.writeString(next, text, StandardCharsets.UTF_8);
		Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

}
