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

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PingRunner}: a run and the application context's lifecycle, as when a
 * signal or Ctrl-C stops the sample during a run.
 *
 * @author socks5-udp authors
 */
@ExtendWith(OutputCaptureExtension.class)
class PingRunnerTests {

	private static final int COUNT = 1_000_000;

	@Test
	void contextClosedDuringARunStopsTheRunWithEveryPingSentAccountedFor(CapturedOutput output)
			throws InterruptedException {
		SpringApplication application = SampleApplication.application();
		CountDownLatch closed = new CountDownLatch(1);
		application.addListeners((ApplicationListener<ApplicationStartedEvent>) (started) -> {
			ConfigurableApplicationContext context = started.getApplicationContext();
			PingTracker tracker = context.getBean(PingTracker.class);
			Thread closer = new Thread(() -> {
				await().atMost(Duration.ofMinutes(1)).until(() -> tracker.received() >= 500);
				context.close();
				closed.countDown();
			}, "closer");
			closer.start();
		});
		ConfigurableApplicationContext context = application.run("--sample.count=" + COUNT, "--sample.warmup=0s");
		assertThat(closed.await(1, TimeUnit.MINUTES)).isTrue();
		assertThat(context.isActive()).isFalse();
		PingSummaryLine summary = PingSummaryLine.only(output.getOut());
		assertThat(summary.sent()).isPositive().isLessThan(COUNT);
		assertThat(summary.received()).isEqualTo(summary.sent());
		assertThat(summary.lost()).isZero();
		assertThat(output.getErr()).doesNotContain("error:");
	}

	@Test
	void contextStoppedBeforeTheRunSendsNoPing(CapturedOutput output) {
		SpringApplication application = SampleApplication.application();
		application.addListeners(
				(ApplicationListener<ApplicationStartedEvent>) (started) -> started.getApplicationContext().stop());
		ConfigurableApplicationContext context = application.run("--sample.warmup=0s");
		try {
			assertThat(context.isRunning()).isFalse();
			PingSummaryLine summary = PingSummaryLine.only(output.getOut());
			assertThat(summary.sent()).isZero();
			assertThat(summary.lost()).isZero();
			assertThat(output.getErr()).doesNotContain("error:");
			assertThat(context.getBean(PingRunner.class).getExitCode()).isOne();
		}
		finally {
			context.close();
		}
	}

}
