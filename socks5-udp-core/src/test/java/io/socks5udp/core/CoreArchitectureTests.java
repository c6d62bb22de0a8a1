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
package io.socks5udp.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Architecture rules of socks5-udp-core: the protocol core is JDK only.
 *
 * @author socks5-udp authors
 */
class CoreArchitectureTests {

	private final JavaClasses coreClasses = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.socks5udp.core");

	@Test
	void coreDependsOnNothingFromSpring() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.because("socks5-udp-core is usable without Spring")
			.check(this.coreClasses);
	}

	@Test
	void protocolDoesNoIo() {
		noClasses().that()
			.resideInAPackage("io.socks5udp.core.protocol..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("java.nio.channels..", "java.net.http..")
			.because("the protocol package is byte handling only, testable with byte arrays alone")
			.check(this.coreClasses);
	}

}
