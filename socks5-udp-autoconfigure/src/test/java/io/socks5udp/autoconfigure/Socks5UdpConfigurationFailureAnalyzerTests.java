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

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link Socks5UdpConfigurationFailureAnalyzer}.
 *
 * @author socks5-udp authors
 */
@ExtendWith(OutputCaptureExtension.class)
class Socks5UdpConfigurationFailureAnalyzerTests {

	private static void run(String propertiesFile) {
		new SpringApplicationBuilder(Socks5UdpAutoConfiguration.class).web(WebApplicationType.NONE)
			.properties("spring.config.location=classpath:io/socks5udp/autoconfigure/" + propertiesFile)
			.run()
			.close();
	}

	private final AtomicReference<ConfigurableEnvironment> environment = new AtomicReference<>();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer((context) -> this.environment.set(context.getEnvironment()))
		.withConfiguration(AutoConfigurations.of(Socks5UdpAutoConfiguration.class))
		.withPropertyValues("socks5.udp.associate-on-startup=false", "socks5.udp.use-socks5c-config=false");

	@Test
	void reportNamesThePropertyItsValueAndTheFix() {
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1", "socks5.udp.servers.corp.port=70000")
			.run((context) -> {
				FailureAnalysis analysis = new Socks5UdpConfigurationFailureAnalyzer(this.environment.get())
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("Invalid SOCKS5 UDP configuration")
					.contains("Property: socks5.udp.servers.corp.port")
					.contains("Value: 70000")
					.contains("Origin: \"socks5.udp.servers.corp.port\" from property source \"test\"")
					.contains("Reason: port: 70000 (expected: 1-65535)");
				assertThat(analysis.getAction()).isEqualTo(
						"Set socks5.udp.servers.corp.port to the port SOCKS5 server 'corp' listens on (1080 if unset).");
			});
	}

	@Test
	void reportForAnUnknownServerNameListsTheKnownOnes() {
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1",
					"socks5.udp.rules[0].destination=.example.com", "socks5.udp.rules[0].server=lab")
			.run((context) -> {
				FailureAnalysis analysis = new Socks5UdpConfigurationFailureAnalyzer(this.environment.get())
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Property: socks5.udp.rules[0].server")
					.contains("unknown server name 'lab'");
				assertThat(analysis.getAction()).contains("(corp)");
			});
	}

	@Test
	void passwordIsNeverShown() {
		this.contextRunner
			.withPropertyValues("socks5.udp.servers.corp.host=127.0.0.1", "socks5.udp.servers.corp.username=alice",
					"socks5.udp.servers.corp.password=" + "s".repeat(300))
			.run((context) -> assertThat(new Socks5UdpConfigurationFailureAnalyzer(this.environment.get())
				.analyze(context.getStartupFailure())
				.getDescription()).contains("Value: ******").doesNotContain("sss"));
	}

	@Test
	void reportOfAValueFromApplicationPropertiesNamesItsOrigin(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("invalid-port.properties"));
		assertThat(output).contains("Invalid SOCKS5 UDP configuration")
			.contains("Property: socks5.udp.servers.corp.port")
			.contains("Value: 70000")
			.contains("Origin: class path resource [io/socks5udp/autoconfigure/invalid-port.properties] - 4:30")
			.contains("Reason: port: 70000 (expected: 1-65535)")
			.contains("Set socks5.udp.servers.corp.port to the port SOCKS5 server 'corp' listens on (1080 if unset).")
			// Spring Boot's analyzer of the superclass would say this instead
			.doesNotContain("Review the value of the property");
	}

	@Test
	void reportOfAPasswordFromApplicationPropertiesNamesItsOriginButNotItsValue(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("overlong-password.properties"));
		assertThat(output).contains("Property: socks5.udp.servers.corp.password")
			.contains("Value: ******")
			.contains("Origin: class path resource [io/socks5udp/autoconfigure/overlong-password.properties] - 5:34")
			.contains("Reason: length: 256 bytes (expected: 1-255 in UTF-8)")
			.doesNotContain("ppp");
	}

	@Test
	void comesBeforeSpringBootsAnalyzerOfTheSuperclassWhateverTheClassPathOrder() {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class,
					ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
						.and(Environment.class, new StandardEnvironment()),
					// as Boot does: analyzers whose libraries are absent are left out
					FailureHandler.logging(LogFactory.getLog(getClass())));
		FailureAnalyzer ours = analyzers.stream()
			.filter(Socks5UdpConfigurationFailureAnalyzer.class::isInstance)
			.findFirst()
			.orElseThrow();
		FailureAnalyzer boots = analyzers.stream()
			.filter((analyzer) -> analyzer.getClass()
				.getSimpleName()
				.equals("InvalidConfigurationPropertyValueFailureAnalyzer"))
			.findFirst()
			.orElseThrow();
		assertThat(AnnotationAwareOrderComparator.INSTANCE.compare(ours, boots)).isNegative();
	}

	@Test
	void isRegisteredAsAFailureAnalyzer() {
		assertThat(org.springframework.core.io.support.SpringFactoriesLoader
			.loadFactoryNames(org.springframework.boot.diagnostics.FailureAnalyzer.class, getClass().getClassLoader()))
			.contains(Socks5UdpConfigurationFailureAnalyzer.class.getName(),
					Socks5UdpStartupFailureAnalyzer.class.getName());
	}

}
