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

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Socks5UdpRuntimeHints}.
 *
 * @author socks5-udp authors
 */
class Socks5UdpRuntimeHintsTests {

	@Test
	void rulesFilesNamedSocks5cConfAreResourcesOfANativeImage() {
		RuntimeHints hints = new RuntimeHints();
		new Socks5UdpRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("socks5c.conf")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("config/socks5c.conf")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("com/example/proxy/socks5c.conf")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("application.properties")).rejects(hints);
	}

	@Test
	void aheadOfTimeProcessingOfTheAutoConfigurationRegistersThem() {
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "Application")), new InMemoryGeneratedFiles());
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.register(Socks5UdpAutoConfiguration.class);
			new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
		}
		assertThat(RuntimeHintsPredicates.resource().forResource("socks5c.conf")).accepts(generation.getRuntimeHints());
	}

}
