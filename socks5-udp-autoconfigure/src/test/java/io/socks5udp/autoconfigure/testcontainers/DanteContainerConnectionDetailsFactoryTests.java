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

package io.socks5udp.autoconfigure.testcontainers;

import io.socks5udp.test.dante.DanteContainer;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DanteContainerConnectionDetailsFactory} that need no Docker; see
 * {@link DanteServiceConnectionTests} and
 * {@link DanteServiceConnectionAuthenticationTests} for the factory at work.
 *
 * @author socks5-udp authors
 */
class DanteContainerConnectionDetailsFactoryTests {

	@Test
	void isRegisteredForSpringBootToFind() {
		// Factories of Boot modules whose optional libraries are absent here fail to
		// load.
		FailureHandler ignoreOthers = (factoryType, factoryImplementationName, failure) -> {
		};
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(ConnectionDetailsFactory.class, ignoreOthers))
			.hasAtLeastOneElementOfType(DanteContainerConnectionDetailsFactory.class);
	}

	@Test
	void matchesTheImageOfDanteContainerByDefault() {
		assertThat(DockerImageName.parse(DanteContainer.IMAGE).getRepository())
			.isEqualTo(DanteContainerConnectionDetailsFactory.IMAGE_NAME);
	}

	@Test
	void matchesDanteContainerByItsClassName() {
		assertThat(ClassUtils.getQualifiedName(DanteContainer.class))
			.isEqualTo(DanteContainerConnectionDetailsFactory.DANTE_CONTAINER_CLASS);
	}

}
