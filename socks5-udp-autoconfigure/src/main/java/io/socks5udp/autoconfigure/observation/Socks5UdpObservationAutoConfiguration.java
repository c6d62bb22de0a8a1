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

package io.socks5udp.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;
import io.socks5udp.observation.Socks5UdpAssociationObservationConvention;
import io.socks5udp.observation.Socks5UdpObservationDocumentation;
import io.socks5udp.observation.Socks5UdpRequestObservationConvention;
import io.socks5udp.template.Socks5UdpTemplate;
import io.socks5udp.template.Socks5UdpTemplateCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link Socks5UdpObservationDocumentation observations} of the
 * {@link Socks5UdpTemplate}: where an {@link ObservationRegistry} bean exists, the
 * template observes its association attempts and request/reply exchanges with it, under a
 * {@link Socks5UdpAssociationObservationConvention} or
 * {@link Socks5UdpRequestObservationConvention} bean if the application defines one.
 * Without an {@code ObservationRegistry} nothing is observed.
 *
 * @author socks5-udp authors
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ Socks5UdpTemplate.class, ObservationRegistry.class })
@ConditionalOnBean(ObservationRegistry.class)
public final class Socks5UdpObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "socks5UdpObservationCustomizer")
	Socks5UdpTemplateCustomizer socks5UdpObservationCustomizer(ObservationRegistry registry,
			ObjectProvider<Socks5UdpAssociationObservationConvention> associationConvention,
			ObjectProvider<Socks5UdpRequestObservationConvention> requestConvention) {
		return (template) -> {
			template.setObservationRegistry(registry);
			template.setAssociationObservationConvention(associationConvention.getIfUnique());
			template.setRequestObservationConvention(requestConvention.getIfUnique());
		};
	}

}
