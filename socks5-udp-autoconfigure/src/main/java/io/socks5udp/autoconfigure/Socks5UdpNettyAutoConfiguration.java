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

import io.socks5udp.netty.Socks5DatagramChannelFactories;
import io.socks5udp.netty.Socks5DatagramChannelFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@link Socks5DatagramChannelFactories} when
 * {@code socks5-udp-netty} (and so Netty) is on the classpath: Netty datagram channels
 * through the servers of {@code socks5.udp.servers}, by name. No I/O here; a channel
 * opens its association when it is bound.
 *
 * @author socks5-udp authors
 */
@AutoConfiguration(after = Socks5UdpAutoConfiguration.class)
@ConditionalOnClass({ Socks5DatagramChannelFactory.class, Socks5UdpProperties.class })
@ConditionalOnBooleanProperty(name = "socks5.udp.enabled", matchIfMissing = true)
public final class Socks5UdpNettyAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Socks5DatagramChannelFactories socks5DatagramChannelFactories(Socks5UdpProperties properties,
			Socks5UdpConnectionDetails connectionDetails) {
		return new Socks5DatagramChannelFactories(Socks5UdpServerOptions.create(properties, connectionDetails));
	}

}
