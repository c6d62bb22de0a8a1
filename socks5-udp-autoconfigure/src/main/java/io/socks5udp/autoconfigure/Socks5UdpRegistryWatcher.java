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

import java.io.IOException;
import java.io.UncheckedIOException;

import io.socks5udp.core.registry.ReloadableSocks5ServerRegistry;
import io.socks5udp.core.registry.Socks5RegistryListener;
import io.socks5udp.core.registry.Socks5RuleSet;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Watches the socks5c.conf file of a {@link ReloadableSocks5ServerRegistry} while the
 * application runs ({@code socks5.udp.watch-config-file=true}), and logs every reload
 * that fails or is refused: the rules in use stay.
 *
 * @author socks5-udp authors
 */
final class Socks5UdpRegistryWatcher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(Socks5UdpRegistryWatcher.class);

	private final ReloadableSocks5ServerRegistry registry;

	private volatile boolean running;

	Socks5UdpRegistryWatcher(ReloadableSocks5ServerRegistry registry) {
		this.registry = registry;
		registry.addListener(new Socks5RegistryListener() {

			@Override
			public void reloaded(Socks5RuleSet rules) {
				logger.info("Reloaded " + rules.rules().size() + " SOCKS5 rules from " + registry.files());
			}

			@Override
			public void reloadFailed(Exception failure) {
				logger.warn("Reloading SOCKS5 rules from " + registry.files() + " failed; the "
						+ registry.reloadStatus().ruleCount() + " rules in use stay: " + failure.getMessage());
			}

		});
	}

	@Override
	public void start() {
		try {
			this.registry.watch();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot watch " + this.registry.files(), ex);
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.registry.close();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
