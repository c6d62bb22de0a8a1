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

package io.socks5udp.template;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Architecture rules of socks5-udp-spring: usable in a Spring application without Spring
 * Boot.
 *
 * @author socks5-udp authors
 */
class SpringModuleArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.socks5udp.template", "io.socks5udp.metrics");

	@Test
	void dependsOnNothingFromSpringBoot() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.because("socks5-udp-spring is for Spring applications with or without Spring Boot")
			.check(this.classes);
	}

	@Test
	void dependsOnNothingFromTheAutoConfiguration() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.socks5udp.autoconfigure..", "io.socks5udp.health..")
			.because("the auto-configuration wires socks5-udp-spring, never the other way round")
			.check(this.classes);
	}

	@Test
	void dependsOnNothingFromSpringIntegration() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.integration..", "io.socks5udp.integration..")
			.because("the template does not need Spring Integration; the adapters build on the template")
			.check(this.classes);
	}

}
