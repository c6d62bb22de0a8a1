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

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplication.AbandonedRunException;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The sample under ahead-of-time processing, as {@code spring-boot:process-aot} (bound to
 * the build in the sample's pom) runs it: the processor calls {@code main} and stops the
 * run with an {@link AbandonedRunException} once the context is loaded.
 * {@code SampleApplicationAotIT} checks what the build generated, and runs it.
 *
 * @author socks5-udp authors
 */
class SampleApplicationAotTests {

	@Test
	void abandonedRunIsPassedOnNotReportedAsAStartupFailure() {
		AbandonedRunException abandoned = abandonedRun("--sample.embedded=false", "--sample.target=127.0.0.1:7");
		assertThat(abandoned).as("the run was abandoned, not reported with exit status 2").isNotNull();
		assertThat(abandoned.getApplicationContext()).isNotNull();
	}

	@Test
	void noEmbeddedRelayStartsWhileProcessingAheadOfTime() {
		AbandonedRunException abandoned = abandonedRun("--spring.aot.processing=true");
		ConfigurableApplicationContext context = abandoned.getApplicationContext();
		assertThat(context.containsBeanDefinition("embeddedSocks5Relay")).isFalse();
		assertThat(context.getEnvironment().getPropertySources().contains(EmbeddedRelayListener.PROPERTY_SOURCE))
			.isFalse();
	}

	private static AbandonedRunException abandonedRun(String... args) {
		return catchThrowableOfType(AbandonedRunException.class,
				() -> SpringApplication.withHook(SampleApplicationAotTests::abandonWhenLoaded, () -> {
					SampleApplication.run(args);
				}));
	}

	private static SpringApplicationRunListener abandonWhenLoaded(SpringApplication application) {
		return new SpringApplicationRunListener() {

			@Override
			public void contextLoaded(ConfigurableApplicationContext context) {
				throw new AbandonedRunException(context);
			}

		};
	}

}
